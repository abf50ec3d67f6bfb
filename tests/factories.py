"""Plain test-data helpers: ``make_<thing>(**overrides)``, each with believable defaults."""

from itertools import count

from django.contrib.auth.models import Group, User
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from coalition.models import Area, TargetGroup
from network.socialmap import catalogue, searchtext

_serial = count(1)


def make_user(**overrides) -> User:
    n = next(_serial)
    overrides.setdefault("username", f"user{n}@example.org")
    overrides.setdefault("email", overrides["username"])
    overrides.setdefault("first_name", "Test")
    overrides.setdefault("last_name", f"Gebruiker {n}")
    password = overrides.pop("password", "correct-horse-battery")
    roles = overrides.pop("roles", [])
    user = User.objects.create_user(password=password, **overrides)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_totp_device(user, **overrides) -> TOTPDevice:
    overrides.setdefault("name", "authenticator")
    overrides.setdefault("confirmed", True)
    return TOTPDevice.objects.create(user=user, **overrides)


def make_area(**overrides) -> Area:
    n = next(_serial)
    overrides.setdefault("kind", Area.Kind.DISTRICT)
    overrides.setdefault("code", f"WK1916{n % 100:02d}")
    overrides.setdefault("name", f"Wijk {n}")
    if overrides["kind"] == Area.Kind.DISTRICT and "parent" not in overrides:
        overrides["parent"], _ = Area.objects.get_or_create(
            code="GM1916",
            defaults={"name": "Leidschendam-Voorburg", "kind": Area.Kind.MUNICIPALITY},
        )
    area, _ = Area.objects.update_or_create(code=overrides.pop("code"), defaults=overrides)
    return area


def target_group(slug: str) -> TargetGroup:
    """One of the target groups the data migration creates (ouderen, jongeren, …)."""
    return TargetGroup.objects.get(slug=slug)


def make_signal(**overrides):
    """A signal about a fictional resident, stored directly (no mails, no events)."""
    signal = _stored_signal(overrides)
    _refresh_action_dates(signal)
    return signal


def _refresh_action_dates(signal) -> None:
    type(signal).objects.filter(pk=signal.pk).refresh_action_dates()  # as the services do
    signal.refresh_from_db()


def _stored_signal(overrides: dict):
    """The row of ``make_signal`` before its action dates are written."""
    import datetime

    from django.utils import timezone

    from signals.models import Signal

    n = next(_serial)
    target_groups = overrides.pop("target_groups", [])
    overrides.setdefault("reference", f"S-2026-{n:05d}")
    overrides.setdefault("reporter_kind", Signal.ReporterKind.CONCERNED)
    overrides.setdefault("person_name", "Mevr. J.")
    overrides.setdefault("age_band", Signal.AgeBand.OVER_75)
    overrides.setdefault("postcode", "2271 AB")
    overrides.setdefault("person_aware", Signal.Awareness.NO)
    overrides.setdefault(
        "situation", "Mijn buurvrouw komt sinds de dood van haar man niet meer buiten."
    )
    overrides.setdefault("contact_route", Signal.ContactRoute.PHONE)
    overrides.setdefault("contact_phone", f"070 123 {n:04d}")
    overrides.setdefault("consent", True)
    overrides.setdefault("created_at", timezone.now())
    overrides.setdefault(
        "contact_due", timezone.localdate(overrides["created_at"]) + datetime.timedelta(days=5)
    )
    signal = Signal.objects.create(**overrides)
    if target_groups:
        signal.target_groups.add(*target_groups)
    return signal


def make_organisation(**overrides):
    from network.models import Organisation

    n = next(_serial)
    users = overrides.pop("users", [])
    overrides.setdefault("name", f"Stichting Voorbeeld {n}")
    overrides.setdefault("slug", f"stichting-voorbeeld-{n}")
    overrides.setdefault("sector", Organisation.Sector.WELFARE)
    organisation = Organisation.objects.create(**overrides)
    if users:
        organisation.users.add(*users)
    return organisation


