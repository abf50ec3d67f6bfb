"""Public events (issue 16): the agenda, an event's page, iCal, registration without an
account, the cancel link and the waiting list."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from coalition.models import TargetGroup
from network.events import services
from network.events.tokens import cancel_token, registration_pk
from network.models import EventRegistration, PublicEvent
from tests.factories import (
    make_area,
    make_article,
    make_campaign,
    make_event_registration,
    make_public_event,
)

FORM = {"name": "Truus de Vries", "email": "truus@example.org", "phone": "", "people": "1"}


def committed(call, *args, **kwargs):
    """Mail is queued when the transaction commits: run those callbacks at once."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call(*args, **kwargs)


def register(client, event, **data):
    return committed(client.post, f"/agenda/{event.pk}/aanmelden/", {**FORM, **data})


def cancel_link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/agenda/afmelden/" in line)
    return line.strip().removeprefix("http://localhost:8000")


def test_agenda_lists_coming_published_events_not_past_or_pending(resident):
    coming = make_public_event(title="Informatiemarkt Voel je thuis")
    make_public_event(
        title="Voorbij",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    make_public_event(title="Nog niet gecontroleerd", publication_state="pending")

    response = resident.get("/agenda/")

    assert [e.title for e in response.context["page"]] == [coming.title]
    assert "Informatiemarkt Voel je thuis" in response.content.decode()


def test_past_event_keeps_its_page(resident):
    past = make_public_event(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )

    response = resident.get(f"/agenda/{past.pk}/")

    assert response.status_code == 200
    assert "Deze bijeenkomst is al geweest." in response.content.decode()


def test_pending_event_is_not_public(resident):
    event = make_public_event(publication_state="pending")

    assert resident.get(f"/agenda/{event.pk}/").status_code == 404
    assert resident.get(f"/agenda/{event.pk}/aanmelden/").status_code == 404


def test_agenda_filters_by_district_target_group_and_month(resident):
    district = make_area(name="Leidsenhage")
    group = TargetGroup.objects.get(slug="mantelzorgers")
    wanted = make_public_event(district=district, target_groups=[group])
    make_public_event(district=make_area(name="Damsigt"))
    month = timezone.localtime(wanted.starts_at).strftime("%Y-%m")

    response = resident.get(
        "/agenda/", {"wijk": district.code, "doelgroep": group.slug, "maand": month}
    )

    assert [e.pk for e in response.context["page"]] == [wanted.pk]


@pytest.mark.parametrize("rows", [1, 25])
def test_agenda_uses_fixed_queries(resident, django_assert_num_queries, rows):
    for _ in range(rows):
        make_event_registration(event=make_public_event(target_groups=[]))

    with django_assert_num_queries(5):
        response = resident.get("/agenda/")

    assert len(response.context["page"]) == min(rows, 10)


@pytest.mark.parametrize("rows", [1, 30])
def test_event_page_and_form_use_fixed_queries(resident, django_assert_num_queries, rows):
    event = make_public_event(capacity=100)
    for _ in range(rows):
        make_event_registration(event=event)

    with django_assert_num_queries(3):
        assert resident.get(f"/agenda/{event.pk}/").status_code == 200
    with django_assert_num_queries(3):
        assert resident.get(f"/agenda/{event.pk}/aanmelden/").status_code == 200


def test_event_and_agenda_ical(resident):
    event = make_public_event(title="Wandeling door Voorburg")

    one = Calendar.from_ical(resident.get(f"/agenda/{event.pk}/agenda.ics").content)
    every = Calendar.from_ical(resident.get("/agenda/agenda.ics").content)

    assert [str(e["summary"]) for e in one.events] == ["Wandeling door Voorburg"]
    assert [str(e["summary"]) for e in every.events] == ["Wandeling door Voorburg"]
    assert str(one.events[0]["url"]).endswith(f"/agenda/{event.pk}/")


def test_resident_registers_without_account_and_gets_a_mail_with_cancel_link(resident):
    event = make_public_event(title="Informatiemarkt")

    response = register(resident, event, needs_hearing_loop="on", people="2")

    assert response.status_code == 302
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.people, registration.status) == (
        "Truus de Vries",
        2,
        "confirmed",
    )
    assert registration.needs() == ["Ik heb een ringleiding nodig"]
    assert [m.to for m in mail.outbox] == [["truus@example.org"]]
    assert mail.outbox[0].subject == "U bent aangemeld voor “Informatiemarkt”"
    # The signed link carries the second it was made, so compare what it names.
    link = cancel_link(mail.outbox[0])
    assert link.startswith("/agenda/afmelden/") and link.endswith("/")
    assert registration_pk(link.removeprefix("/agenda/afmelden/").rstrip("/")) == registration.pk


def test_registration_needs_email_or_phone(resident):
    event = make_public_event()

    response = register(resident, event, email="", phone="")

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Vul een e-mailadres of een telefoonnummer in."
    ]
    assert not EventRegistration.objects.exists()


