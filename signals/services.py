"""Workflows on signals. Every change goes through here, inside a transaction, with events."""

import datetime
import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coalition.roles import is_coordinator
from coalition.tasks import send_email
from signals.models import (
    ContactAttempt,
    Referral,
    Signal,
    SignalCounter,
    SignalEvent,
    SignalMail,
)

logger = logging.getLogger("signals")
Status = Signal.Status
Kind = SignalEvent.Kind


class WorkflowError(Exception):
    """A refused action; the message is shown to the coordinator."""


def record_event(*, signal: Signal, kind: str, by: User | None = None, detail: str = ""):
    return SignalEvent.objects.create(signal=signal, kind=kind, by=by, detail=detail)


def next_reference(*, year: int) -> str:
    """S-2026-00042: the next number of the year, from a counter row locked for update."""
    SignalCounter.objects.get_or_create(year=year)
    counter = SignalCounter.objects.select_for_update().get(year=year)
    counter.last_number = F("last_number") + 1
    counter.save(update_fields=["last_number"])
    counter.refresh_from_db()
    return f"S-{year}-{counter.last_number:05d}"


def submit_signal(
    *,
    data: dict,
    target_groups,
    channel: str,
    reported_by: User | None = None,
    form_token: str | None = None,
) -> tuple[Signal, bool]:
    """Store a signal and queue its mails. With a form token seen before, return the signal
    stored the first time and ``False``: a double submit stores once."""
    if form_token and (existing := Signal.objects.filter(form_token=form_token).first()):
        return existing, False
    try:
        with transaction.atomic():
            signal = _create_signal(
                data=data,
                target_groups=target_groups,
                channel=channel,
                reported_by=reported_by,
                form_token=form_token,
            )
    except IntegrityError:
        existing = Signal.objects.filter(form_token=form_token).first() if form_token else None
        if existing is None:
            raise
        return existing, False
    return signal, True


def _create_signal(*, data, target_groups, channel, reported_by, form_token) -> Signal:
    now = timezone.now()
    signal = Signal(**data, channel=channel, reported_by=reported_by, form_token=form_token)
    if signal.is_anonymous:
        for field in ("contact_name", "contact_phone", "contact_email", "contact_address"):
            setattr(signal, field, "")
        signal.contact_when = ""
    signal.created_at = now
    signal.contact_due = Signal.first_contact_due(timezone.localdate(now))
    signal.reference = next_reference(year=timezone.localdate(now).year)
    signal.save()
    signal.target_groups.set(target_groups)
    record_event(
        signal=signal,
        kind=Kind.CREATED,
        by=reported_by,
        detail=_("Received via %(channel)s.") % {"channel": signal.get_channel_display()},
    )
    link = settings_site_url(reverse("signals:detail", args=[signal.reference]))
    queue_mail(
        signal=signal,
        kind=SignalMail.Kind.NOTIFICATION,
        to=settings.COORDINATOR_EMAIL,
        subject=_("New signal %(reference)s") % {"reference": signal.reference},
        body=_(
            "A new signal %(reference)s has come in via %(channel)s.\n"
            "Open it in the signal workspace: %(link)s\n"
        )
        % {"reference": signal.reference, "channel": signal.get_channel_display(), "link": link},
    )
    if signal.contact_email:
        queue_mail(
            signal=signal,
            kind=SignalMail.Kind.CONFIRMATION,
            to=signal.contact_email,
            subject=_("We received your report %(reference)s") % {"reference": signal.reference},
            body=_(
                "Thank you for your report. Your reference is %(reference)s.\n\n"
                "A coordinator of the Sociaal Servicepunt will contact you before "
                "%(due)s.\n"
                "Questions? Call %(phone)s and mention your reference.\n"
            )
            % {
                "reference": signal.reference,
                "due": signal.contact_due.strftime("%d-%m-%Y"),
                "phone": settings.SUPPORT_PHONE,
            },
        )
    return signal


