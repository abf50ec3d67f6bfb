"""The signed link in every message to ambassadors that unsubscribes without logging in."""

from django.core import signing

from network.models import Person

UNSUBSCRIBE_SALT = "network.ambassadors.unsubscribe"


def unsubscribe_token(person: Person) -> str:
    """A link token that says "this person", signed with the secret key: it works without
    logging in, cannot be made for someone else, and never runs out."""
    return signing.dumps(person.pk, salt=UNSUBSCRIBE_SALT)


def person_for_token(token: str) -> int:
    """The person id in a token; ``signing.BadSignature`` when it was changed or made up."""
    person_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(person_id, int):
        raise signing.BadSignature("not a person")
    return person_id
