"""The mails of the referral handshake. None holds personal data: they say that something
happened and link to the page where a logged-in user sees the rest. The links are not
secret, so the text goes to ``send_email`` as it is."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from coalition.tasks import send_email
from signals.models import Referral

PARTNER_TEXTS = {
    "new": (
        lambda: _("New referral from the Sociaal Servicepunt"),
        lambda: _(
            "The Sociaal Servicepunt has referred someone to %(organisation)s. Please let us "
            "know within %(days)s working days whether you will contact this person."
        ),
    ),
    "reminder": (
        lambda: _("Reminder: a referral is waiting for your answer"),
        lambda: _(
            "A referral to %(organisation)s has been waiting for an answer for %(days)s "
            "working days. Please let the Sociaal Servicepunt know whether you will contact "
            "this person."
        ),
    ),
}

COORDINATOR_TEXTS = {
    "declined": (
        lambda: _("A partner declined a referral"),
        lambda: _(
            "%(organisation)s declined a referral of signal %(reference)s. The signal is back "
            "among the signals to refer."
        ),
    ),
    "unanswered": (
        lambda: _("A partner has not answered a referral"),
        lambda: _(
            "%(organisation)s has not answered the referral of signal %(reference)s, also not "
            "after a reminder. Please contact the partner."
        ),
    ),
}


def _enqueue(*, subject: str, body: str, to: list[str]) -> None:
    for address in to:
        transaction.on_commit(
            lambda address=address: send_email.enqueue(subject=subject, body=body, to=[address]),
            robust=True,
        )


def partner_addresses(referral: Referral) -> list[str]:
    if referral.organisation_id is None:
        return []
    users = referral.organisation.users.filter(is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def mail_partners(referral: Referral, kind: str) -> int:
    """Mail every partner user of the referral's organisation (in the site's language: the
    callers run inside ``site_language``); returns the number of mails."""
    subject, text = PARTNER_TEXTS[kind]
    values = {
        "organisation": referral.organisation,
        "days": settings.REFERRAL_ANSWER_WORKING_DAYS,
    }
    link = absolute_url(reverse("signals:inbox_detail", args=[referral.pk]))
    body = text() % values + "\n\n" + _("Open the referral:") + "\n" + link + "\n"
    to = partner_addresses(referral)
    _enqueue(subject=subject(), body=body, to=to)
    return len(to)


def mail_coordinator(referral: Referral, kind: str) -> None:
    """Mail the signal's coordinator, or the Sociaal Servicepunt's address when nobody has
    the signal yet: only the reference and the organisation, and a link."""
    signal = referral.signal
    subject, text = COORDINATOR_TEXTS[kind]
    to = signal.assigned_to.email if signal.assigned_to and signal.assigned_to.email else ""
    body = (
        text()
        % {
            "organisation": referral.organisation or referral.target_name,
            "reference": signal.reference,
        }
        + "\n\n"
        + absolute_url(signal.get_absolute_url())
        + "\n"
    )
    _enqueue(subject=subject(), body=body, to=[to or settings.COORDINATOR_EMAIL])
