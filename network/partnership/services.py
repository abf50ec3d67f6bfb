"""Workflows of the partner network: membership, people, agenda, meetings, trainings.

Mail and stored texts are written in the site's language, whatever language the person who
acts reads the site in.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear, TruncMonth
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coalition.tasks import send_email
from network.models import (
    Action,
    Article,
    Meeting,
    Membership,
    Organisation,
    Participation,
    Person,
    ProgressNote,
    Registration,
    Training,
)

ANONYMOUS_NAME = gettext_lazy("Anonymised")


def growth_by_month(memberships=None) -> list[dict]:
    """New members per month with the running total, oldest first."""
    memberships = Membership.objects.all() if memberships is None else memberships
    rows = (
        memberships.annotate(month=TruncMonth("signed_on"))
        .values("month")
        .annotate(new=Count("pk"))
        .order_by("month")
    )
    total = 0
    result = []
    for row in rows:
        total += row["new"]
        result.append({"month": row["month"], "new": row["new"], "total": total})
    return result


def growth_by_year(months: list[dict]) -> list[dict]:
    years: dict[int, int] = {}
    for row in months:
        years[row["month"].year] = years.get(row["month"].year, 0) + row["new"]
    total = 0
    result = []
    for year, new in sorted(years.items()):
        total += new
        result.append({"year": year, "new": new, "total": total})
    return result


@transaction.atomic
def anonymise_person(*, person: Person, now: datetime) -> Person:
    """Remove what identifies a person; trainings and counts stay."""
    with translation.override(settings.LANGUAGE_CODE):
        person.name = str(ANONYMOUS_NAME)
    person.role = ""
    person.email = ""
    person.phone = ""
    person.consent_to_list = False
    person.consent_on = None
    person.anonymised_at = now
    person.save()
    return person


@transaction.atomic
def add_progress_note(*, action: Action, by, text: str, today: date) -> ProgressNote:
    return ProgressNote.objects.create(action=action, author=by, text=text, written_on=today)


@transaction.atomic
def update_action_progress(
    *, action: Action, by, status: str, current_value: int, text: str, today: date
) -> ProgressNote | None:
    """The lead organisation's update: a new status and number, kept as a dated note.

    A note is written when the text says something or the status or number changed; it
    records the new number when that changed."""
    value_changed = current_value != action.current_value
    status_changed = status != action.status
    action.status, action.current_value = status, current_value
    action.save(update_fields=["status", "current_value"])
    if not (text or value_changed or status_changed):
        return None
    if not text:
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Status: %(status)s. Number reached: %(value)s.") % {
                "status": action.get_status_display(),
                "value": current_value,
            }
    return ProgressNote.objects.create(
        action=action,
        author=by,
        text=text,
        written_on=today,
        value=current_value if value_changed else None,
    )


@transaction.atomic
def register_for_meeting(*, meeting: Meeting, user, organisation: Organisation) -> Registration:
    name = user.get_full_name() or user.get_username()
    return Registration.objects.create(
        meeting=meeting, user=user, organisation=organisation, name=name
    )


@transaction.atomic
def record_attendance(*, meeting: Meeting, present: list[int]) -> int:
    registrations = meeting.registrations.all()
    registrations.exclude(pk__in=present).update(attended=False)
    return registrations.filter(pk__in=present).update(attended=True)


@transaction.atomic
def follow_up_action(*, meeting: Meeting, data: dict, participants) -> Action:
    action = Action.objects.create(meeting=meeting, **data)
    action.participants.set(participants)
    return action


def _contacts_of(organisations) -> list[str]:
    return sorted(
        set(
            Person.objects.filter(
                organisation__in=organisations, is_contact=True, anonymised_at=None
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _mail_meeting(meeting: Meeting, template: str, subject) -> int:
    """Mail every contact person of the invited organisations; ``subject`` is a lazy text
    with a ``%(title)s`` for the meeting's title."""
    to = _contacts_of(meeting.invited.all())
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(subject) % {"title": meeting.title}
        body = render_to_string(
            template, {"meeting": meeting, "site_name": settings.COALITION_NAME}
        )
    for address in to:
        send_email.enqueue(subject=subject, body=body, to=[address])
    return len(to)


@transaction.atomic
def send_invitations(*, meeting: Meeting, now: datetime) -> int:
    """Invite the contact persons of the invited organisations, one mail each."""
    sent = _mail_meeting(
        meeting,
        "network/partnership/email/meeting_invitation.txt",
        gettext_lazy("Invitation: %(title)s"),
    )
    meeting.invitations_sent_at = now
    meeting.save(update_fields=["invitations_sent_at"])
    return sent


