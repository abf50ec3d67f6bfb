"""Mail about signals: the outbox (queued here, sent by the task in signals/tasks.py), the
sweep that queues again what a failure, a dead worker or a lost task left unsent, and the
daily digest of overdue signals."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from coalition.tasks import send_email, waiting_task_kwargs
from signals.models import Signal, SignalEvent, SignalMail
from signals.services.workflow import in_site_language, record_event
from signals.tasks import send_signal_mail

Kind = SignalEvent.Kind


@in_site_language
def queue_mail(*, signal: Signal, kind: str, to: str, subject: str, body: str) -> SignalMail:
    """Store the mail in the outbox and send it from a background task after the commit.

    The outbox row is what counts: when the task cannot be queued (the database connection
    died right after the commit), the request goes on and ``sweep_outbox`` queues it.
    """
    mail = SignalMail.objects.create(signal=signal, kind=kind, to=to, subject=subject, body=body)
    record_event(signal=signal, kind=Kind.MAIL_QUEUED, detail=mail.get_kind_display())
    transaction.on_commit(lambda: send_signal_mail.enqueue(mail_id=mail.pk), robust=True)
    return mail


def queue_mails(*, signal: Signal, mails: list[SignalMail], events: list[SignalEvent] = ()):
    """``queue_mail`` for several mails of a new signal at once: the outbox rows in one
    insert and their timeline events (with ``events``, the signal's own) in another; each
    mail's task is queued after the commit."""
    SignalMail.objects.bulk_create(mails)
    SignalEvent.objects.bulk_create(
        [
            *events,
            *(
                SignalEvent(signal=signal, kind=Kind.MAIL_QUEUED, detail=mail.get_kind_display())
                for mail in mails
            ),
        ]
    )
    # One task per mail (not one for all): a worker killed while sending one mail holds
    # back only that mail, until its claim runs out and the sweep queues it again.
    for mail in mails:
        transaction.on_commit(lambda pk=mail.pk: send_signal_mail.enqueue(mail_id=pk), robust=True)
    return mails


def sweep_outbox(*, now: datetime.datetime) -> int:
    """Queue a task for every outbox mail that is not sent and that no worker or task will
    send: failed ones (below the attempt limit), ones whose worker died while sending (the
    claim ran out), and ones whose task was never queued (older than a claim, unclaimed).
    Mails whose task still waits in the queue are left to it. Returns how many were queued."""
    lease = datetime.timedelta(seconds=settings.SIGNAL_MAIL_LEASE_SECONDS)
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    failed = Q(state=SignalMail.State.FAILED, attempts__lt=settings.SIGNAL_MAIL_MAX_ATTEMPTS)
    abandoned = Q(state=SignalMail.State.QUEUED, claimed_until__lt=now)
    lost = Q(state=SignalMail.State.QUEUED, claimed_until__isnull=True, created_at__lt=now - lease)
    candidates = SignalMail.objects.filter(free & (failed | abandoned | lost)).exclude(to="")
    waiting = {kwargs.get("mail_id") for kwargs in waiting_task_kwargs(send_signal_mail)}
    ids = [pk for pk in candidates.values_list("pk", flat=True) if pk not in waiting]
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