def make_activity_type(slug: str = "ontmoeting"):
    from network.models import ActivityType

    return ActivityType.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def make_activity(**overrides):
    from datetime import date

    from network.models import Activity

    n = next(_serial)
    types = overrides.pop("activity_types", None)
    groups = overrides.pop("target_groups", [])
    overrides.setdefault("organisation", make_organisation())
    overrides.setdefault("title", f"Koffieochtend {n}")
    overrides.setdefault("summary", "Samen koffie drinken en een praatje maken.")
    overrides.setdefault("publication_state", Activity.Publication.PUBLISHED)
    overrides.setdefault("schedule_kind", "weekly")
    overrides.setdefault("weekdays", "TU")
    overrides.setdefault("start_time", "10:00")
    overrides.setdefault("end_time", "12:00")
    overrides.setdefault("last_verified_on", date(2026, 9, 1))
    types = list(dict.fromkeys(types if types is not None else [make_activity_type()]))
    groups = list(dict.fromkeys(groups))
    activity = Activity(**overrides)
    # The tokens refresh_search_vectors() would store, made with the same rule
    # (searchtext.activity_tokens) and saved with the row: one INSERT instead of four queries.
    # Several kinds of activity are read back in an order of the database's, and PostgreSQL
    # also wants its tsvector: those take the service's way.
    in_python = len(types) <= 1 and connection.vendor != "postgresql"
    if in_python:
        district = activity.district
        tokens = searchtext.activity_tokens(
            title=activity.title,
            summary=activity.summary,
            description=activity.description,
            organisation=activity.organisation.name,
            venue_name=activity.venue_name,
            city=activity.city,
            district=district.name if district else None,
            kinds=[kind.name for kind in types],
        )
        for column, value in tokens.items():
            setattr(activity, column, value)
    activity.save(force_insert=True)
    # A new activity has no relations yet: their rows are written at once, where add() would
    # first read them. The only receivers of m2m_changed start a new catalogue version, as
    # catalogue.changed() below does.
    for relation, objects in [(Activity.activity_types, types), (Activity.target_groups, groups)]:
        through = relation.through
        target = relation.field.m2m_reverse_field_name()
        through.objects.bulk_create(through(activity=activity, **{target: obj}) for obj in objects)
    if in_python:
        catalogue.changed()  # as refresh_search_vectors() does
    else:
        Activity.objects.filter(pk=activity.pk).refresh_search_vectors()
    return activity


def make_membership(**overrides):
    from datetime import date

    from network.models import Membership

    groups = overrides.pop("target_groups", [])
    overrides.setdefault("organisation", make_organisation())
    overrides.setdefault("signed_on", date(2024, 3, 15))
    overrides.setdefault("signed_by", "Directeur J. de Vries")
    membership = Membership.objects.create(**overrides)
    if groups:
        membership.target_groups.add(*groups)
    return membership


def make_person(**overrides):
    from network.models import Person

    n = next(_serial)
    overrides.setdefault("name", f"Contactpersoon {n}")
    overrides.setdefault("role", "Coördinator vrijwilligers")
    overrides.setdefault("email", f"contact{n}@example.org")
    overrides.setdefault("phone", f"070 300 {n:04d}")
    if "organisation" not in overrides and not overrides.get("is_ambassador"):
        overrides["organisation"] = make_organisation()
    overrides.setdefault("is_contact", overrides.get("organisation") is not None)
    return Person.objects.create(**overrides)


def make_action(**overrides):
    from network.models import Action, Goal

    n = next(_serial)
    participants = overrides.pop("participants", [])
    overrides.setdefault("goal", Goal.objects.get(number=1))
    overrides.setdefault("year", 2026)
    overrides.setdefault("title", f"Actie {n}")
    action = Action.objects.create(**overrides)
    if participants:
        action.participants.add(*participants)
    return action


def make_meeting(**overrides):
    from datetime import UTC, datetime, timedelta

    from network.models import Meeting

    n = next(_serial)
    invited = overrides.pop("invited", [])
    overrides.setdefault("title", f"Netwerkbijeenkomst {n}")
    overrides.setdefault("starts_at", datetime(2026, 12, 10, 14, 0, tzinfo=UTC))
    overrides.setdefault("ends_at", overrides["starts_at"] + timedelta(hours=2))
    overrides.setdefault("place", "Het Klaverblad, Voorburg")
    meeting = Meeting.objects.create(**overrides)
    if invited:
        meeting.invited.add(*invited)
    return meeting


def make_training(**overrides):
    from datetime import date

    from network.models import Training

    n = next(_serial)
    overrides.setdefault("title", f"Training signaleren {n}")
    overrides.setdefault("kind", Training.Kind.SIGNALLING)
    overrides.setdefault("held_on", date(2026, 5, 12))
    if "trainer_person" not in overrides and "trainer_organisation" not in overrides:
        overrides["trainer_organisation"] = make_organisation()
    return Training.objects.create(**overrides)