def test_registration_by_phone_sends_no_mail(resident):
    event = make_public_event()

    register(resident, event, email="", phone="06 1234 5678")

    assert EventRegistration.objects.get().contact_key == "0612345678"
    assert mail.outbox == []


def test_second_registration_with_same_contact_is_recognised(resident):
    event = make_public_event()
    register(resident, event)

    response = register(resident, event, email="TRUUS@example.org", name="Truus")

    assert EventRegistration.objects.count() == 1
    assert "U was al aangemeld" in resident.get(response.url).content.decode()


def test_same_phone_written_otherwise_is_the_same_person(resident):
    event = make_public_event()
    register(resident, event, email="", phone="06-12345678")
    register(resident, event, email="", phone="+31 6 1234 5678")

    assert EventRegistration.objects.count() == 1


def test_honeypot_stores_nothing(resident):
    event = make_public_event()

    response = register(resident, event, website="http://spam.example")

    assert response.status_code == 302
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_registration_is_rate_limited(resident, settings):
    settings.EVENT_REGISTRATION_RATE_LIMIT = 2
    event = make_public_event()
    register(resident, event, email="a@example.org")
    register(resident, event, email="b@example.org")

    response = register(resident, event, email="c@example.org")

    assert response.status_code == 429
    assert EventRegistration.objects.count() == 2


def test_full_event_offers_the_waiting_list(resident):
    event = make_public_event(capacity=2)
    make_event_registration(event=event, people=2)

    page = resident.get(f"/agenda/{event.pk}/aanmelden/").content.decode()
    register(resident, event)

    assert "Deze bijeenkomst is vol" in page
    assert EventRegistration.objects.get(email="truus@example.org").status == "waiting"
    assert mail.outbox[0].subject == f"U staat op de wachtlijst voor “{event.title}”"


def test_cancel_moves_the_first_waiting_person_up_with_a_mail(resident):
    event = make_public_event(capacity=2)
    first = make_event_registration(event=event, people=2)
    waiting = make_event_registration(event=event, status="waiting", email="wacht@example.org")
    later = make_event_registration(event=event, status="waiting", email="later@example.org")
    url = f"/agenda/afmelden/{cancel_token(first)}/"

    assert "Ja, meld mij af" in resident.get(url).content.decode()
    response = committed(resident.post, url)

    assert "Uw aanmelding is geannuleerd." in response.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert (first.status, waiting.status, later.status) == ("cancelled", "confirmed", "confirmed")
    assert [m.to for m in mail.outbox] == [["wacht@example.org"], ["later@example.org"]]
    assert mail.outbox[0].subject == f"Er is een plek voor u bij “{event.title}”"


def test_nobody_jumps_the_waiting_list(resident):
    event = make_public_event(capacity=2)
    first = make_event_registration(event=event, people=1)
    make_event_registration(event=event, people=1)
    big = make_event_registration(event=event, status="waiting", people=3)
    small = make_event_registration(event=event, status="waiting", people=1)

    services.cancel(registration=first, now=timezone.now())

    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.status, small.status) == ("waiting", "waiting")


def test_cancel_link_used_twice_says_so_kindly(resident):
    registration = make_event_registration()
    url = f"/agenda/afmelden/{cancel_token(registration)}/"
    resident.post(url)

    again = resident.post(url)
    opened = resident.get(url)

    assert again.status_code == 200
    assert "U heeft zich al afgemeld" in again.content.decode()
    assert "U heeft zich al afgemeld" in opened.content.decode()


def test_cancel_link_after_the_event_says_so_kindly(resident):
    event = make_public_event(
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(hours=20),
    )
    registration = make_event_registration(event=event)

    response = resident.post(f"/agenda/afmelden/{cancel_token(registration)}/")

    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert "al geweest" in response.content.decode()


def test_forged_cancel_link_is_not_found(resident):
    make_event_registration()

    assert resident.get("/agenda/afmelden/1:forged/").status_code == 404


def test_registration_for_past_event_is_closed(resident):
    event = make_public_event(
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(hours=20),
    )

    response = register(resident, event)

    assert response.status_code == 200
    assert not EventRegistration.objects.exists()


def test_reminder_the_day_before_once(db):
    tomorrow = timezone.now() + timedelta(days=1)
    event = make_public_event(starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1))
    make_event_registration(event=event, email="a@example.org")
    make_event_registration(event=event, email="b@example.org", status="cancelled")
    make_public_event()  # next week: no reminder yet

    assert committed(services.send_reminders, now=timezone.now()) == 1
    assert committed(services.send_reminders, now=timezone.now()) == 0
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].subject == f"Morgen: “{event.title}”"
    assert PublicEvent.objects.get(pk=event.pk).reminders_sent_at is not None