def settings_site_url(path: str) -> str:
    hosts = [h for h in settings.ALLOWED_HOSTS if h not in ("*",) and not h.startswith(".")]
    host = hosts[0] if hosts else "localhost"
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{host}{path}"


def queue_mail(*, signal: Signal, kind: str, to: str, subject: str, body: str) -> SignalMail:
    """Store the mail in the outbox and send it from a background task after the commit."""
    from signals.tasks import send_signal_mail

    mail = SignalMail.objects.create(signal=signal, kind=kind, to=to, subject=subject, body=body)
    record_event(signal=signal, kind=Kind.MAIL_QUEUED, detail=mail.get_kind_display())
    transaction.on_commit(lambda: send_signal_mail.enqueue(mail_id=mail.pk))
    return mail


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


def retry_failed_mail(*, now: datetime.datetime) -> int:
    """Queue again every failed mail (below the attempt limit), and mails that stayed queued
    for more than an hour (a worker that died)."""
    from signals.tasks import send_signal_mail

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


def _refuse(*, signal: Signal, by: User | None, message: str):
    """Log a refused action in the timeline (committed) and raise it for the view."""
    logger.warning("Refused on %s by %s: %s", signal, by, message)
    record_event(signal=signal, kind=Kind.REFUSED, by=by, detail=message)
    raise WorkflowError(message)


def _lock(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def view_signal(*, signal: Signal, by: User) -> None:
    record_event(signal=signal, kind=Kind.VIEWED, by=by)


def _guarded(signal: Signal, by: User | None, problem, apply):
    """Lock the signal, ask ``problem(locked)`` for a refusal message, else ``apply(locked)``.

    A refusal is logged after the (empty) transaction, so the log survives and nothing else
    is written; the checks see the locked, current row, not a stale copy.
    """
    with transaction.atomic():
        locked = _lock(signal)
        message = problem(locked)
        if message is None:
            result = apply(locked)
            locked.save()
    if message is not None:
        _refuse(signal=locked, by=by, message=message)
    return result


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
            _set_status(locked, Status.IN_PROGRESS, by)
        return locked

    return _guarded(signal, by, problem, apply)


def _set_status(signal: Signal, status: str, by: User | None, detail: str = "") -> None:
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
        _set_status(locked, status, by)
        return locked

    return _guarded(signal, by, problem, apply)


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
        if reached:
            locked.first_contact_at = locked.first_contact_at or at
            if locked.can_move_to(Status.CONTACTED):
                _set_status(locked, Status.CONTACTED, by)
        else:
            locked.failed_attempts += 1
        return attempt

    return _guarded(signal, by, problem, apply)


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
        return None

    def apply(locked):
        locked.cancel_reason = reason
        locked.duplicate_of = duplicate_of
        locked.closed_at = timezone.now()
        _set_status(locked, Status.CANCELLED, by, locked.get_cancel_reason_display())
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

    return _guarded(signal, by, problem, apply)


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
        _set_status(locked, Status.CLOSED, by)
        record_event(
            signal=locked,
            kind=Kind.CLOSED,
            by=by,
            detail=f"{locked.get_outcome_display()}. {note}".strip(),
        )
        return locked

    return _guarded(signal, by, problem, apply)


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
        _set_status(locked, Status.IN_PROGRESS, by)
        record_event(signal=locked, kind=Kind.REOPENED, by=by, detail=reason)
        return locked

    return _guarded(signal, by, problem, apply)


def anonymise_signal(*, signal: Signal, by: User | None, reason: str) -> Signal:
    """Blank personal fields, free texts, notes, contact attempt details and mail addresses;
    keep district, target groups, dates and outcomes for the statistics."""
    with transaction.atomic():
        signal = _lock(signal)
        for field in Signal.PERSONAL_FIELDS:
            setattr(signal, field, "")
        signal.form_token = None
        signal.anonymised_at = timezone.now()
        signal.save()
        signal.contact_attempts.update(details="")
        signal.referrals.update(note="", follow_up_note="")
        signal.mails.update(to="", body="", last_error="")
        signal.events.exclude(
            kind__in=[Kind.STATUS, Kind.MAIL_QUEUED, Kind.MAIL_SENT, Kind.MAIL_FAILED]
        ).redact()
        record_event(signal=signal, kind=Kind.ANONYMISED, by=by, detail=reason)
    return signal


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
                    "created_at": r.created_at.isoformat(),
                    "follow_up_on": r.follow_up_on.isoformat(),
                    "went": r.went,
                    "helps": r.helps,
                    "more_needed": r.more_needed,
                    "follow_up_note": r.follow_up_note,
                }
                for r in signal.referrals.select_related("activity", "organisation")
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


