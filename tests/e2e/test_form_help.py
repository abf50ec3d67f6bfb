"""The signal form helps in the browser (issue 18, point 2): the error summary takes the focus
and its links move it to the field, the title starts with "Fout:", fields appear when they
apply, labels fit who reports, and the character count is shown and announced."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_refused_signal_form_focuses_the_summary_whose_links_reach_each_field(page, live_server):
    page.goto(live_server.url + "/melden/")
    page.get_by_label("Ik maak me zorgen om iemand").check()
    page.get_by_label("telefonisch").check()
    page.get_by_role("button", name="Melding versturen").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Kies een wijk of vul een postcode in.",
            "Vertel ons of de persoon hiervan weet.",
            "Vertel ons wat er aan de hand is.",
            "Vul een telefoonnummer in.",
            re.compile("^Kies ja of nee"),
            re.compile("^Geef toestemming"),
        ]
    )
    assert_accessible(page)

    summary.get_by_role("link", name="Vul een telefoonnummer in.").click()
    expect(page.locator("#id_contact_phone")).to_be_focused()

    # By keyboard: from the summary, Tab to its first link and press Enter.
    summary.focus()
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_postcode")).to_be_focused()

    summary.get_by_role("link", name="Vertel ons of de persoon hiervan weet.").click()
    expect(page.locator("#id_person_aware_0")).to_be_focused()


def test_fields_appear_only_when_they_apply_and_labels_fit_who_reports(page, live_server):
    page.goto(live_server.url + "/melden/")
    aware = page.locator("#div_id_person_aware")
    phone, email = page.locator("#id_contact_phone"), page.locator("#id_contact_email")
    address, name = page.locator("#id_contact_address"), page.locator("#id_contact_name")

    for field in (aware, phone, email, address, name):
        expect(field).to_be_hidden()
    assert_accessible(page)

    page.get_by_label("Ik maak me zorgen om iemand").check()
    expect(aware).to_be_visible()
    expect(page.locator("label[for=id_person_name]")).to_contain_text(
        "Voornaam of voorletters van de persoon om wie het gaat"
    )
    page.get_by_label("Ik voel me eenzaam").check()
    expect(aware).to_be_hidden()
    expect(page.locator("label[for=id_person_name]")).to_contain_text("Uw voornaam of voorletters")
    expect(page.locator("label[for=id_age_band]")).to_contain_text("Uw leeftijd")

    page.get_by_label("telefonisch").check()
    expect(phone).to_be_visible()
    expect(name).to_be_visible()
    expect(email).to_be_hidden()
    expect(page.locator("label[for=id_contact_phone] .asteriskField")).to_be_visible()
    page.get_by_label("per e-mail").check()
    expect(email).to_be_visible()
    expect(phone).to_be_hidden()
    page.get_by_label("geen contact: ik meld anoniem").check()
    for field in (phone, email, address, name):
        expect(field).to_be_hidden()
    assert_accessible(page)


def test_character_count_is_shown_and_announced_and_nothing_is_cut_off(page, live_server):
    page.goto(live_server.url + "/melden/")
    situation = page.locator("#id_situation")
    shown = page.locator("#id_situation ~ .charcount")
    told = page.locator("#id_situation ~ [aria-live=polite]")

    expect(shown).to_have_text("U kunt nog 3.000 tekens typen")
    situation.fill("Mijn buurman")
    expect(shown).to_have_text("U kunt nog 2.988 tekens typen")
    expect(told).to_have_text("U kunt nog 2.988 tekens typen")  # after a pause in typing

    situation.fill("x" * 3005)
    expect(shown).to_have_text("U heeft 5 tekens te veel")
    expect(told).to_have_text("U heeft 5 tekens te veel")
    assert len(situation.input_value()) == 3005  # nothing cut off
    assert_accessible(page)