@pytest.mark.parametrize("rows", [1, 10])
def test_home_shows_next_events_and_running_campaign(resident, django_assert_num_queries, rows):
    campaign = make_campaign(
        title="Voel je thuis 2026",
        starts_on=timezone.localdate() - timedelta(days=1),
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    for n in range(rows):
        make_public_event(title=f"Bijeenkomst {n}", campaign=campaign)

    with django_assert_num_queries(4):
        html = resident.get("/").content.decode()

    assert "Voel je thuis 2026" in html
    assert "Bijeenkomst 0" in html
    assert "Bijeenkomst 3" not in html  # the next three only


def test_agenda_is_built_once_and_shows_a_new_event_at_once(resident):
    make_public_event(title="Koffieochtend")
    assert "Koffieochtend" in resident.get("/agenda/").content.decode()

    with CaptureQueriesContext(connection) as again:
        html = resident.get("/agenda/").content.decode()
    asked = len(again.captured_queries)  # now: the next request empties Django's query log
    make_public_event(title="Wandeling langs de Vliet")
    after = resident.get("/agenda/").content.decode()

    assert "Koffieochtend" in html
    assert asked == 0  # from the cache: nothing asked of the database
    assert "Wandeling langs de Vliet" in after


def test_agenda_filters_and_pages_are_built_apart(resident):
    voorburg = make_area(code="WK191601", name="Voorburg-Noord")
    make_public_event(title="Buurtlunch Voorburg", district=voorburg)
    make_public_event(title="Koffie elders")

    everything = resident.get("/agenda/").content.decode()
    only_voorburg = resident.get("/agenda/?wijk=WK191601").content.decode()

    assert "Koffie elders" in everything
    assert "Buurtlunch Voorburg" in only_voorburg
    assert "Koffie elders" not in only_voorburg


def test_event_page_shows_a_new_registration_at_once(resident):
    event = make_public_event(capacity=10)
    assert "Nog 10 plaatsen vrij" in resident.get(f"/agenda/{event.pk}/").content.decode()

    with CaptureQueriesContext(connection) as again:
        resident.get(f"/agenda/{event.pk}/")
    asked = [query["sql"] for query in again.captured_queries]
    make_event_registration(event=event, people=2)

    assert "Nog 8 plaatsen vrij" in resident.get(f"/agenda/{event.pk}/").content.decode()
    assert asked == []  # from the cache: nothing asked of the database


def test_an_event_sent_back_for_review_is_gone_at_once(resident):
    event = make_public_event(title="Voorjaarsmarkt")
    assert resident.get(f"/agenda/{event.pk}/").status_code == 200

    event.publication_state = PublicEvent.Publication.PENDING
    event.save(update_fields=["publication_state"])

    assert resident.get(f"/agenda/{event.pk}/").status_code == 404


def test_an_organisers_preview_is_never_kept_for_the_public(db, client):
    from tests.conftest import login
    from tests.factories import make_organisation, make_user

    organiser = make_user(username="org@example.org", roles=["partner"])
    organisation = make_organisation(users=[organiser])
    event = make_public_event(
        title="Nog geheim",
        organisation=organisation,
        publication_state=PublicEvent.Publication.PENDING,
    )
    preview = login(client, organiser, verified=False).get(f"/agenda/{event.pk}/")

    assert "Nog geheim" in preview.content.decode()
    assert Client().get(f"/agenda/{event.pk}/").status_code == 404


def test_each_language_gets_its_own_agenda(resident):
    make_public_event()
    dutch = resident.get("/agenda/").content.decode()
    resident.cookies["django_language"] = "en"
    english = resident.get("/agenda/").content.decode()

    assert "Iedereen is welkom" in dutch
    assert "Everyone is welcome" in english


def test_home_is_built_once_and_shows_new_events_and_news_at_once(resident):
    make_public_event(title="Koffieochtend")
    assert "Koffieochtend" in resident.get("/").content.decode()

    with CaptureQueriesContext(connection) as again:
        resident.get("/")
    asked = len(again.captured_queries)
    make_public_event(
        title="Wandeling langs de Vliet", starts_at=timezone.now() + timedelta(days=1)
    )
    make_article(title="Praten over eenzaamheid")
    html = resident.get("/").content.decode()

    assert asked == 0
    assert "Wandeling langs de Vliet" in html
    assert "Praten over eenzaamheid" in html


def test_the_blank_registration_form_is_drawn_once_and_a_refused_one_afresh(resident):
    event = make_public_event(capacity=10)
    url = f"/agenda/{event.pk}/aanmelden/"
    first = resident.get(url)
    second = resident.get(url)
    refused = resident.post(url, {**FORM, "email": "", "phone": "12"})

    drawn = {template.name for template in first.templates}
    assert "coalition/forms/field.html" in drawn
    assert "coalition/forms/field.html" not in {template.name for template in second.templates}
    assert 'name="name"' in second.content.decode()
    assert "Truus de Vries" in refused.content.decode()
    assert "minstens 10 cijfers" in refused.content.decode()
