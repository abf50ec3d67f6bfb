"""The referral handshake: the partner accepts or declines a referral and reports whether the
person came; the coordinator can withdraw a referral or the consent to pass on contact
details. Each step locks the signal (``guarded``), writes its line in the timeline and, where
someone must act, queues a mail without personal data."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from signals.models import Referral, Signal, SignalEvent
from signals.services.partner_mail import mail_coordinator
from signals.services.triage import set_status
from signals.services.workflow import guarded, record_event

Kind = SignalEvent.Kind
State = Referral.State
Status = Signal.Status

OUTCOME_KINDS = {
    "first_contact": Kind.PARTNER_CONTACT,
    Referral.Participation.CAME: Kind.CAME,
    Referral.Participation.REGULAR: Kind.REGULAR,
    Referral.Participation.STOPPED: Kind.STOPPED,
}


def _on_referral(referral: Referral, by: User, check, change) -> Referral:
    """``guarded`` for a step on one referral: the signal is locked, the referral read again
    under that lock; a withdrawn referral or a closed signal is refused, then ``check``."""
    current = {}

    def problem(locked):
        if not current:
            current["referral"] = Referral.objects.select_related("organisation", "activity").get(
                pk=referral.pk
            )
            current["referral"].signal = locked
        message = current["referral"].answer_problem() or check(current["referral"])
        return str(message) if message else None

    def apply(locked):
        return change(current["referral"], locked)

    return guarded(referral.signal, by, problem, apply)


def _answered(referral: Referral, by: User, state: str) -> None:
    referral.state = state
    referral.answered_at = timezone.now()
    referral.answered_by = by


def _back_to_refer(signal: Signal, by: User, without: Referral) -> None:
    """A referred signal without a referral that still runs goes back among the signals to
    refer ("contact made", where the coordinator refers from)."""
    live = signal.referrals.filter(state__in=[State.NEW, State.ACCEPTED], withdrawn_at=None)
    if signal.status == Status.REFERRED and not live.exclude(pk=without.pk).exists():
        set_status(signal, Status.CONTACTED, by, _("Refer the person again."))


def _not_new(referral: Referral) -> str | None:
    if referral.state != State.NEW:
        return _("This referral has already been answered.")
    return None


def accept_referral(*, referral: Referral, by: User) -> Referral:
    """The partner will contact the person."""

    def change(current, signal):
        _answered(current, by, State.ACCEPTED)
        current.save()
        record_event(
            signal=signal,
            kind=Kind.ACCEPTED,
            by=by,
            detail=_("%(target)s will contact the person.") % {"target": current.target_name},
        )
        return current

    return _on_referral(referral, by, _not_new, change)


def decline_referral(*, referral: Referral, by: User, reason: str, note: str = "") -> Referral:
    """The partner declines: the coordinator hears of it and the signal is to refer again."""

    def change(current, signal):
        _answered(current, by, State.DECLINED)
        current.decline_reason, current.decline_note = reason, note
        current.save()
        detail = _("%(target)s declined: %(reason)s.") % {
            "target": current.target_name,
            "reason": current.get_decline_reason_display(),
        }
        record_event(signal=signal, kind=Kind.DECLINED, by=by, detail=f"{detail} {note}".strip())
        _back_to_refer(signal, by, current)
        mail_coordinator(current, "declined")
        return current

    return _on_referral(referral, by, _not_new, change)


def record_partner_outcome(
    *, referral: Referral, by: User, kind: str, on: datetime.date, reason: str = ""
) -> Referral:
    """First contact made, came, comes regularly, or did not come / stopped (with a reason).
    The coordinator's follow-up is planned from the partner's first contact."""

    def check(current):
        if current.state != State.ACCEPTED:
            return _("Accept the referral before you record how it went.")
        if on > timezone.localdate():
            return _("This date lies in the future.")
        return None

    def change(current, signal):
        if kind == "first_contact" or current.first_contact_on is None:
            current.first_contact_on = on
            if current.followed_up_at is None:
                current.follow_up_on = on + datetime.timedelta(
                    weeks=settings.SIGNAL_FOLLOW_UP_WEEKS
                )
        if kind != "first_contact":
            current.participation, current.participation_on = kind, on
            current.stop_reason = reason if kind == Referral.Participation.STOPPED else ""
        current.save()
        detail = _("%(target)s, %(date)s.") % {
            "target": current.target_name,
            "date": date_format(on, "DATE_FORMAT"),
        }
        record_event(
            signal=signal, kind=OUTCOME_KINDS[kind], by=by, detail=f"{detail} {reason}".strip()
        )
        return current

    return _on_referral(referral, by, check, change)


def withdraw_referral(*, referral: Referral, by: User) -> Referral:
    """The coordinator takes a referral back: the partner no longer sees it."""

    def change(current, signal):
        current.withdrawn_at = timezone.now()
        current.save()
        record_event(
            signal=signal,
            kind=Kind.WITHDRAWN,
            by=by,
            detail=_("The referral to %(target)s is withdrawn.") % {"target": current.target_name},
        )
        _back_to_refer(signal, by, current)
        return current

    return _on_referral(referral, by, lambda current: None, change)


def withdraw_consent(*, signal: Signal, by: User) -> Signal:
    """The person no longer wants partners to have their name and phone number: partners see
    them no more, from now on; the coordinator is the go-between."""

    def problem(locked):
        if not locked.contact_shareable:
            return _("There is no consent to pass on contact details to withdraw.")
        return None

    def apply(locked):
        locked.share_withdrawn_at = timezone.now()
        record_event(
            signal=locked,
            kind=Kind.CONSENT_WITHDRAWN,
            by=by,
            detail=_("Partners no longer see the name and phone number."),
        )
        return locked

    return guarded(signal, by, problem, apply)
