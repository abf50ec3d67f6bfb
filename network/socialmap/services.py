"""Workflows of the social map: moderation, changes under review, freshness, partner accounts.

Every function is keyword-only and runs in one transaction; views, commands and the admin
call these and repeat none of it. Mail and the history are written in the site's language,
whatever language the person who acts reads the site in.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from coalition.tasks import send_email
from network.models import Activity, ActivityChange, ActivityEvent, MistakeReport
from network.tasks import send_verification_reminder

# The fields a partner edits; a change under review holds new values for these.
EDITABLE_FIELDS = [
    "organisation",
    "title",
    "summary",
    "description",
    "activity_types",
    "target_groups",
    "min_age",
    "max_age",
    "venue_name",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "district",
    "step_free",
    "accessible_toilet",
    "hearing_loop",
    "parking",
    "public_transport",
    "accessibility_notes",
    "is_online",
    "online_url",
    "schedule_kind",
    "weekdays",
    "interval",
    "month_week",
    "dates",
    "start_time",
    "end_time",
    "valid_from",
    "valid_until",
    "is_free",
    "price",
    "cost_notes",
    "how_to_join",
    "referral_needed",
    "languages",
    "contact_name",
    "email",
    "phone",
    "website",
    "status",
    "alert",
]


def _json(value):
    if isinstance(value, models.QuerySet):
        return sorted(item.pk for item in value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def values_of(activity: Activity) -> dict:
    """The editable values of a stored activity, as JSON."""
    data = {}
    for name in EDITABLE_FIELDS:
        field = Activity._meta.get_field(name)
        if field.many_to_many:
            data[name] = sorted(getattr(activity, name).values_list("pk", flat=True))
        elif field.is_relation:
            data[name] = getattr(activity, field.attname)
        else:
            data[name] = _json(getattr(activity, name))
    return data


def values_from_form(cleaned_data: dict) -> dict:
    """The values a form holds, as JSON (the same shape as ``values_of``)."""
    return {name: _json(cleaned_data[name]) for name in EDITABLE_FIELDS if name in cleaned_data}


def _display(field, value) -> str:
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        return ", ".join(str(o) for o in field.related_model.objects.filter(pk__in=value))
    if field.is_relation:
        return str(field.related_model.objects.filter(pk=value).first() or "—")
    if field.choices:
        return str(dict(field.choices).get(field.to_python(value), value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def diff(old: dict, new: dict) -> list[dict]:
    """Field by field what changes: ``[{"field", "label", "old", "new"}]``."""
    rows = []
    for name in EDITABLE_FIELDS:
        if name in new and old.get(name) != new[name]:
            field = Activity._meta.get_field(name)
            rows.append(
                {
                    "field": name,
                    "label": str(field.verbose_name),
                    "old": _display(field, old.get(name)),
                    "new": _display(field, new[name]),
                }
            )
    return rows


def _apply(activity: Activity, data: dict, *, refresh: bool = True) -> None:
    many = {}
    for name, value in data.items():
        field = Activity._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        elif field.is_relation:
            setattr(activity, field.attname, value)
        elif value is None or isinstance(field, models.JSONField):
            setattr(activity, name, value)
        else:
            setattr(activity, name, field.to_python(value))
    activity.save()
    for name, ids in many.items():
        getattr(activity, name).set(ids)
    if refresh:
        Activity.objects.filter(pk=activity.pk).refresh_search_vectors()


def _history_diff(old: dict, new: dict) -> list[dict]:
    """``diff`` with the labels and values in the site's language, to keep in the history."""
    with translation.override(settings.LANGUAGE_CODE):
        return diff(old, new)


def _log(activity, action, by, changes=None, note="") -> ActivityEvent:
    rows = {row["label"]: [row["old"], row["new"]] for row in changes or []}
    return ActivityEvent.objects.create(
        activity=activity, action=action, by=by, changes=rows, note=note
    )


