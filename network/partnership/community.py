"""Workflows of the ambassadors' community: contributions, the overview per target group and
district, messages to the active ambassadors and unsubscribing from them.

An ambassador is someone who completed an ambassador training (``services.add_participant``,
``services.complete_participation``); *active* with a contribution on or after
``active_since(today)``. Mail leaves through the task in ``network/partnership/tasks.py``,
which builds each message and its unsubscribe link (``unsubscribe.py``) itself: the task
table holds only ids.
"""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Count, Q, Sum

from network.models import AmbassadorMessage, Contribution, Person
from network.models.ambassadors import active_since
from network.partnership.tasks import send_ambassador_message


@transaction.atomic
def log_contribution(*, by, **data) -> Contribution:
    """Store a contribution from a valid ContributionForm's ``cleaned_data``."""
    return Contribution.objects.create(logged_by=by, **data)


def _key(target_group_id, district_id):
    return (target_group_id, district_id)


def overview_rows(*, today: date, target_group=None, district=None) -> list[dict]:
    """Per target group and district: ambassadors trained and active (by the target group
    and district they work in), contributions and people reached (by where the contribution
    was). Two queries, whatever the number of ambassadors."""
    since = active_since(today)
    people = Person.objects.ambassadors().filter(anonymised_at=None)
    contributions = Contribution.objects.all()
    if target_group:
        people = people.filter(target_group=target_group)
        contributions = contributions.filter(target_group=target_group)
    if district:
        people = people.filter(district=district)
        contributions = contributions.filter(district=district)
    rows: dict[tuple, dict] = {}

    def row(values: dict) -> dict:
        key = _key(values["target_group"], values["district"])
        return rows.setdefault(
            key,
            {
                "target_group": values["target_group__name"] or "",
                "district": values["district__name"] or "",
                "trained": 0,
                "active": 0,
                "contributions": 0,
                "people_reached": 0,
            },
        )

    for values in people.values(
        "target_group", "target_group__name", "district", "district__name"
    ).annotate(
        trained=Count("pk", distinct=True),
        active=Count("pk", filter=Q(contributions__date__gte=since), distinct=True),
    ):
        row(values).update(trained=values["trained"], active=values["active"])
    for values in contributions.values(
        "target_group", "target_group__name", "district", "district__name"
    ).annotate(count=Count("pk"), reached=Sum("people_reached")):
        row(values).update(contributions=values["count"], people_reached=values["reached"] or 0)
    return sorted(
        rows.values(),
        key=lambda r: (not r["target_group"], r["target_group"], not r["district"], r["district"]),
    )


def totals(rows: list[dict]) -> dict:
    return {
        name: sum(r[name] for r in rows)
        for name in ("trained", "active", "contributions", "people_reached")
    }


def audience(*, today: date, target_group=None, district=None):
    """The active ambassadors of a target group and/or a district who can get a message."""
    people = Person.objects.active_ambassadors(active_since(today)).reachable_by_mail()
    if target_group:
        people = people.filter(target_group=target_group)
    if district:
        people = people.filter(district=district)
    return people


@transaction.atomic
def send_message(
    *, sent_by, subject: str, text: str, target_group, district, today: date, now: datetime
) -> AmbassadorMessage:
    """Store the message and queue one task per active ambassador with an e-mail address.

    The tasks carry only the message's and the person's id: the text with the signed
    unsubscribe link is made when the task runs, so no link is kept in the task table."""
    recipients = list(
        audience(today=today, target_group=target_group, district=district)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    message = AmbassadorMessage.objects.create(
        subject=subject,
        text=text,
        target_group=target_group,
        district=district,
        sent_by=sent_by,
        sent_at=now,
        recipient_count=len(recipients),
    )
    for person_id in recipients:
        send_ambassador_message.enqueue(message_id=message.pk, person_id=person_id)
    return message


@transaction.atomic
def unsubscribe(*, person: Person, now: datetime) -> Person:
    """No more messages for this person; unsubscribing twice keeps the first moment."""
    if person.mail_unsubscribed_at is None:
        person.mail_unsubscribed_at = now
        person.save(update_fields=["mail_unsubscribed_at"])
    return person
