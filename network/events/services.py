"""Workflows of public events: publish, register, cancel and move up, attendance, mail to the
registrants, erasure on request and on schedule, the reminder the day before."""

import datetime
import enum
import re

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from network.models import Campaign, EventRegistration, Meeting, PublicEvent, RegistrationLog

Status = EventRegistration.Status
PERSONAL_FIELDS = {"name": "", "email": "", "phone": "", "contact_key": ""}
NEEDS_FIELDS = {"needs_transport": False, "needs_hearing_loop": False, "needs_wheelchair": False}


def contact_key(*, email: str, phone: str) -> str:
    """The same person, however they typed it: the e-mail address in lower case, else the
    digits of the phone number (+31 6… and 06… are the same)."""
    if email.strip():
        return email.strip().lower()
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("31"):
        digits = "0" + digits[2:]
    return digits


def _mail(registration: EventRegistration, kind: str) -> None:
    from network.events.tasks import send_registration_mail

    if registration.email:
        transaction.on_commit(
            lambda: send_registration_mail.enqueue(registration_id=registration.pk, kind=kind)
        )


# Publishing -------------------------------------------------------------------------------


@transaction.atomic
def save_event(*, form, by) -> PublicEvent:
    """Store the form. A coordinator's event is published at once; a partner's waits for a
    coordinator's check, also after each change. More places move the waiting list up."""
    event = form.save(commit=False)
    if event.pk is None:
        event.created_by = by
    if by.has_perm("network.moderate_publicevent"):
        if event.publication_state == PublicEvent.Publication.PENDING:
            event.publication_state = PublicEvent.Publication.PUBLISHED
    else:
        event.publication_state = PublicEvent.Publication.PENDING
    event.save()
    form.save_m2m()
    if "capacity" in form.changed_data and form.initial:
        move_up(event=event, now=timezone.now())
    return event


def publish_event(*, event: PublicEvent) -> None:
    event.publication_state = PublicEvent.Publication.PUBLISHED
    event.rejection_reason = ""
    event.save(update_fields=["publication_state", "rejection_reason", "updated_at"])


def reject_event(*, event: PublicEvent, reason: str) -> None:
    event.publication_state = PublicEvent.Publication.REJECTED
    event.rejection_reason = reason
    event.save(update_fields=["publication_state", "rejection_reason", "updated_at"])


@transaction.atomic
def sync_public_meeting(*, meeting: Meeting) -> PublicEvent | None:
    """A network meeting marked public is in the agenda too, as an event of the coalition;
    unmarked, it leaves the agenda (its registrations stay)."""
    event = PublicEvent.objects.filter(meeting=meeting).first()
    if not meeting.is_public:
        if event is not None:
            event.publication_state = PublicEvent.Publication.PENDING
            event.save(update_fields=["publication_state", "updated_at"])
        return None
    event = event or PublicEvent(meeting=meeting)
    event.title = meeting.title
    event.summary = meeting.theme or meeting.title
    event.description = meeting.agenda
    event.starts_at, event.ends_at = meeting.starts_at, meeting.ends_at
    event.venue_name = meeting.place
    event.publication_state = PublicEvent.Publication.PUBLISHED
    event.save()
    return event


# Registration -----------------------------------------------------------------------------