def _mail_partners(activity: Activity, subject: str, body: str) -> None:
    to = list(
        activity.organisation.users.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if to:
        send_email.enqueue(subject=subject, body=body, to=to)


@transaction.atomic
def create_activity(*, data: dict, by: User, today: date) -> Activity:
    """A new activity: published at once by a coordinator, otherwise waiting for review."""
    activity = Activity(
        publication_state=(
            Activity.Publication.PUBLISHED
            if by.has_perm("network.moderate_activity")
            else Activity.Publication.PENDING
        ),
        last_verified_on=today,
        last_verified_by=by,
    )
    _apply(activity, data)
    _log(activity, ActivityEvent.Action.CREATED, by, _history_diff({}, data))
    return activity


@transaction.atomic
def edit_activity(*, activity: Activity, data: dict, by: User, today: date) -> str:
    """Save an edit. A partner's edit of a published activity is held for review.

    Returns ``"saved"`` or ``"proposed"``.
    """
    old = values_of(activity)
    changes = _history_diff(old, data)
    moderator = by.has_perm("network.moderate_activity")
    if activity.is_published and not moderator:
        change = activity.changes.filter(state=ActivityChange.State.PENDING).first()
        if change is None:
            change = ActivityChange(activity=activity, proposed_by=by)
        change.data, change.proposed_by = data, by
        change.save()
        _log(activity, ActivityEvent.Action.PROPOSED, by, changes)
        return "proposed"
    if activity.publication_state == Activity.Publication.REJECTED and not moderator:
        activity.publication_state = Activity.Publication.PENDING
        activity.rejection_reason = ""
    activity.last_verified_on, activity.last_verified_by = today, by
    _apply(activity, data)
    _log(activity, ActivityEvent.Action.EDITED, by, changes)
    return "saved"


@transaction.atomic
def publish_activity(*, activity: Activity, by: User) -> None:
    activity.publication_state = Activity.Publication.PUBLISHED
    activity.rejection_reason = ""
    activity.save(update_fields=["publication_state", "rejection_reason", "updated_at"])
    _log(activity, ActivityEvent.Action.PUBLISHED, by)
    with translation.override(settings.LANGUAGE_CODE):
        _mail_partners(
            activity,
            _("Your activity is on the social map"),
            _("“%(title)s” is now published on the social map.") % {"title": activity.title},
        )


@transaction.atomic
def reject_activity(*, activity: Activity, by: User, reason: str) -> None:
    activity.publication_state = Activity.Publication.REJECTED
    activity.rejection_reason = reason
    activity.save(update_fields=["publication_state", "rejection_reason", "updated_at"])
    _log(activity, ActivityEvent.Action.REJECTED, by, note=reason)
    with translation.override(settings.LANGUAGE_CODE):
        _mail_partners(
            activity,
            _("Your activity was not published"),
            _("“%(title)s” was not published. Reason: %(reason)s")
            % {"title": activity.title, "reason": reason},
        )


@transaction.atomic
def approve_change(*, change: ActivityChange, by: User, today: date) -> None:
    activity = change.activity
    changes = _history_diff(values_of(activity), change.data)
    activity.last_verified_on, activity.last_verified_by = today, change.proposed_by or by
    _apply(activity, change.data)
    change.state, change.decided_by, change.decided_at = (
        ActivityChange.State.APPROVED,
        by,
        timezone.now(),
    )
    change.save()
    _log(activity, ActivityEvent.Action.APPROVED, by, changes)


@transaction.atomic
def reject_change(*, change: ActivityChange, by: User, reason: str) -> None:
    change.state, change.reason = ActivityChange.State.REJECTED, reason
    change.decided_by, change.decided_at = by, timezone.now()
    change.save()
    _log(change.activity, ActivityEvent.Action.REJECTED, by, note=reason)
    if change.proposed_by and change.proposed_by.email:
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Your change was not accepted")
            body = _("Your change to “%(title)s” was not accepted. Reason: %(reason)s") % {
                "title": change.activity.title,
                "reason": reason,
            }
        send_email.enqueue(subject=subject, body=body, to=[change.proposed_by.email])


@transaction.atomic
def verify_activity(*, activity: Activity, by: User | None, today: date) -> None:
    """Someone of the organisation confirms the information is still correct."""
    activity.last_verified_on, activity.last_verified_by = today, by
    activity.save(update_fields=["last_verified_on", "last_verified_by", "updated_at"])
    _log(activity, ActivityEvent.Action.VERIFIED, by)


@transaction.atomic
def send_verification_reminders(*, today: date, site_url: str = "") -> int:
    """Queue one e-mail per partner user per activity not checked for six months.

    The task makes the signed link when it runs; it starts with ``SITE_URL``, or with
    ``site_url`` when the command is given one.
    """
    sent = 0
    due = list(Activity.objects.due_for_reminder(today).select_related("organisation"))
    users_by_org = {}
    for activity in due:
        org = activity.organisation_id
        if org not in users_by_org:
            users_by_org[org] = list(
                activity.organisation.users.filter(is_active=True).exclude(email="")
            )
        for user in users_by_org[org]:
            send_verification_reminder.enqueue(
                activity_id=activity.pk, user_id=user.pk, site_url=site_url
            )
            sent += 1
    Activity.objects.filter(pk__in=[a.pk for a in due]).update(reminder_sent_on=today)
    return sent


@transaction.atomic
def report_mistake(*, activity: Activity, message: str, email: str) -> MistakeReport:
    """Store a visitor's report and tell the organisation's partner users, after the commit.

    The mail names the activity and links to the workspace, where they read the report: it
    carries nothing the visitor wrote or left (their text, their e-mail address)."""
    report = MistakeReport.objects.create(activity=activity, message=message, email=email)
    addresses = list(
        activity.organisation.users.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A mistake was reported on “%(title)s”") % {"title": activity.title}
        body = _(
            "A visitor of the social map reported that something on the page of "
            "“%(title)s” is not correct.\n\n"
            "Read the report and mark it as handled in your workspace:\n%(link)s\n"
        ) % {"title": activity.title, "link": absolute_url(reverse("network:workspace"))}
    for address in addresses:
        transaction.on_commit(
            lambda address=address: send_email.enqueue(subject=subject, body=body, to=[address])
        )
    return report


@transaction.atomic
def resolve_report(*, report: MistakeReport, by: User) -> None:
    report.resolved_at, report.resolved_by = timezone.now(), by
    report.save(update_fields=["resolved_at", "resolved_by"])


@transaction.atomic
def import_activities(*, forms: list, by: User, today: date) -> list[Activity]:
    """Store checked import lines as published activities, all in one transaction."""
    created = []
    for form in forms:
        data = values_from_form(form.cleaned_data)
        activity = Activity(
            publication_state=Activity.Publication.PUBLISHED,
            last_verified_on=today,
            last_verified_by=by,
        )
        _apply(activity, data, refresh=False)
        _log(activity, ActivityEvent.Action.IMPORTED, by, _history_diff({}, data))
        created.append(activity)
    Activity.objects.filter(pk__in=[a.pk for a in created]).refresh_search_vectors()
    return created
