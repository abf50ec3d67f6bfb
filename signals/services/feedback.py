"""The reporter hears back (issue 14): a short message after the first contact and after
closing, through the outbox, with one question and a signed link to answer it.

The link is signed (``django.core.signing`` with its own salt) over the signal and the
moment, so it is checked without a stored token; it answers once (one row per signal and
moment). The message says only that the Sociaal Servicepunt was in touch or has finished,
and whom to call: never anything about the person the report is about.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from signals.models import SatisfactionAnswer, Signal, SignalMail
from signals.services.mail import queue_mail
from signals.services.workflow import in_site_language

Moment = SatisfactionAnswer.Moment
SALT = "signals.satisfaction"
LINK_MAX_AGE = 60 * 60 * 24 * 180  # half a year: the question is about a recent contact
MAIL_KIND = {
    Moment.FIRST_CONTACT: SignalMail.Kind.REPORTER_CONTACT,
    Moment.CLOSED: SignalMail.Kind.REPORTER_CLOSED,
}


class AlreadyAnswered(Exception):
    """The question of this link was answered before."""


def satisfaction_token(signal: Signal, moment: str) -> str:
    return signing.dumps([signal.pk, moment], salt=SALT, compress=True)


def read_satisfaction_token(token: str) -> tuple[int, str] | None:
    """``(signal id, moment)`` from a link; ``None`` when forged, garbled or expired."""
    try:
        signal_id, moment = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(signal_id, int) or moment not in Moment.values:
        return None
    return signal_id, moment


def reporter_address(signal: Signal) -> str:
    """The reporter's own e-mail address. The form asks "how may we contact you?", so the
    contact details are the reporter's (for a self-report, the person's own); an anonymous
    or anonymised signal has none."""
    if signal.is_anonymous or signal.anonymised_at:
        return ""
    return signal.contact_email


@in_site_language
def tell_reporter(*, signal: Signal, moment: str) -> SignalMail | None:
    """Queue the message of ``moment`` to the reporter, once per signal: a signal that is
    closed again after reopening sends no second one. Call it inside the step's
    transaction; the outbox sends it after the commit."""
    address = reporter_address(signal)
    kind = MAIL_KIND[moment]
    if not address or signal.mails.filter(kind=kind).exists():
        return None
    link = absolute_url(reverse("signals:satisfaction", args=[satisfaction_token(signal, moment)]))
    context = {"reference": signal.reference, "phone": settings.SUPPORT_PHONE, "link": link}
    if moment == Moment.FIRST_CONTACT:
        subject = _("The Sociaal Servicepunt was in touch about your report %(reference)s")
        opening = _("Thank you for your report. The Sociaal Servicepunt was in touch about it.")
    else:
        subject = _("The Sociaal Servicepunt has finished your report %(reference)s")
        opening = _("Thank you for your report. The Sociaal Servicepunt has finished handling it.")
    body = (
        opening
        + "\n\n"
        + _("Questions? Call %(phone)s and mention your reference %(reference)s.") % context
        + "\n\n"
        + _("Are you satisfied with how we handled your report? Answer with this link:")
        + "\n"
        + link
        + "\n"
    )
    return queue_mail(signal=signal, kind=kind, to=address, subject=subject % context, body=body)


def answer_satisfaction(
    *, signal: Signal, moment: str, answer: str, remark: str = ""
) -> SatisfactionAnswer:
    """Store the reporter's answer; ``AlreadyAnswered`` for a second one."""
    try:
        with transaction.atomic():
            return SatisfactionAnswer.objects.create(
                signal=signal, moment=moment, answer=answer, remark=remark.strip()
            )
    except IntegrityError:
        raise AlreadyAnswered from None
