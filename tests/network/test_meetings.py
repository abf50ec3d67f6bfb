from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from network.models import Action, Goal, Meeting, Registration
from tests.factories import make_meeting, make_membership, make_organisation, make_person

pytestmark = pytest.mark.django_db


def test_coordinator_plans_a_meeting_with_invitations(coordinator_client):
    member = make_membership().organisation

    response = coordinator_client.post(
        "/netwerk/bijeenkomsten/nieuw/",
        {
            "title": "Netwerkbijeenkomst najaar",
            "starts_at": "2026-11-12T14:00",
            "ends_at": "2026-11-12T16:30",
            "place": "Bibliotheek Voorburg",
            "theme": "Jongeren en eenzaamheid",
            "agenda": "1. Opening",
            "invited": [member.pk],
        },
    )

    meeting = Meeting.objects.get()
    assert response.url == f"/netwerk/bijeenkomsten/{meeting.pk}/"
    assert list(meeting.invited.all()) == [member]


def test_meeting_must_end_after_it_starts(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/bijeenkomsten/nieuw/",
        {
            "title": "Fout",
            "starts_at": "2026-11-12T14:00",
            "ends_at": "2026-11-12T13:00",
            "place": "Ergens",
        },
    )

    assert response.context["form"].errors["ends_at"] == ["Het einde moet na het begin liggen."]
    assert not Meeting.objects.exists()


def test_documents_must_be_web_addresses(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/bijeenkomsten/nieuw/",
        {
            "title": "Met documenten",
            "starts_at": "2026-11-12T14:00",
            "ends_at": "2026-11-12T16:00",
            "place": "Ergens",
            "documents": "https://example.org/verslag.pdf\njavascript:alert(1)",
        },
    )

    assert response.context["form"].errors["documents"] == [
        "“javascript:alert(1)” is geen webadres. Begin met https://."
    ]
    assert not Meeting.objects.exists()


def test_partner_cannot_plan_meetings(partner_client):
    assert partner_client.get("/netwerk/bijeenkomsten/nieuw/").status_code == 403


def test_meetings_are_not_public(resident):
    meeting = make_meeting()

    assert resident.get("/netwerk/bijeenkomsten/").url.startswith("/accounts/login/")
    assert resident.get(f"/netwerk/bijeenkomsten/{meeting.pk}/").url.startswith("/accounts/login/")


def test_partner_registers_for_their_organisation(partner_client, partner):
    organisation = make_organisation(name="Buurtkamer", users=[partner])
    meeting = make_meeting()

    response = partner_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanmelden/", {"organisation": organisation.pk}
    )

    assert response.url == f"/netwerk/bijeenkomsten/{meeting.pk}/"
    registration = Registration.objects.get()
    assert (registration.user, registration.organisation) == (partner, organisation)
    page = partner_client.get(response.url).content.decode()
    assert "Je bent aangemeld namens Buurtkamer." in page


def test_partner_cannot_register_twice(partner_client, partner):
    organisation = make_organisation(users=[partner])
    meeting = make_meeting()
    url = f"/netwerk/bijeenkomsten/{meeting.pk}/aanmelden/"
    partner_client.post(url, {"organisation": organisation.pk})

    response = partner_client.post(url, {"organisation": organisation.pk})

    assert response.status_code == 400
    assert response.context["register_form"].non_field_errors() == [
        "Je bent al aangemeld voor deze bijeenkomst."
    ]
    assert Registration.objects.count() == 1


def test_partner_cannot_register_for_another_organisation(partner_client, other_partner):
    theirs = make_organisation(users=[other_partner])
    meeting = make_meeting()

    response = partner_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanmelden/", {"organisation": theirs.pk}
    )

    assert response.status_code == 400
    assert "organisation" in response.context["register_form"].errors
    assert not Registration.objects.exists()


