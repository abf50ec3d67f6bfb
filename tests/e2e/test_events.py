"""Journeys of the public agenda (issue 16): a resident finds an event, signs up, gets the
mail, cancels with its link and the first on the waiting list moves up; a coordinator builds
a campaign and downloads its poster. axe-core finds nothing on any page."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from network.models import Campaign, EventRegistration
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import (
    make_event_registration,
    make_organisation,
    make_public_event,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


def sign_up(page, name, email):
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_label("Ik heb een ringleiding nodig").check()
    page.get_by_label("Aantal personen").press("Enter")  # the keyboard sends the form


def test_resident_signs_up_cancels_and_the_waiting_list_moves_up(page, live_server):
    start = timezone.now() + timedelta(days=5)
    make_public_event(
        title="Wandeling langs de Vliet",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=1,
        hearing_loop=True,
    )
    make_public_event(title="Iets anders", starts_at=start + timedelta(days=1))

    page.goto(live_server.url + "/agenda/")
    assert_accessible(page)
    page.get_by_role("link", name="Wandeling langs de Vliet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandeling langs de Vliet")
    expect(page.get_by_text("Ringleiding")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden").click()
    assert_accessible(page)
    sign_up(page, "Truus de Vries", "truus@example.org")
    expect(page.get_by_text("U bent aangemeld.")).to_be_visible()

    [confirmation] = mail.outbox
    assert confirmation.to == ["truus@example.org"]
    cancel_path = re.search(r"http://localhost:8000(/agenda/afmelden/\S+/)", confirmation.body)[1]

    page.get_by_role("link", name="Aanmelden voor de wachtlijst").click()
    expect(page.get_by_text("Deze bijeenkomst is vol.")).to_be_visible()
    sign_up(page, "Henk Jansen", "henk@example.org")
    expect(page.get_by_text("U staat op de wachtlijst.")).to_be_visible()
    assert EventRegistration.objects.get(name="Henk Jansen").status == "waiting"

    page.goto(live_server.url + cancel_path)
    assert_accessible(page)
    page.get_by_role("button", name="Ja, meld mij af").click()
    expect(page.get_by_text("Uw aanmelding is geannuleerd.")).to_be_visible()
    assert_accessible(page)

    assert EventRegistration.objects.get(name="Henk Jansen").status == "confirmed"
    assert mail.outbox[-1].to == ["henk@example.org"]
    assert mail.outbox[-1].subject == "Er is een plek voor u bij “Wandeling langs de Vliet”"

    page.goto(live_server.url + cancel_path)  # the link used twice
    expect(page.get_by_text("U heeft zich al afgemeld.")).to_be_visible()


def test_coordinator_builds_a_campaign_and_downloads_its_poster(page, live_server, settings):
    settings.SUPPORT_PHONE = "070 300 40 50"
    coordinator = make_user(username="fatima@example.org", roles=["coordinator"])
    log_in(page, live_server, coordinator)

    page.goto(live_server.url + "/netwerk/campagnes/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe campagne").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Week tegen Eenzaamheid 2026")
    page.get_by_label("Samenvatting").fill("Een week lang praten over eenzaamheid.")
    page.locator("#id_body").fill("Eenzaamheid kan iedereen overkomen.")
    page.get_by_label("Tekst op de poster en de flyer").fill("Eenzaam? Praat erover.")
    page.locator("#id_starts_on").fill("2026-09-24")
    page.locator("#id_ends_on").fill("2026-10-01")
    page.get_by_label("Gepubliceerd").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Week tegen Eenzaamheid 2026")
    assert_accessible(page)

    poster = page.get_by_role("link", name="Poster (A4, PDF)")
    response = page.request.get(live_server.url + poster.get_attribute("href"))
    pages = PdfReader(BytesIO(response.body())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())  # lines wrap

    assert response.headers["content-type"] == "application/pdf"
    assert "Week tegen Eenzaamheid 2026" in text
    assert "070 300 40 50" in text
    assert Campaign.objects.get().poster_downloads == 1


def test_partner_organiser_records_attendance_and_mails_a_change(page, live_server):
    partner = make_user(username="henk@example.org", roles=["partner"])
    organisation = make_organisation(name="Welzijn Voorburg", users=[partner])
    event = make_public_event(title="Mantelzorgcafé", organisation=organisation)
    make_event_registration(event=event, name="Truus de Vries", email="truus@example.org")
    log_in(page, live_server, partner, verified=False)

    page.goto(live_server.url + "/netwerk/agenda/")
    assert_accessible(page)
    page.get_by_role("link", name="Mantelzorgcafé").click()
    assert_accessible(page)
    page.get_by_label("Truus de Vries (1)").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(
        page.get_by_text("De aanwezigheid is opgeslagen: 1 aanmeldingen zijn gekomen.")
    ).to_be_visible()
    page.get_by_label("Onderwerp").fill("Andere zaal")
    page.locator("#id_body").fill("We zitten in zaal 2.")
    page.get_by_role("button", name="Het bericht versturen").click()
    expect(
        page.get_by_text("Het bericht wordt verstuurd naar 1 aangemelde mensen.")
    ).to_be_visible()

    assert EventRegistration.objects.get().attended is True
    assert mail.outbox[-1].subject == "Andere zaal"


def test_agenda_event_and_form_reflow_at_320_pixels(page, live_server):
    event = make_public_event(title="Informatiemarkt Voel je thuis in Leidschendam-Voorburg")
    page.set_viewport_size({"width": 320, "height": 640})

    for path in ("/agenda/", event.get_absolute_url(), f"/agenda/{event.pk}/aanmelden/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
