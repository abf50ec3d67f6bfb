from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "home.png"


def test_home_page_is_dutch_and_accessible(page, live_server):
    page.goto(live_server.url + "/")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("samen tegen eenzaamheid")
    expect(
        page.get_by_role("link", name="Ik voel me eenzaam, of ik maak me zorgen om iemand")
    ).to_be_visible()
    assert_accessible(page)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=SCREENSHOT, full_page=True)


def test_home_page_fits_a_phone(page, live_server):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375
    assert_accessible(page)


def test_login_page_is_accessible(page, live_server):
    page.goto(live_server.url + "/accounts/login/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    assert_accessible(page)


def test_wrong_login_is_explained_accessibly(page, live_server, partner):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(partner.username)
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("alert")).to_contain_text("Voer een juiste gebruikersnaam")
    assert_accessible(page)


def test_skip_link_moves_keyboard_focus_to_the_content(page, live_server):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_turns_the_site_english_and_back(page, live_server):
    page.goto(live_server.url + "/privacy/")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("How we handle your data")
    page.get_by_role("button", name="Nederlands").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zo gaan we om met uw gegevens")


def test_partner_logs_in_with_the_keyboard(page, live_server, partner):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(partner.username)
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_label("Wachtwoord").press("Enter")

    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
