"""The mails to registrants. Each task gets ids and makes the signed cancel link when it runs,
so the link is stored nowhere (see coalition/tasks.py); the text is in the site's language."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from coalition.lib import absolute_url
from coalition.tasks import send_email
from network.events.tokens import cancel_token
from network.models import EventRegistration

SUBJECTS = {
    "confirmed": gettext_noop("You are registered for “%(title)s”"),
    "waiting": gettext_noop("You are on the waiting list for “%(title)s”"),
    "moved_up": gettext_noop("There is a place for you at “%(title)s”"),
    "reminder": gettext_noop("Tomorrow: “%(title)s”"),
}


def _context(registration: EventRegistration) -> dict:
    link = reverse("network:event_cancel", args=[cancel_token(registration)])
    return {
        "registration": registration,
        "event": registration.event,
        "cancel_url": absolute_url(link),
        "event_url": absolute_url(registration.event.get_absolute_url()),
        "site_name": settings.COALITION_NAME,
        "support_phone": settings.SUPPORT_PHONE,
    }


def _registration(pk: int) -> EventRegistration | None:
    rows = EventRegistration.objects.select_related("event").exclude(email="")
    return rows.exclude(status=EventRegistration.Status.CANCELLED).filter(pk=pk).first()


@task
def send_registration_mail(*, registration_id: int, kind: str) -> int:
    """Confirmation, waiting list, moved up, or the reminder the day before."""
    registration = _registration(registration_id)
    if registration is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[kind]) % {"title": registration.event.title}
        body = render_to_string(f"network/events/email/{kind}.txt", _context(registration))
    return send_email.call(subject=subject, body=body, to=[registration.email])


@task
def send_event_message(*, registration_id: int, subject: str, body: str) -> int:
    """The organiser's message about a change, with the registrant's own cancel link."""
    registration = _registration(registration_id)
    if registration is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(
            "network/events/email/message.txt", {**_context(registration), "message": body}
        )
    return send_email.call(subject=subject, body=text, to=[registration.email])
