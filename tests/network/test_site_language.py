"""Mail, the activity history and open data of the network are in the site's language,
whatever language the coordinator or partner who acts reads the site in."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from network.models import Activity, ActivityChange, ActivityEvent
from network.partnership import services as partnership
from network.socialmap import services as socialmap
from tests.factories import make_activity, make_meeting, make_organisation, make_person

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _site_language_afterwards():
    """A request leaves its language active in this thread; the next test starts in Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def choose_english(client: Client) -> Client:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_partner_invitation_is_dutch_for_an_english_coordinator(coordinator_client):
    organisation = make_organisation(name="Buurtkamer")
    choose_english(coordinator_client)

    coordinator_client.post(
        reverse("network:partner_invite", args=[organisation.slug]),
        {"email": "sanne@example.org", "first_name": "Sanne", "last_name": "Bakker"},
    )

    assert mail.outbox[0].subject == "Uw account voor de sociale kaart"
    assert mail.outbox[0].body.startswith("Beste Sanne,\n")


def test_moderation_mail_is_dutch_for_an_english_coordinator(coordinator_client, partner):
    activity = make_activity(
        organisation=make_organisation(users=[partner]),
        title="Samen wandelen",
        publication_state=Activity.Publication.PENDING,
    )
    choose_english(coordinator_client)

    coordinator_client.post(reverse("network:activity_publish", args=[activity.pk]))

    assert mail.outbox[0].subject == "Uw activiteit staat op de sociale kaart"
    assert mail.outbox[0].body == "“Samen wandelen” staat nu op de sociale kaart."


def test_rejection_mails_are_dutch_for_an_english_coordinator(coordinator, partner):
    activity = make_activity(
        organisation=make_organisation(users=[partner]),
        publication_state=Activity.Publication.PENDING,
    )
    change = ActivityChange.objects.create(
        activity=make_activity(), proposed_by=partner, data={"title": "Nieuw"}
    )

    with translation.override("en"):
        socialmap.reject_activity(activity=activity, by=coordinator, reason="Geen adres")
        socialmap.reject_change(change=change, by=coordinator, reason="Klopt niet")

    assert [m.subject for m in mail.outbox] == [
        "Uw activiteit is niet gepubliceerd",
        "Uw wijziging is niet goedgekeurd",
    ]


def test_history_is_written_in_dutch_whatever_the_editor_reads(coordinator):
    activity = make_activity(title="Oud", is_free=False, price=2)
    data = {**socialmap.values_of(activity), "title": "Nieuw", "is_free": True}

    with translation.override("en"):
        socialmap.edit_activity(activity=activity, data=data, by=coordinator, today=TODAY)

    event = activity.events.get(action=ActivityEvent.Action.EDITED)
    assert event.changes == {"naam": ["Oud", "Nieuw"], "gratis": ["nee", "ja"]}


def test_verification_reminder_is_dutch_whatever_language_is_active(partner):
    make_activity(
        organisation=make_organisation(users=[partner]), title="Oud", last_verified_on=None
    )

    with translation.override("en"):
        socialmap.send_verification_reminders(today=TODAY)

    assert mail.outbox[0].subject == "Klopt “Oud” nog?"
    assert mail.outbox[0].body.startswith("Beste Henk,\n")


def test_meeting_mails_are_dutch_whatever_language_is_active():
    now = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    member = make_person(email="contact@buurtkamer.nl").organisation
    meeting = make_meeting(title="Najaar", starts_at=now + timedelta(days=1), invited=[member])

    with translation.override("en"):
        partnership.send_invitations(meeting=meeting, now=now)
        partnership.send_reminders(now=now)

    assert [m.subject for m in mail.outbox] == ["Uitnodiging: Najaar", "Herinnering: Najaar"]
    assert "Wanneer: donderdag 10 december 2026, 10:00" in mail.outbox[0].body


def test_anonymised_name_is_dutch_whatever_language_is_active():
    person = make_person(name="Joke Bakker")

    with translation.override("en"):
        partnership.anonymise_person(person=person, now=datetime(2026, 11, 23, tzinfo=UTC))

    person.refresh_from_db()
    assert person.name == "Geanonimiseerd"


def test_open_data_taxonomies_are_dutch_for_an_english_visitor(resident):
    activity = make_activity(is_free=True)
    choose_english(resident)

    taxonomies = resident.get(reverse("network:api_taxonomies")).json()["contents"]
    service = resident.get(reverse("network:api_service", args=[activity.uuid])).json()

    assert [(t["name"], t["description"]) for t in taxonomies] == [
        ("Activiteitsoort", "Soort activiteit op de sociale kaart."),
        ("Doelgroep", "Doelgroep van de coalitie tegen eenzaamheid."),
        ("Toegang", "Wat een inwoner nodig heeft om mee te doen aan een activiteit."),
    ]
    assert service["cost_options"][0]["option"] == "gratis"
    assert service["attributes"][0]["taxonomy_term"]["taxonomy"] == "Activiteitsoort"
