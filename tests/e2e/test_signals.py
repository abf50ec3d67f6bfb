import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from signals.models import Signal
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_activity, make_organisation, make_user, target_group

pytestmark = pytest.mark.django_db(transaction=True)


def fill_report_about_neighbour(page):
    page.get_by_label("Ik maak me zorgen om iemand").check()
    page.get_by_label("Voornaam of voorletters van de persoon om wie het gaat").fill("Mevr. K.")
    page.get_by_label("Leeftijd").select_option("76+")
    page.get_by_label("Postcode").fill("2271 AB")
    page.get_by_label("Ouderen").check()
    page.get_by_label("nee, de persoon weet het niet").check()
    page.get_by_label("Wat is er aan de hand? Vertel het in uw eigen woorden.").fill(
        "Mijn buurvrouw komt niet meer buiten sinds haar man is overleden."
    )
    page.get_by_label("telefonisch").check()
    page.get_by_label("Telefoonnummer").fill("070 123 4567")
    page.locator("input[name=share_contact][value=no]").check()
    page.get_by_label(re.compile("Ik geef toestemming")).check()


def test_resident_reports_and_coordinator_handles_signal(page, live_server):
    coordinator = make_user(first_name="Fatima", roles=["coordinator"])
    make_activity(title="Koffieochtend De Vliet", target_groups=[target_group("ouderen")])

    # A resident reports about a neighbour and gets a reference.
    page.goto(live_server.url + "/melden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Een zorg over eenzaamheid melden")
    assert_accessible(page)
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Controleer uw antwoorden")).to_be_visible()
    assert_accessible(page)
    fill_report_about_neighbour(page)
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw melding")
    reference = Signal.objects.get().reference
    expect(page.locator(".signal-reference")).to_have_text(reference)
    assert_accessible(page)
    assert [m.subject for m in mail.outbox] == [f"Nieuwe melding {reference}"]

    # A coordinator takes it, logs a contact attempt, refers, and closes it.
    log_in(page, live_server, coordinator)
    page.goto(live_server.url + "/signalen/")
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Melding {reference}")
    assert_accessible(page)
    page.get_by_role("button", name="Deze melding oppakken").click()
    expect(page.locator("#signal-status")).to_have_text("In behandeling")

    page.get_by_text("Contactpoging vastleggen").click()
    page.locator("#attempt_form_channel").select_option("phone")
    page.get_by_label("Ja, we hebben gesproken").check()
    page.get_by_role("button", name="Contactpoging opslaan").click()
    expect(page.locator("#signal-status")).to_have_text("Contact gelegd")

    page.get_by_role("link", name="Doorverwijzen naar een activiteit of partner").click()
    assert_accessible(page)
    page.get_by_label(re.compile("Koffieochtend De Vliet")).check()
    page.get_by_role("button", name="Doorverwijzen", exact=True).click()
    expect(page.locator("#signal-status")).to_have_text("Doorverwezen")

    page.get_by_text("Melding afsluiten").click()
    page.get_by_label("doorverwezen naar activiteit").check()
    page.get_by_role("button", name="Afsluiten", exact=True).click()
    expect(page.locator("#signal-status")).to_contain_text("Afgesloten")

    # The timeline shows each step.
    timeline = page.locator(".timeline")
    for kind in ["Ontvangen", "Toegewezen", "Contactpoging", "Doorverwezen", "Afgesloten"]:
        expect(timeline).to_contain_text(kind)
    expect(timeline).to_contain_text("Van doorverwezen naar afgesloten.")
    assert_accessible(page)


def test_partner_sees_only_status_of_own_report(page, live_server):
    partner = make_user(first_name="Henk", roles=["partner"])
    make_organisation(name="Huisartsenpraktijk De Vliet", users=[partner])
    log_in(page, live_server, partner, verified=False)

    page.goto(live_server.url + "/melden/")
    expect(page.get_by_label("Namens")).to_have_value(re.compile(r"\d+"))
    fill_report_about_neighbour(page)
    page.get_by_role("button", name="Melding versturen").click()
    reference = Signal.objects.get().reference

    page.goto(live_server.url + "/signalen/mijn-meldingen/")
    expect(page.get_by_role("cell", name=reference)).to_be_visible()
    expect(page.get_by_role("cell", name="Nieuw")).to_be_visible()
    expect(page.get_by_text("Mijn buurvrouw komt niet meer buiten")).to_have_count(0)
    assert_accessible(page)
