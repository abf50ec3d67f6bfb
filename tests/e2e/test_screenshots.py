"""The pictures in the README (issue 18): the home page, the social map on a phone, the signal
form with its errors and the printed shortlist, taken from the demo data in Chromium and kept
in docs/. Run ``pytest tests/e2e/test_screenshots.py`` to make them again."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[2] / "docs"
PHONE = {"width": 375, "height": 812}


def test_screenshots_for_the_readme(page, live_server):
    call_command("seed_demo", stdout=StringIO())
    DOCS.mkdir(exist_ok=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.screenshot(path=DOCS / "home.png", full_page=True)  # as tests/e2e/test_foundation.py

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/sociale-kaart/?doelgroep=ouderen")
    expect(page.locator(".result").first).to_be_in_viewport()
    page.screenshot(path=DOCS / "social-map-phone.png")

    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(live_server.url + "/melden/")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.locator(".is-invalid").first).to_be_visible()
    page.screenshot(path=DOCS / "signal-form-errors.png")

    page.goto(live_server.url + "/sociale-kaart/")
    for button in page.locator(".shortlist-button").all()[:3]:
        button.click()
        expect(button).to_contain_text("staat op mijn lijstje")
    page.goto(live_server.url + "/sociale-kaart/mijn-lijstje/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=DOCS / "shortlist-print.png", full_page=True)

    for name in ("home", "social-map-phone", "signal-form-errors", "shortlist-print"):
        assert (DOCS / f"{name}.png").read_bytes().startswith(b"\x89PNG")
