"""Referrals nobody answers: after ``REFERRAL_ANSWER_WORKING_DAYS`` working days a reminder
to the partner, after as many again a notice to the coordinator. Each is sent once: the
moment it was sent is stored on the referral."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from signals.models import Referral, Signal, SignalEvent
from signals.services.partner_mail import mail_coordinator, mail_partners
from signals.services.workflow import in_site_language, record_event
from signals.workdays import add_working_days


def answer_due(start: datetime.datetime) -> datetime.date:
    return add_working_days(timezone.localdate(start), settings.REFERRAL_ANSWER_WORKING_DAYS)


@in_site_language
def remind_referrals(*, now: datetime.datetime) -> tuple[int, int]:
    """Send the reminders that are due; returns (partners reminded, coordinators notified)."""
    today = timezone.localdate(now)
    candidates = (
        Referral.objects.awaiting_answer()
        .filter(escalated_at=None, signal__status__in=[Signal.Status.REFERRED])
        .select_related("signal__assigned_to", "organisation", "activity")
        .order_by("pk")
    )
    reminded = notified = 0
    for referral in candidates:
        with transaction.atomic():
            locked = Referral.objects.select_for_update().get(pk=referral.pk)
            if locked.state != Referral.State.NEW or locked.escalated_at:
                continue
            if locked.reminded_at is None and answer_due(locked.created_at) <= today:
                locked.reminded_at = now
                locked.save(update_fields=["reminded_at"])
                mail_partners(referral, "reminder")
                detail = _("Reminder sent to %(target)s.")
                reminded += 1
            elif locked.reminded_at and answer_due(locked.reminded_at) <= today:
                locked.escalated_at = now
                locked.save(update_fields=["escalated_at"])
                mail_coordinator(referral, "unanswered")
                detail = _("%(target)s did not answer; the coordinator is told.")
                notified += 1
            else:
                continue
            record_event(
                signal=referral.signal,
                kind=SignalEvent.Kind.REMINDED,
                detail=detail % {"target": referral.target_name},
            )
    return reminded, notified