def test_coordinator_takes_attendance(coordinator_client, partner, other_partner):
    meeting = make_meeting()
    came = Registration.objects.create(
        meeting=meeting, user=partner, name="Henk", organisation=make_organisation()
    )
    absent = Registration.objects.create(
        meeting=meeting, user=other_partner, name="Ayse", organisation=make_organisation()
    )

    response = coordinator_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanwezig/", {"present": [came.pk]}
    )

    assert response.url == f"/netwerk/bijeenkomsten/{meeting.pk}/"
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_partner_cannot_take_attendance(partner_client, partner):
    meeting = make_meeting()
    registration = Registration.objects.create(
        meeting=meeting, user=partner, name="Henk", organisation=make_organisation()
    )

    response = partner_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanwezig/", {"present": [registration.pk]}
    )

    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.attended is False


def test_follow_up_becomes_an_action_on_the_agenda(coordinator_client):
    meeting = make_meeting(title="Voorjaarsbijeenkomst")
    lead = make_organisation()

    response = coordinator_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/vervolg/",
        {
            "follow-goal": Goal.objects.get(number=2).pk,
            "follow-year": "2026",
            "follow-title": "Gezamenlijke folder",
            "follow-lead_organisation": lead.pk,
        },
    )

    action = Action.objects.get()
    assert response.url == f"/netwerk/acties/{action.pk}/"
    assert (action.meeting, action.status, action.year) == (meeting, "gepland", 2026)
    agenda = coordinator_client.get("/netwerk/actieagenda/2026/").content.decode()
    assert "Gezamenlijke folder" in agenda


def test_follow_up_without_title_is_refused_in_dutch(coordinator_client):
    meeting = make_meeting()

    response = coordinator_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/vervolg/",
        {"follow-goal": Goal.objects.get(number=2).pk, "follow-year": "2026"},
    )

    assert response.status_code == 400
    assert response.context["follow_up_form"].errors["title"] == ["Dit veld is verplicht."]
    assert not Action.objects.exists()


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_list_uses_fixed_queries(partner_client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_meeting()

    # +1: the count of referrals waiting for an answer in the navigation.
    with django_assert_max_num_queries(7):
        response = partner_client.get("/netwerk/bijeenkomsten/")

    assert len(response.context["page"]) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_page_uses_fixed_queries(coordinator_client, django_assert_max_num_queries, rows):
    meeting = make_meeting(invited=[make_organisation() for _ in range(rows)])
    for n in range(rows):
        meeting.registrations.create(name=f"Gast {n}", organisation=make_organisation())

    with django_assert_max_num_queries(17):  # with the "Mijn werk" count in the menu
        response = coordinator_client.get(f"/netwerk/bijeenkomsten/{meeting.pk}/")

    assert response.content.decode().count("Gast ") == rows


def test_meeting_list_filters_coming_and_search(partner_client):
    now = datetime.now(UTC)
    make_meeting(title="Komt nog", theme="Jongeren", starts_at=now + timedelta(days=3))
    make_meeting(title="Geweest", theme="Mantelzorg", starts_at=now - timedelta(days=3))

    coming = partner_client.get("/netwerk/bijeenkomsten/?when=coming")
    search = partner_client.get("/netwerk/bijeenkomsten/?q=mantelzorg")

    assert [m.title for m in coming.context["page"]] == ["Komt nog"]
    assert [m.title for m in search.context["page"]] == ["Geweest"]


def test_ical_lists_coming_meetings_only(partner_client):
    now = datetime.now(UTC)
    make_meeting(title="Komt nog", starts_at=now + timedelta(days=10))
    make_meeting(title="Geweest", starts_at=now - timedelta(days=10))

    response = partner_client.get("/netwerk/bijeenkomsten/agenda.ics")

    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Komt nog" in body
    assert "Geweest" not in body


def test_ical_reads_as_a_calendar_program_shows_it(partner_client):
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
    make_meeting(
        title="Netwerkbijeenkomst, najaar",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2, minutes=30),
        place="Bibliotheek Voorburg",
        theme="",
        agenda="1. Opening\n2. Rondvraag",
    )

    response = partner_client.get("/netwerk/bijeenkomsten/agenda.ics")

    feed = Calendar.from_ical(response.content)
    [event] = feed.events
    assert feed.calendar_name == "Netwerkbijeenkomsten"
    assert event["SUMMARY"] == "Netwerkbijeenkomst, najaar"
    assert event["LOCATION"] == "Bibliotheek Voorburg"
    assert event.start == starts
    assert event.end == starts + timedelta(hours=2, minutes=30)
    assert event.start.tzinfo.key == "Europe/Amsterdam"
    assert event["DESCRIPTION"] == "1. Opening\n2. Rondvraag"
    assert [tz.tz_name for tz in feed.timezones] == ["Europe/Amsterdam"]


