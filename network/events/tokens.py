"""The signed cancel link of a registration: it works without logging in, for as long as the
registration exists. It names only the registration's number, signed with the secret key."""

from django.core import signing

SALT = "network.events.cancel"


def cancel_token(registration) -> str:
    return signing.dumps(registration.pk, salt=SALT, compress=True)


def registration_pk(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
