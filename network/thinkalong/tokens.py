"""The signed sign-off link of a focus-group member: it works without logging in, cannot be
made for someone else and is stored nowhere."""

from django.core import signing

SIGN_OFF_SALT = "network.thinkalong.sign-off"


def sign_off_token(member_id: int) -> str:
    return signing.dumps(member_id, salt=SIGN_OFF_SALT)


def member_for_token(token: str) -> int:
    """The member id in a token; ``signing.BadSignature`` when it was changed or made up."""
    member_id = signing.loads(token, salt=SIGN_OFF_SALT)
    if not isinstance(member_id, int):
        raise signing.BadSignature("not a member")
    return member_id
