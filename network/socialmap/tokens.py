"""The signed link in a freshness reminder: whoever holds it may confirm one activity for
one partner user, for sixty days. It is made when the mail is sent (network/tasks.py)."""

from django.core import signing

VERIFY_SALT = "network.verify-activity"
VERIFY_MAX_AGE = 60 * 60 * 24 * 60  # a reminder link works for 60 days


def verification_token(activity, user) -> str:
    return signing.dumps({"a": activity.pk, "u": user.pk}, salt=VERIFY_SALT)


def read_verification_token(token: str) -> tuple[int, int] | None:
    """``(activity_pk, user_pk)`` of a valid reminder link, or None."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None
    return data["a"], data["u"]
