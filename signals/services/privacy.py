"""Privacy and retention: every view of the personal data logged, the export of everything
stored about a person, and anonymisation on request or after the retention period."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from signals.models import Signal, SignalEvent
from signals.services.workflow import in_site_language, lock, record_event

Kind = SignalEvent.Kind


def view_signal(*, signal: Signal, by: User) -> None:
    record_event(signal=signal, kind=Kind.VIEWED, by=by)


def anonymise_signal(*, signal: Signal, by: User | None, reason: str) -> Signal:
    """Blank personal fields, free texts, notes, contact attempt details and mail addresses;
    keep district, target groups, dates and outcomes for the statistics."""
    with transaction.atomic():
        signal = lock(signal)
        for field in Signal.PERSONAL_FIELDS:
            setattr(signal, field, "")
        signal.form_token = None
        signal.anonymised_at = timezone.now()
        signal.save()
        signal.contact_attempts.update(details="")
        # The partner's free texts go too; the answers and dates stay for the figures. The
        # partner's inbox no longer lists the referral (``Referral.objects.for_partner``).
        signal.referrals.update(note="", follow_up_note="", decline_note="", stop_reason="")
        signal.mails.update(to="", body="", last_error="")
        signal.satisfaction_answers.update(remark="")
        signal.events.exclude(
            kind__in=[Kind.STATUS, Kind.MAIL_QUEUED, Kind.MAIL_SENT, Kind.MAIL_FAILED]
        ).redact()
        record_event(signal=signal, kind=Kind.ANONYMISED, by=by, detail=reason)
    return signal


@in_site_language
def anonymise_expired(*, now: datetime.datetime) -> list[str]:
    """Anonymise every finished signal past its retention period; returns the references."""
    done = []
    for signal in Signal.objects.due_for_anonymisation(now).order_by("pk"):
        anonymise_signal(
            signal=signal,
            by=None,
            reason=_("Retention period of %(months)s months has passed.")
            % {"months": settings.SIGNAL_RETENTION_MONTHS},
        )
        done.append(signal.reference)
    return done


def export_signal(*, signal: Signal, by: User) -> dict:
    """Everything stored about the person in one signal (the right of access); logged."""
    with transaction.atomic():
        record_event(signal=signal, kind=Kind.EXPORTED, by=by)
        fields = {
            f.name: getattr(signal, f.name)
            for f in Signal._meta.concrete_fields
            if f.name not in ("id", "form_token") and not f.is_relation
        }
        return {
            "signal": {
                **{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in fields.items()},
                "district": str(signal.district or ""),
                "target_groups": [str(g) for g in signal.target_groups.all()],
                "assigned_to": signal.assigned_to.get_full_name() if signal.assigned_to else "",
                "duplicate_of": signal.duplicate_of.reference if signal.duplicate_of else "",
            },
            "contact_attempts": [
                {
                    "at": a.at.isoformat(),
                    "channel": a.channel,
                    "reached": a.reached,
                    "details": a.details,
                }
                for a in signal.contact_attempts.all()
            ],
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "by": e.by.get_full_name() if e.by else "",
                    "detail": e.detail,
                }
                for e in signal.events.select_related("by")
            ],
            "referrals": [
                {
                    "to": r.target_name,
                    "note": r.note,
                    "person_agreed": r.person_agreed,
                    "state": r.state,
                    "decline_reason": r.decline_reason,
                    "decline_note": r.decline_note,
                    "first_contact_on": r.first_contact_on.isoformat()
                    if r.first_contact_on
                    else None,
                    "participation": r.participation,
                    "stop_reason": r.stop_reason,
                    "created_at": r.created_at.isoformat(),
                    "follow_up_on": r.follow_up_on.isoformat(),
                    "went": r.went,
                    "helps": r.helps,
                    "more_needed": r.more_needed,
                    "follow_up_note": r.follow_up_note,
                }
                for r in signal.referrals.select_related("activity", "organisation")
            ],
            "satisfaction": [
                {
                    "moment": a.moment,
                    "answer": a.answer,
                    "remark": a.remark,
                    "answered_at": a.answered_at.isoformat(),
                }
                for a in signal.satisfaction_answers.all()
            ],
            "mails": [
                {
                    "kind": m.kind,
                    "to": m.to,
                    "state": m.state,
                    "created_at": m.created_at.isoformat(),
                }
                for m in signal.mails.all()
            ],
        }
