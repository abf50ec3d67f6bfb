"""Background work of the partnership: one message to one ambassador."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coalition.lib import absolute_url
from coalition.tasks import send_email
from network.models import AmbassadorMessage, Person
from network.partnership.unsubscribe import unsubscribe_token


@task
def send_ambassador_message(*, message_id: int, person_id: int) -> bool:
    """Send a stored message to one ambassador, with their own unsubscribe link.

    Made here, not when it was queued: the arguments are ids, so the task table keeps no
    signed link. Someone who unsubscribed or lost their address in the meantime gets
    nothing (False)."""
    message = AmbassadorMessage.objects.get(pk=message_id)
    person = Person.objects.reachable_by_mail().filter(pk=person_id).first()
    if person is None:
        return False
    link = absolute_url(reverse("network:unsubscribe", args=[unsubscribe_token(person)]))
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "network/partnership/email/ambassador_message.txt",
            {
                "message": message,
                "person": person,
                "unsubscribe_url": link,
                "site_name": settings.COALITION_NAME,
            },
        )
    send_email.call(subject=message.subject, body=body, to=[person.email])
    return True