class Registered(enum.Enum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    ALREADY = "already"
    CLOSED = "closed"


def seats_taken(event: PublicEvent) -> int:
    """The people of the confirmed registrations."""
    confirmed = event.registrations.filter(status=Status.CONFIRMED)
    return confirmed.aggregate(n=Sum("people"))["n"] or 0


@transaction.atomic
def register(*, event: PublicEvent, data: dict, now: datetime.datetime):
    """Sign a resident up: confirmed while there is room, else on the waiting list. The same
    contact details twice for one event give the first registration back. Returns the
    registration (None when closed) and what happened."""
    event = PublicEvent.objects.select_for_update().get(pk=event.pk)
    if event.is_past(now) or not event.registration_open or not event.is_published:
        return None, Registered.CLOSED
    key = contact_key(email=data.get("email", ""), phone=data.get("phone", ""))
    known = event.registrations.exclude(status=Status.CANCELLED).filter(contact_key=key).first()
    if known is not None:
        return known, Registered.ALREADY
    left = event.places_left(seats_taken(event))
    waiting = event.registrations.filter(status=Status.WAITING).exists()
    fits = left is None or (data["people"] <= left and not waiting)
    registration = EventRegistration.objects.create(
        event=event,
        contact_key=key,
        status=Status.CONFIRMED if fits else Status.WAITING,
        **data,
    )
    _mail(registration, registration.status)
    return registration, Registered.CONFIRMED if fits else Registered.WAITING


class Cancelled(enum.Enum):
    DONE = "done"
    ALREADY = "already"
    PAST = "past"


@transaction.atomic
def cancel(*, registration: EventRegistration, now: datetime.datetime) -> Cancelled:
    """Cancel by the resident's link; the place goes to the waiting list."""
    event = PublicEvent.objects.select_for_update().get(pk=registration.event_id)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        return Cancelled.ALREADY
    if event.is_past(now):
        return Cancelled.PAST
    was_confirmed = registration.status == Status.CONFIRMED
    registration.status, registration.cancelled_at = Status.CANCELLED, now
    registration.save(update_fields=["status", "cancelled_at"])
    if was_confirmed:
        move_up(event=event, now=now)
    return Cancelled.DONE


def move_up(*, event: PublicEvent, now: datetime.datetime) -> list[EventRegistration]:
    """Give free places to the waiting list, first come first served: the first in line moves
    up when their group fits, and so on; nobody jumps the queue. Each gets a mail."""
    moved = []
    left = event.places_left(seats_taken(event))
    for registration in event.registrations.filter(status=Status.WAITING).order_by(
        "created_at", "pk"
    ):
        if left is not None and registration.people > left:
            break
        registration.status, registration.moved_up_at = Status.CONFIRMED, now
        registration.save(update_fields=["status", "moved_up_at"])
        _mail(registration, "moved_up")
        moved.append(registration)
        if left is not None:
            left -= registration.people
    return moved


# The organiser ----------------------------------------------------------------------------


def log(*, event: PublicEvent, by, action: str, registration=None) -> None:
    RegistrationLog.objects.create(event=event, by=by, action=action, registration=registration)


@transaction.atomic
def record_attendance(*, event: PublicEvent, present: list[int], by) -> int:
    rows = event.registrations.filter(status=Status.CONFIRMED)
    rows.filter(pk__in=present).update(attended=True)
    rows.exclude(pk__in=present).update(attended=False)
    log(event=event, by=by, action=RegistrationLog.Action.ATTENDANCE)
    return rows.filter(attended=True).count()


@transaction.atomic
def mail_registrants(*, event: PublicEvent, subject: str, body: str, by) -> int:
    """A message about a change to everyone registered or waiting who gave an e-mail."""
    from network.events.tasks import send_event_message

    ids = list(
        event.registrations.exclude(status=Status.CANCELLED)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    for pk in ids:
        transaction.on_commit(
            lambda pk=pk: send_event_message.enqueue(registration_id=pk, subject=subject, body=body)
        )
    log(event=event, by=by, action=RegistrationLog.Action.MAILED)
    return len(ids)


@transaction.atomic
def erase_registration(*, registration: EventRegistration, by, now) -> None:
    """Erase one person's data on request; the count of people stays."""
    EventRegistration.objects.filter(pk=registration.pk).update(
        erased_at=now, **PERSONAL_FIELDS, **NEEDS_FIELDS
    )
    log(
        event=registration.event,
        by=by,
        action=RegistrationLog.Action.ERASED,
        registration=registration,
    )


def erase_due(*, now: datetime.datetime) -> int:
    """Erase the personal data of registrations for events that ended more than
    ``EVENT_DATA_KEEP_WEEKS`` ago; the counts (people, status, came) stay."""
    before = now - datetime.timedelta(weeks=settings.EVENT_DATA_KEEP_WEEKS)
    events = PublicEvent.objects.filter(ends_at__lt=before, data_erased_at=None)
    with transaction.atomic():
        ids = list(events.select_for_update().values_list("pk", flat=True))
        erased = EventRegistration.objects.filter(event__in=ids, erased_at=None).update(
            erased_at=now, **PERSONAL_FIELDS, **NEEDS_FIELDS
        )
        PublicEvent.objects.filter(pk__in=ids).update(data_erased_at=now)
    return erased


def send_reminders(*, now: datetime.datetime) -> int:
    """The reminder the day before: every confirmed registrant with an e-mail address of each
    published event that starts tomorrow (Amsterdam time), once per event."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    events = PublicEvent.objects.published().filter(
        starts_at__date=tomorrow, reminders_sent_at=None
    )
    sent = 0
    for event in events:
        with transaction.atomic():
            rows = event.registrations.filter(status=Status.CONFIRMED).exclude(email="")
            for registration in rows:
                _mail(registration, "reminder")
                sent += 1
            PublicEvent.objects.filter(pk=event.pk).update(reminders_sent_at=now)
    return sent


def count_download(*, campaign: Campaign, kind: str) -> None:
    field = f"{kind}_downloads"
    Campaign.objects.filter(pk=campaign.pk).update(**{field: F(field) + 1})