@pytest.mark.parametrize(
    ("theme", "agenda", "description"),
    [
        ("", "1. Opening", "1. Opening"),
        ("Mantelzorg", "", "Mantelzorg"),
        ("Mantelzorg", "1. Opening", "Mantelzorg\n\n1. Opening"),
    ],
)
def test_ical_description_has_no_empty_lines_for_a_missing_part(
    partner_client, theme, agenda, description
):
    make_meeting(starts_at=datetime.now(UTC) + timedelta(days=3), theme=theme, agenda=agenda)

    response = partner_client.get("/netwerk/bijeenkomsten/agenda.ics")

    [event] = Calendar.from_ical(response.content).events
    assert event["DESCRIPTION"] == description


def test_ical_is_for_partners_and_coordinators(resident):
    assert resident.get("/netwerk/bijeenkomsten/agenda.ics").status_code == 302


def test_ical_calendar_name_is_dutch_for_a_visitor_who_chose_english(partner_client):
    make_meeting(starts_at=datetime.now(UTC) + timedelta(days=3))
    partner_client.cookies["django_language"] = "en"

    response = partner_client.get("/netwerk/bijeenkomsten/agenda.ics")

    assert response["Content-Language"] == "en"
    assert Calendar.from_ical(response.content).calendar_name == "Netwerkbijeenkomsten"


def test_invitation_mails_the_contact_persons_of_invited_members(coordinator_client):
    member = make_membership().organisation
    make_person(organisation=member, email="contact@buurtkamer.nl")
    make_person(organisation=make_organisation(), email="niet@uitgenodigd.nl")
    meeting = make_meeting(title="Najaarsbijeenkomst", invited=[member])

    response = coordinator_client.post(f"/netwerk/bijeenkomsten/{meeting.pk}/uitnodigen/")

    assert response.url == f"/netwerk/bijeenkomsten/{meeting.pk}/"
    assert [m.to for m in mail.outbox] == [["contact@buurtkamer.nl"]]
    assert mail.outbox[0].subject == "Uitnodiging: Najaarsbijeenkomst"
    assert "Het Klaverblad, Voorburg" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.invitations_sent_at is not None


def test_partner_cannot_send_invitations(partner_client):
    meeting = make_meeting(invited=[make_person().organisation])

    assert (
        partner_client.post(f"/netwerk/bijeenkomsten/{meeting.pk}/uitnodigen/").status_code == 403
    )
    assert mail.outbox == []


def test_reminder_command_mails_once_for_meetings_in_two_days():
    now = datetime.now(UTC)
    member = make_person(email="contact@buurtkamer.nl").organisation
    soon = make_meeting(title="Morgen", starts_at=now + timedelta(days=1), invited=[member])
    make_meeting(title="Later", starts_at=now + timedelta(days=20), invited=[member])

    call_command("send_meeting_reminders")
    call_command("send_meeting_reminders")

    assert [m.subject for m in mail.outbox] == ["Herinnering: Morgen"]
    soon.refresh_from_db()
    assert soon.reminder_sent_at is not None
