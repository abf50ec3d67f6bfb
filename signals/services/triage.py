"""Triage: coordinators assign a signal, move it along, add notes and contact attempts, and
cancel, close or reopen it."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coalition.roles import is_coordinator
from signals.models import ContactAttempt, SatisfactionAnswer, Signal, SignalEvent
from signals.services.feedback import tell_reporter
from signals.services.workflow import guarded, record_event

Status = Signal.Status
Kind = SignalEvent.Kind
Moment = SatisfactionAnswer.Moment


def assign_signal(*, signal: Signal, by: User, to: User) -> Signal:
    def problem(locked):
        if not is_coordinator(to):
            return _("Only a coordinator can handle a signal.")
        if not locked.is_open:
            return _("Reopen the signal before you assign it.")
        return None

    def apply(locked):
        locked.assigned_to = to
        record_event(
            signal=locked,
            kind=Kind.ASSIGNED,
            by=by,
            detail=_("Assigned to %(name)s.") % {"name": to.get_full_name() or to.username},
        )
        if locked.status == Status.NEW:
            set_status(locked, Status.IN_PROGRESS, by)
        return locked

    return guarded(signal, by, problem, apply)


def set_status(signal: Signal, status: str, by: User | None, detail: str = "") -> None:
    old = signal.get_status_display()
    signal.status = status
    text = _("From %(old)s to %(new)s.") % {"old": old, "new": signal.get_status_display()}
    record_event(signal=signal, kind=Kind.STATUS, by=by, detail=f"{text} {detail}".strip())


def move_signal(*, signal: Signal, by: User, status: str) -> Signal:
    """A plain status step (contact made, referred, unreachable and back). Closing,
    cancelling and reopening have their own service: they need an outcome, link or reason."""

    def problem(locked):
        if status not in Status.values:
            return _("This status does not exist.")
        if status in Signal.FINISHED or (status == Status.IN_PROGRESS and not locked.is_open):
            return _("Use the form for closing, cancelling or reopening.")
        if not locked.can_move_to(status):
            return _transition_message(locked, status)
        return None

    def apply(locked):
        if status == Status.IN_PROGRESS and locked.assigned_to is None:
            locked.assigned_to = by
        if status == Status.CONTACTED and locked.first_contact_at is None:
            locked.first_contact_at = timezone.now()
            tell_reporter(signal=locked, moment=Moment.FIRST_CONTACT)
        set_status(locked, status, by)
        return locked

    return guarded(signal, by, problem, apply)


def _transition_message(signal: Signal, status: str) -> str:
    if status == Status.UNREACHABLE and status in Signal.TRANSITIONS.get(signal.status, ()):
        return _("A signal is only unreachable after %(n)s failed contact attempts.") % {
            "n": settings.SIGNAL_UNREACHABLE_ATTEMPTS
        }
    return _("A signal cannot go from %(old)s to %(new)s.") % {
        "old": signal.get_status_display(),
        "new": Status(status).label,
    }


def add_note(*, signal: Signal, by: User, text: str) -> SignalEvent:
    with transaction.atomic():
        return record_event(signal=signal, kind=Kind.NOTE, by=by, detail=text)


def log_contact_attempt(
    *,
    signal: Signal,
    by: User,
    at: datetime.datetime,
    channel: str,
    reached: bool,
    details: str = "",
) -> ContactAttempt:
    """Store a contact attempt. The first time the person is reached counts as first contact
    and moves the signal to "contact made" when the workflow allows it."""

    def problem(locked):
        return None if locked.is_open else _("Reopen the signal before you add to it.")

    def apply(locked):
        attempt = ContactAttempt.objects.create(
            signal=locked, by=by, at=at, channel=channel, reached=reached, details=details
        )
        summary = _("%(channel)s: reached") if reached else _("%(channel)s: not reached")
        summary %= {"channel": attempt.get_channel_display()}
        record_event(
            signal=locked,
            kind=Kind.CONTACT_ATTEMPT,
            by=by,
            detail=f"{summary}. {details}".strip() if details else summary,
        )
        if locked.call_back_on and timezone.localdate(at) >= locked.call_back_on:
            locked.call_back_on, locked.call_back_part = None, ""  # the call-back took place
        if reached:
            if locked.first_contact_at is None:
                locked.first_contact_at = at
                tell_reporter(signal=locked, moment=Moment.FIRST_CONTACT)
            if locked.can_move_to(Status.CONTACTED):
                set_status(locked, Status.CONTACTED, by)
        else:
            locked.failed_attempts += 1
        return attempt

    return guarded(signal, by, problem, apply)


def agree_call_back(
    *, signal: Signal, by: User, on: datetime.date, part: str, today: datetime.date
) -> Signal:
    """Record the call-back the coordinator agreed with the person: a day and a part of the
    day. It replaces an earlier agreement; a contact attempt on or after that day settles it.
    The resident's own words on when to call (``contact_when``) stay as they wrote them."""

    def problem(locked):
        if not locked.is_open:
            return _("Reopen the signal before you add to it.")
        if on < today:
            return _("Choose today or a later day to call back.")
        if part not in Signal.DayPart.values:
            return _("Choose a part of the day.")
        return None

    def apply(locked):
        locked.call_back_on, locked.call_back_part = on, part
        detail = _("Call back on %(day)s, in the %(part)s.") % {
            "day": date_format(on, "DATE_FORMAT"),
            "part": locked.get_call_back_part_display(),
        }
        record_event(signal=locked, kind=Kind.CALL_BACK, by=by, detail=detail)
        return locked

    return guarded(signal, by, problem, apply)


