"""Background work of the signals app: sending the outbox mails that signals/services/mail.py
queues, one task per mail."""

import logging
from smtplib import SMTPException

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
    with transaction.atomic():
        mail = SignalMail.objects.select_for_update().select_related("signal").get(pk=mail_id)
        if mail.state == SignalMail.State.SENT or not mail.to:
            return mail.state
        mail.attempts += 1
        try:
            send_email.call(subject=mail.subject, body=mail.body, to=[mail.to])
        except (SMTPException, OSError) as error:
            logger.warning("Mail %s for signal %s failed: %s", mail.pk, mail.signal, error)
            mail.state = SignalMail.State.FAILED
            mail.last_error = str(error)[:300]
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
