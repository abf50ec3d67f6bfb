"""Background work of the signals app: sending the outbox mails that signals/services/mail.py
queues, one task per mail.

The outbox row is the source of truth, not the task. A worker first claims the mail for
``SIGNAL_MAIL_LEASE_SECONDS`` and commits that, then talks to the mail server, then records
the outcome. While the claim holds, no other attempt starts; when the worker died, the claim
runs out and ``retry_signal_mail`` (signals/services/mail.py) queues the mail again. Every
attempt carries the same Message-ID, so a mail the server took just before the worker died
is recognisably the same message when it comes again.
"""

import datetime
import logging
from smtplib import SMTPException

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from coalition.tasks import send_email
from signals.models import SignalEvent, SignalMail
from signals.services.workflow import in_site_language, record_event

logger = logging.getLogger("signals")
Kind = SignalEvent.Kind


@task
def send_signal_mail(*, mail_id: int) -> str:
    """Send one outbox mail and record sent or failed; ``retry_signal_mail`` queues it again."""
    return deliver_mail(mail_id=mail_id)


@in_site_language
def deliver_mail(*, mail_id: int) -> str:
    """Send one outbox mail (once); record sent or failed in the timeline."""
    mail, claim = claim_mail(mail_id=mail_id, now=timezone.now())
    if claim is None:
        return mail.state
    try:
        send_email.call(
            subject=mail.subject, body=mail.body, to=[mail.to], message_id=mail.message_id
        )
    except (SMTPException, OSError) as error:
        logger.warning("Mail %s for signal %s failed: %s", mail.pk, mail.signal, error)
        return record_outcome(mail_id=mail_id, claim=claim, error=str(error))
    return record_outcome(mail_id=mail_id, claim=claim)


def claim_mail(*, mail_id: int, now: datetime.datetime):
    """``(mail, claimed_until)``, committed; ``(mail, None)`` when the mail is sent, has no
    address, or another worker holds it."""
    with transaction.atomic():
        mail = SignalMail.objects.select_for_update().select_related("signal").get(pk=mail_id)
        if mail.state == SignalMail.State.SENT or not mail.to or mail.is_claimed(now):
            return mail, None
        mail.attempts += 1
        mail.claimed_until = now + datetime.timedelta(seconds=settings.SIGNAL_MAIL_LEASE_SECONDS)
        mail.save(update_fields=["attempts", "claimed_until"])
    return mail, mail.claimed_until


def record_outcome(*, mail_id: int, claim: datetime.datetime, error: str = "") -> str:
    """Record what the mail server said. A success always counts (once); a failure only while
    this attempt still holds the claim, else a newer attempt decides."""
    with transaction.atomic():
        mail = SignalMail.objects.select_for_update().select_related("signal").get(pk=mail_id)
        if mail.state == SignalMail.State.SENT or (error and mail.claimed_until != claim):
            return mail.state
        mail.claimed_until = None
        if error:
            pause = datetime.timedelta(minutes=settings.SIGNAL_MAIL_RETRY_MINUTES)
            mail.claimed_until = timezone.now() + pause  # no new attempt before then
            mail.state = SignalMail.State.FAILED
            mail.last_error = error[:300]
            record_event(
                signal=mail.signal,
                kind=Kind.MAIL_FAILED,
                detail=_("%(kind)s, attempt %(n)s")
                % {"kind": mail.get_kind_display(), "n": mail.attempts},
            )
        else:
            mail.state = SignalMail.State.SENT
            mail.sent_at = timezone.now()
            mail.last_error = ""
            record_event(signal=mail.signal, kind=Kind.MAIL_SENT, detail=mail.get_kind_display())
        mail.save()
    return mail.state
