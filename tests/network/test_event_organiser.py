"""The organiser's side of public events (issue 16): a partner's event waits for a
coordinator's check; registrations are seen only by the organiser and coordinators, every look
is logged; attendance, a message about a change, export, erasure on request and on schedule;
a network meeting marked public is in the agenda."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from network.events import services
from network.models import EventRegistration, PublicEvent, RegistrationLog
from tests.factories import (
    make_event_registration,
    make_meeting,
    make_organisation,
    make_public_event,
)


def committed(call, *args, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call(*args, **kwargs)


def event_form(organisation=None, **overrides):
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "title": "Wandeling langs de Vliet",
        "summary": "Een rustige wandeling van een uur.",
        "starts_at": start.strftime("%Y-%m-%dT14:00"),
        "ends_at": start.strftime("%Y-%m-%dT15:00"),
        "venue_name": "Molen De Salamander",
        "city": "Leidschendam",
        "is_free": "on",
        "capacity": "20",
        "registration_open": "on",
    }
    if organisation:
        data["organisation"] = organisation.pk
    return {**data, **overrides}


@pytest.fixture
def own_organisation(partner):
    return make_organisation(users=[partner])


def test_partner_event_waits_for_a_coordinator(partner_client, own_organisation, resident):
    response = partner_client.post("/netwerk/agenda/nieuw/", event_form(own_organisation))

    event = PublicEvent.objects.get()
    assert response.status_code == 302
    assert event.publication_state == "pending"
    assert resident.get(f"/agenda/{event.pk}/").status_code == 404
    assert partner_client.get(f"/agenda/{event.pk}/").status_code == 200  # a preview


def test_partner_cannot_organise_for_another_organisation(partner_client, own_organisation):
    other = make_organisation()

    response = partner_client.post("/netwerk/agenda/nieuw/", event_form(other))

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not PublicEvent.objects.exists()


def test_coordinator_publishes_a_pending_event(coordinator_client, resident):
    event = make_public_event(publication_state="pending", organisation=make_organisation())

    coordinator_client.post(f"/netwerk/agenda/{event.pk}/publiceren/")

    assert resident.get(f"/agenda/{event.pk}/").status_code == 200


def test_coordinator_rejects_with_a_reason(coordinator_client):
    event = make_public_event(publication_state="pending", organisation=make_organisation())

    coordinator_client.post(f"/netwerk/agenda/{event.pk}/afwijzen/", {"reason": "Geen adres"})

    event.refresh_from_db()
    assert (event.publication_state, event.rejection_reason) == ("rejected", "Geen adres")


def test_coordinator_event_is_published_at_once(coordinator_client):
    coordinator_client.post("/netwerk/agenda/nieuw/", event_form())

    event = PublicEvent.objects.get()
    assert (event.publication_state, event.organisation) == ("published", None)


def test_organiser_sees_registrations_and_the_look_is_logged(
    partner, partner_client, own_organisation
):
    event = make_public_event(organisation=own_organisation)
    make_event_registration(event=event, name="Truus de Vries", needs_wheelchair=True)

    response = partner_client.get(f"/netwerk/agenda/{event.pk}/")

    assert response.status_code == 200
    assert "Truus de Vries" in response.content.decode()
    assert list(RegistrationLog.objects.values_list("action", "by")) == [("viewed", partner.pk)]


def test_other_partner_may_not_see_registrations(other_partner_client, own_organisation):
    event = make_public_event(organisation=own_organisation)

    assert other_partner_client.get(f"/netwerk/agenda/{event.pk}/").status_code == 403
    assert other_partner_client.get(f"/netwerk/agenda/{event.pk}/export.csv").status_code == 403
    assert not RegistrationLog.objects.exists()


@pytest.mark.parametrize("rows", [1, 30])
def test_registrations_page_uses_fixed_queries(coordinator_client, django_assert_num_queries, rows):
    event = make_public_event()
    for _ in range(rows):
        make_event_registration(event=event)

    with django_assert_num_queries(11):
        response = coordinator_client.get(f"/netwerk/agenda/{event.pk}/")

    assert len(response.context["registrations"]) == rows


def test_organiser_records_attendance(partner_client, own_organisation):
    event = make_public_event(organisation=own_organisation)
    came = make_event_registration(event=event)
    stayed_away = make_event_registration(event=event)

    partner_client.post(f"/netwerk/agenda/{event.pk}/aanwezig/", {"present": [came.pk]})

    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert (came.attended, stayed_away.attended) == (True, False)
    assert RegistrationLog.objects.filter(action="attendance").count() == 1


def test_organiser_mails_registrants_about_a_change(partner_client, own_organisation):
    event = make_public_event(organisation=own_organisation, title="Informatiemarkt")
    make_event_registration(event=event, email="a@example.org")
    make_event_registration(event=event, email="b@example.org", status="waiting")
    make_event_registration(event=event, email="c@example.org", status="cancelled")
    make_event_registration(event=event, email="", phone="0612345678")

    committed(
        partner_client.post,
        f"/netwerk/agenda/{event.pk}/bericht/",
        {"subject": "Andere zaal", "body": "We zitten in zaal 2."},
    )

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject == "Andere zaal"
    assert "We zitten in zaal 2." in mail.outbox[0].body
    assert "/agenda/afmelden/" in mail.outbox[0].body


def test_export_is_logged(coordinator, coordinator_client):
    event = make_public_event()
    make_event_registration(event=event, name="Truus de Vries")

    response = coordinator_client.get(f"/netwerk/agenda/{event.pk}/export.csv")

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "naam,e-mail,telefoon,personen,wensen,status,gekomen,aangemeld_op"
    assert lines[1].startswith("Truus de Vries,")
    assert list(RegistrationLog.objects.values_list("action", flat=True)) == ["exported"]


def test_erase_on_request_keeps_the_count(coordinator_client):
    registration = make_event_registration(name="Truus", phone="0612345678", people=3)

    coordinator_client.post(f"/netwerk/agenda/aanmelding/{registration.pk}/wissen/")

    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.phone) == ("", "", "")
    assert (registration.people, registration.erased_at is not None) == (3, True)
    assert RegistrationLog.objects.get().action == "erased"


def test_retention_erases_personal_data_weeks_after_the_event(db, settings):
    settings.EVENT_DATA_KEEP_WEEKS = 4
    now = timezone.now()
    old = make_public_event(
        starts_at=now - timedelta(weeks=5), ends_at=now - timedelta(weeks=5) + timedelta(hours=2)
    )
    recent = make_public_event(
        starts_at=now - timedelta(weeks=3), ends_at=now - timedelta(weeks=3) + timedelta(hours=2)
    )
    gone = make_event_registration(event=old, name="Oud", attended=True, needs_transport=True)
    kept = make_event_registration(event=recent, name="Recent")

    assert services.erase_due(now=now) == 1
    assert services.erase_due(now=now) == 0

    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.name, gone.email, gone.needs_transport, gone.attended) == ("", "", False, True)
    assert kept.name == "Recent"
    assert EventRegistration.objects.filter(event=old, attended=True).count() == 1


def test_public_meeting_appears_in_the_agenda(coordinator_client, resident):
    meeting = make_meeting(
        title="Netwerkbijeenkomst open voor iedereen",
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=2),
    )
    form = {
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(meeting.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "place": "Raadhuis",
        "is_public": "on",
    }

    coordinator_client.post(f"/netwerk/bijeenkomsten/{meeting.pk}/bewerken/", form)
    listed = [e.title for e in resident.get("/agenda/").context["page"]]
    coordinator_client.post(
        f"/netwerk/bijeenkomsten/{meeting.pk}/bewerken/", {**form, "is_public": ""}
    )

    assert listed == ["Netwerkbijeenkomst open voor iedereen"]
    assert list(resident.get("/agenda/").context["page"]) == []


def test_commands_for_cron(db, capsys):
    tomorrow = timezone.now() + timedelta(days=1)
    event = make_public_event(starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1))
    make_event_registration(event=event)

    call_command("send_event_reminders")
    call_command("erase_event_registrations")

    assert capsys.readouterr().out == "1 reminder(s) queued.\n0 registration(s) erased.\n"


def test_more_places_move_the_waiting_list_up(coordinator_client):
    event = make_public_event(capacity=1, title="Wandeling langs de Vliet")
    make_event_registration(event=event)
    waiting = make_event_registration(event=event, status="waiting", email="wacht@example.org")
    start = timezone.localtime(event.starts_at)
    form = event_form(
        title=event.title,
        starts_at=start.strftime("%Y-%m-%dT%H:%M"),
        ends_at=timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        capacity="2",
    )

    committed(coordinator_client.post, f"/netwerk/agenda/{event.pk}/bewerken/", form)

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [["wacht@example.org"]]


@pytest.mark.parametrize("rows", [1, 30])
def test_organiser_list_uses_fixed_queries(
    partner_client, own_organisation, django_assert_num_queries, rows
):
    for _ in range(rows):
        make_public_event(organisation=own_organisation)
    make_public_event()  # the coalition's: not on a partner's list

    with django_assert_num_queries(7):
        response = partner_client.get("/netwerk/agenda/")

    assert len(response.context["page"]) == min(rows, 25)


@pytest.mark.parametrize("rows", [1, 30])
def test_campaign_list_uses_fixed_queries(coordinator_client, django_assert_num_queries, rows):
    from tests.factories import make_campaign

    for _ in range(rows):
        make_campaign()

    with django_assert_num_queries(7):
        response = coordinator_client.get("/netwerk/campagnes/")

    assert len(response.context["page"]) == min(rows, 25)


def test_one_persons_data_on_request_is_exported_and_logged(partner_client, own_organisation):
    event = make_public_event(organisation=own_organisation)
    asked = make_event_registration(event=event, name="Truus de Vries")
    make_event_registration(event=event, name="Henk Jansen")

    response = partner_client.get(f"/netwerk/agenda/aanmelding/{asked.pk}/export.csv")

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["Truus de Vries"]
    assert list(RegistrationLog.objects.values_list("action", "registration")) == [
        ("exported", asked.pk)
    ]


def test_other_partner_may_not_export_one_persons_data(other_partner_client, own_organisation):
    registration = make_event_registration(event=make_public_event(organisation=own_organisation))

    response = other_partner_client.get(f"/netwerk/agenda/aanmelding/{registration.pk}/export.csv")

    assert response.status_code == 403