def send_overdue_digest(*, today: datetime.date) -> int:
    """Queue one e-mail to the coordinators listing the overdue signals (references only)."""
    overdue = list(Signal.objects.overdue(today).order_by("contact_due", "pk"))
    if not overdue:
        return 0
    lines = [
        _("%(reference)s: first contact was due on %(due)s")
        % {"reference": s.reference, "due": s.contact_due.strftime("%d-%m-%Y")}
        for s in overdue
    ]
    body = (
        _("These signals have had no first contact in time:")
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + settings_site_url(reverse("signals:queue") + "?overdue=on")
        + "\n"
    )
    send_email.enqueue(
        subject=_("%(count)s signals are overdue") % {"count": len(overdue)},
        body=body,
        to=[settings.COORDINATOR_EMAIL],
    )
    return len(overdue)


REFERABLE = (Status.CONTACTED, Status.REFERRED)


def refer_signal(
    *,
    signal: Signal,
    by: User,
    activities,
    organisations,
    note: str,
    person_agreed: bool,
    follow_up_on: datetime.date,
) -> list[Referral]:
    """Refer the person to activities and/or partner organisations; the signal becomes
    "referred". One referral per activity (its organisation is stored with it)."""

    def problem(locked):
        if locked.status not in REFERABLE:
            return _("Make contact before you refer the person.")
        if not activities and not organisations:
            return _("Choose at least one activity or partner.")
        return None

    def apply(locked):
        common = {
            "signal": locked,
            "created_by": by,
            "note": note,
            "person_agreed": person_agreed,
            "follow_up_on": follow_up_on,
        }
        referrals = [
            Referral.objects.create(activity=a, organisation=a.organisation, **common)
            for a in activities
        ] + [Referral.objects.create(organisation=o, **common) for o in organisations]
        for referral in referrals:
            record_event(
                signal=locked,
                kind=Kind.REFERRED,
                by=by,
                detail=_("To %(target)s; follow up on %(date)s.")
                % {"target": referral.target_name, "date": follow_up_on.strftime("%d-%m-%Y")},
            )
        if locked.status != Status.REFERRED:
            _set_status(locked, Status.REFERRED, by)
        return referrals

    return _guarded(signal, by, problem, apply)


def default_follow_up(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(weeks=settings.SIGNAL_FOLLOW_UP_WEEKS)


def record_follow_up(
    *,
    referral: Referral,
    by: User,
    went: str,
    helps: str,
    more_needed: bool,
    note: str = "",
) -> Referral:
    """Store the answers of the follow-up. When more help is needed on a closed signal, the
    signal reopens."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        referral.went, referral.helps, referral.more_needed = went, helps, more_needed
        referral.follow_up_note = note
        referral.followed_up_at = timezone.now()
        referral.save()
        answers = _("Went: %(went)s. Helps: %(helps)s. More needed: %(more)s.") % {
            "went": referral.get_went_display(),
            "helps": referral.get_helps_display(),
            "more": _("yes") if more_needed else _("no"),
        }
        record_event(
            signal=referral.signal,
            kind=Kind.FOLLOW_UP,
            by=by,
            detail=f"{referral.target_name}: {answers} {note}".strip(),
        )
    if more_needed and referral.signal.status == Status.CLOSED:
        reopen_signal(
            signal=referral.signal,
            by=by,
            reason=_("More help is needed after the follow-up."),
        )
    return referral