def send_reminders(*, now: datetime, days_ahead: int = 2) -> int:
    """Remind invited contacts of meetings in the next days; each meeting once."""
    meetings = Meeting.objects.filter(
        starts_at__gte=now, starts_at__lte=now + timedelta(days=days_ahead), reminder_sent_at=None
    )
    sent = 0
    for meeting in meetings:
        with transaction.atomic():
            sent += _mail_meeting(
                meeting,
                "network/partnership/email/meeting_reminder.txt",
                gettext_lazy("Reminder: %(title)s"),
            )
            meeting.reminder_sent_at = now
            meeting.save(update_fields=["reminder_sent_at"])
    return sent


def deletion_blockers(organisation: Organisation) -> list[tuple[str, int]]:
    """What still refers to an organisation, as (description, count); empty when it may go."""
    blockers = []
    counts = [
        (_("activities"), organisation.activities.count()),
        (
            _("actions on the action agenda"),
            Action.objects.for_organisation(organisation).count(),
        ),
        (_("registrations for meetings"), organisation.meeting_registrations.count()),
        (
            _("trainings given or followed"),
            Training.objects.filter(
                Q(trainer_organisation=organisation) | Q(participations__organisation=organisation)
            )
            .distinct()
            .count(),
        ),
    ]
    for relation in Organisation._meta.related_objects:
        if relation.related_model._meta.app_label == "signals":
            model = relation.related_model
            counts.append(
                (
                    str(model._meta.verbose_name_plural),
                    model._default_manager.filter(**{relation.field.name: organisation}).count(),
                )
            )
    for label, count in counts:
        if count:
            blockers.append((label, count))
    return blockers


@transaction.atomic
def delete_organisation(*, organisation: Organisation) -> bool:
    if deletion_blockers(organisation):
        return False
    Person.objects.filter(organisation=organisation).update(organisation=None, is_contact=False)
    organisation.delete()
    return True


@transaction.atomic
def archive_organisation(*, organisation: Organisation) -> None:
    organisation.is_active = False
    organisation.save(update_fields=["is_active"])


@transaction.atomic
def add_participant(*, training: Training, person: Person, organisation, completed: bool):
    """Record who took part; completing an ambassador training makes the person an
    ambassador (never undone here: a person stays an ambassador until a coordinator says
    otherwise)."""
    participation = Participation.objects.create(
        training=training, person=person, organisation=organisation, completed=completed
    )
    if completed:
        _ambassador_by_training(participation)
    return participation


@transaction.atomic
def complete_participation(*, participation: Participation) -> Participation:
    """The participant finished the training (an ambassador training makes an ambassador)."""
    participation.completed = True
    participation.save(update_fields=["completed"])
    _ambassador_by_training(participation)
    return participation


def _ambassador_by_training(participation: Participation) -> None:
    person = participation.person
    if participation.training.makes_ambassador and not person.is_ambassador:
        person.is_ambassador = True
        person.save(update_fields=["is_ambassador"])


def cascade(trainings) -> list[dict]:
    """Who trained whom: per training, its participants and how many they reached further.

    ``trainings`` is one page of trainings; the chain is followed through all trainings.
    A person reached counts once, also when several trainers in the chain reached them.
    """
    trained_by: dict[int, set[int]] = {}
    for trainer_id, person_id in Participation.objects.filter(
        training__trainer_person__isnull=False
    ).values_list("training__trainer_person_id", "person_id"):
        trained_by.setdefault(trainer_id, set()).add(person_id)
    participations = Participation.objects.filter(training__in=trainings).select_related(
        "person", "organisation"
    )
    by_training: dict[int, list[Participation]] = {}
    for participation in participations:
        by_training.setdefault(participation.training_id, []).append(participation)

    def reached(person_id: int, seen: set[int]) -> set[int]:
        for child in trained_by.get(person_id, set()) - seen:
            seen.add(child)
            reached(child, seen)
        return seen

    rows = []
    for training in trainings:
        people = by_training.get(training.pk, [])
        direct = {p.person_id for p in people}
        downstream: set[int] = set()
        for person_id in direct:
            downstream |= reached(person_id, set(direct))
        rows.append(
            {
                "training": training,
                "participations": people,
                "direct": len(people),
                "further": len(downstream - direct),
            }
        )
    return rows


def trainings_per_year() -> list[dict]:
    """Per year: trainings held, people taking part and people who completed (for monitoring)."""
    return list(
        Participation.objects.annotate(year=ExtractYear("training__held_on"))
        .values("year")
        .annotate(
            trainings=Count("training", distinct=True),
            participants=Count("person", distinct=True),
            completed=Count("person", filter=Q(completed=True), distinct=True),
        )
        .order_by("year")
    )


def people_reached() -> int:
    """Everyone who took part in a training, each person once."""
    return Participation.objects.values("person").distinct().count()


@transaction.atomic
def save_article(*, form) -> Article:
    """Save an awareness item from a valid ArticleForm, with its image kept in the database."""
    article = form.save(commit=False)
    if form.cleaned_data.get("remove_image"):
        article.image, article.image_type, article.image_alt = None, "", ""
    if form.cleaned_data.get("upload"):
        article.image, article.image_type = form.cleaned_data["upload"]
    article.save()
    return article