def make_article(**overrides):
    from datetime import date

    from network.models import Article

    n = next(_serial)
    overrides.setdefault("kind", Article.Kind.INFORMATION)
    overrides.setdefault("title", f"Wat is eenzaamheid {n}")
    overrides.setdefault("slug", f"wat-is-eenzaamheid-{n}")
    overrides.setdefault("summary", "Iedereen kan zich eenzaam voelen.")
    overrides.setdefault("body", "## Wat is het\nEen gevoel van **gemis**.")
    overrides.setdefault("published_on", date(2026, 10, 1))
    overrides.setdefault("is_published", True)
    return Article.objects.create(**overrides)


def make_measurement(**overrides):
    """A GGD figure; ``indicator`` and ``target_group`` may be given as codes."""
    from monitoring.models import Indicator, Measurement

    indicator = overrides.pop("indicator", "eenzaam")
    if isinstance(indicator, str):
        indicator = Indicator.objects.get(code=indicator)
    group = overrides.pop("target_group", "ouderen")
    if isinstance(group, str):
        group = target_group(group)
    if "area" not in overrides:
        overrides["area"], _ = Area.objects.get_or_create(
            code="GM1916",
            defaults={"name": "Leidschendam-Voorburg", "kind": Area.Kind.MUNICIPALITY},
        )
    overrides.setdefault("age_band", "65+")
    overrides.setdefault("year", 2024)
    overrides.setdefault("value", 50.0)
    overrides.setdefault("source", "GGD Haaglanden, Gezondheidsmonitor")
    return Measurement.objects.create(indicator=indicator, target_group=group, **overrides)


def make_referral(**overrides):
    import datetime

    from signals.models import Referral

    if "signal" not in overrides:
        # Its action dates are written once, below, with the referral's follow-up.
        overrides["signal"] = _stored_signal({"status": "referred"})
    if "organisation" not in overrides and "activity" not in overrides:
        overrides["activity"] = make_activity()
    if overrides.get("activity") is not None:
        overrides.setdefault("organisation", overrides["activity"].organisation)
    overrides.setdefault("note", "Mevrouw houdt van handwerken.")
    overrides.setdefault("person_agreed", True)
    overrides.setdefault("follow_up_on", datetime.date(2027, 1, 4))
    referral = Referral.objects.create(**overrides)
    _refresh_action_dates(referral.signal)
    return referral


def make_public_event(**overrides):
    """A published public event of the coalition, a week from now unless told otherwise."""
    from datetime import timedelta

    from django.utils import timezone

    from network.models import PublicEvent

    n = next(_serial)
    target_groups = overrides.pop("target_groups", [])
    overrides.setdefault("title", f"Informatiemarkt {n}")
    overrides.setdefault("summary", "Kom langs en ontmoet organisaties uit uw wijk.")
    overrides.setdefault("starts_at", timezone.now().replace(microsecond=0) + timedelta(days=7))
    overrides.setdefault("ends_at", overrides["starts_at"] + timedelta(hours=2))
    overrides.setdefault("venue_name", "Wijkcentrum De Vliet")
    overrides.setdefault("city", "Leidschendam")
    overrides.setdefault("publication_state", PublicEvent.Publication.PUBLISHED)
    event = PublicEvent.objects.create(**overrides)
    if target_groups:
        event.target_groups.add(*target_groups)
    return event


def make_event_registration(**overrides):
    from network.events.services import contact_key
    from network.models import EventRegistration

    n = next(_serial)
    if "event" not in overrides:
        overrides["event"] = make_public_event()
    overrides.setdefault("name", f"Bewoner {n}")
    overrides.setdefault("email", f"bewoner{n}@example.org")
    overrides.setdefault(
        "contact_key",
        contact_key(email=overrides["email"], phone=overrides.get("phone", "")),
    )
    return EventRegistration.objects.create(**overrides)


def make_campaign(**overrides):
    from datetime import date

    from network.models import Campaign

    n = next(_serial)
    overrides.setdefault("title", f"Voel je thuis {n}")
    overrides.setdefault("slug", f"voel-je-thuis-{n}")
    overrides.setdefault("summary", "Een maand vol ontmoeting in de gemeente.")
    overrides.setdefault("body", "Doe mee met de activiteiten in uw wijk.")
    overrides.setdefault("poster_text", "Samen is het leuker. Kom ook!")
    overrides.setdefault("starts_on", date(2026, 11, 1))
    overrides.setdefault("ends_on", date(2026, 12, 31))
    overrides.setdefault("is_published", True)
    return Campaign.objects.create(**overrides)
