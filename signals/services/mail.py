"""Mail about signals: the outbox (queued here, sent by the task in signals/tasks.py), sending
failed mails again, and the daily digest of overdue signals."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from coalition.tasks import send_email
from signals.models import Signal, SignalEvent, SignalMail
from signals.services.workflow import in_site_language, record_event
from signals.tasks import send_signal_mail

Kind = SignalEvent.Kind


@in_site_language
def queue_mail(*, signal: Signal, kind: str, to: str, subject: str, body: str) -> SignalMail:
    """Store the mail in the outbox and send it from a background task after the commit."""
    mail = SignalMail.objects.create(signal=signal, kind=kind, to=to, subject=subject, body=body)
    record_event(signal=signal, kind=Kind.MAIL_QUEUED, detail=mail.get_kind_display())
    transaction.on_commit(lambda: send_signal_mail.enqueue(mail_id=mail.pk))
    return mail


def retry_failed_mail(*, now: datetime.datetime) -> int:
    """Queue again every failed mail (below the attempt limit), and mails that stayed queued
    for more than an hour (a worker that died)."""
    failed = SignalMail.objects.filter(
        state=SignalMail.State.FAILED, attempts__lt=settings.SIGNAL_MAIL_MAX_ATTEMPTS
    )
    stuck = SignalMail.objects.filter(
        state=SignalMail.State.QUEUED, created_at__lt=now - datetime.timedelta(hours=1)
    )
    ids = list((failed | stuck).exclude(to="").values_list("pk", flat=True))
    for mail_id in ids:
        send_signal_mail.enqueue(mail_id=mail_id)
    return len(ids)


@in_site_language
def send_overdue_digest(*, today: datetime.date) -> int:
    """Queue one e-mail to the coordinators listing the overdue signals (references only)."""
    overdue = list(Signal.objects.overdue(today).order_by("contact_due", "pk"))
    if not overdue:
        return 0
    lines = [
        _("%(reference)s: first contact was due on %(due)s")
        % {"reference": s.reference, "due": date_format(s.contact_due, "DATE_FORMAT")}
        for s in overdue
    ]
    body = (
        _("These signals have had no first contact in time:")
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + absolute_url(reverse("signals:queue") + "?overdue=on")
        + "\n"
    )
    send_email.enqueue(
        subject=_("%(count)s signals are overdue") % {"count": len(overdue)},
        body=body,
        to=[settings.COORDINATOR_EMAIL],
    )
    return len(overdue)