def cancel_signal(
    *, signal: Signal, by: User, reason: str, duplicate_of: Signal | None = None
) -> Signal:
    if reason != Signal.CancelReason.DUPLICATE:
        duplicate_of = None

    def problem(locked):
        if not locked.can_move_to(Status.CANCELLED):
            return _transition_message(locked, Status.CANCELLED)
        if reason not in Signal.CancelReason.values:
            return _("Choose why the signal is cancelled.")
        if reason == Signal.CancelReason.DUPLICATE and (
            duplicate_of is None or duplicate_of.pk == locked.pk
        ):
            return _("Give the reference of the signal this one repeats.")
        if duplicate_of and not Signal.objects.visible_to(by).filter(pk=duplicate_of.pk).exists():
            return _("There is no signal with this reference.")  # not: "not your district"
        return None

    def apply(locked):
        locked.cancel_reason = reason
        locked.duplicate_of = duplicate_of
        locked.closed_at = timezone.now()
        set_status(locked, Status.CANCELLED, by, locked.get_cancel_reason_display())
        if duplicate_of is not None:
            record_event(
                signal=locked,
                kind=Kind.DUPLICATE,
                by=by,
                detail=_("Repeats %(reference)s.") % {"reference": duplicate_of.reference},
            )
            record_event(
                signal=duplicate_of,
                kind=Kind.DUPLICATE,
                by=by,
                detail=_("%(reference)s was a duplicate of this signal.")
                % {"reference": locked.reference},
            )
        return locked

    return guarded(signal, by, problem, apply)


def close_signal(*, signal: Signal, by: User, outcome: str, note: str = "") -> Signal:
    def problem(locked):
        if outcome not in Signal.Outcome.values:
            return _("Choose an outcome to close the signal.")
        if not locked.can_move_to(Status.CLOSED):
            return _transition_message(locked, Status.CLOSED)
        return None

    def apply(locked):
        locked.outcome = outcome
        locked.closed_at = timezone.now()
        set_status(locked, Status.CLOSED, by)
        record_event(
            signal=locked,
            kind=Kind.CLOSED,
            by=by,
            detail=f"{locked.get_outcome_display()}. {note}".strip(),
        )
        tell_reporter(signal=locked, moment=Moment.CLOSED)
        return locked

    return guarded(signal, by, problem, apply)


def reopen_signal(*, signal: Signal, by: User, reason: str) -> Signal:
    def problem(locked):
        if locked.is_open or not locked.can_move_to(Status.IN_PROGRESS):
            return _("Only a closed or cancelled signal can reopen.")
        if not reason.strip():
            return _("Give a reason to reopen the signal.")
        if locked.anonymised_at:
            return _("An anonymised signal cannot reopen.")
        return None

    def apply(locked):
        locked.outcome = ""
        locked.cancel_reason = ""
        locked.duplicate_of = None
        locked.closed_at = None
        locked.assigned_to = locked.assigned_to or by
        set_status(locked, Status.IN_PROGRESS, by)
        record_event(signal=locked, kind=Kind.REOPENED, by=by, detail=reason)
        return locked

    return guarded(signal, by, problem, apply)
