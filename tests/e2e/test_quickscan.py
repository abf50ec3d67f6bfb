"""The quickscan in the browser (issue 15): the overview with its map, one district, and the
map by keyboard; under the strict CSP, with axe-core finding nothing."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.test_monitoring import collect_csp_errors, demo_figures  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_overview_draws_the_map_and_a_district_opens_by_keyboard(
    page,
    live_server,
    demo_figures,  # noqa: F811
):
    errors = collect_csp_errors(page)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, live_server, User.objects.get(username="coordinator@example.org"))

    page.goto(live_server.url + "/monitor/wijken/?jaar=2026")

    expect(page.get_by_role("heading", level=1)).to_have_text("Quickscan per wijk en doelgroep")
    expect(page.locator("#district-map.map-drawn")).to_be_visible()
    expect(page.locator("#district-map path[role=link]")).to_have_count(8)
    expect(page.locator("#map-table tbody tr")).to_have_count(8)
    expect(page.locator("#gaps-table tbody tr").first).to_contain_text("wonen naar schatting")
    page.screenshot(path="/tmp/quickscan-overview.png", full_page=True)
    page.locator("section.quickscan-map").screenshot(path="/tmp/quickscan-map.png")
    assert_accessible(page)

    stompwijk = page.locator("#district-map path[data-code=WK191608]")
    expect(stompwijk).to_have_attribute(
        "aria-label",
        re.compile(r"^Stompwijk, Geschatte eenzame inwoners per activiteit: [0-9.,]+$"),
    )
    page.locator("#id_doelgroep").focus()
    for _ in range(40):  # Tab on through the form and the map until Stompwijk has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-code')") == "WK191608":
            break
    else:
        pytest.fail("Tab never reached the district Stompwijk on the map")
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_server.url + "/monitor/wijken/WK191608/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quickscan Stompwijk")
    assert errors == []
    assert all(url.startswith(live_server.url) for url in requests)


def test_district_page_compares_and_is_accessible(page, live_server, demo_figures):  # noqa: F811
    log_in(page, live_server, User.objects.get(username="coordinator@example.org"))

    page.goto(live_server.url + "/monitor/wijken/WK191601/?jaar=2026")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Quickscan Voorburg-Noord")
    header = page.locator("#comparison-table thead th")
    expect(header).to_have_text(
        ["Doelgroep", "Jaar en leeftijd", "Voorburg-Noord", "Leidschendam-Voorburg",
         "GGD Haaglanden", "Nederland"]
    )  # fmt: skip
    expect(page.locator("#need-table tbody tr")).to_have_count(5)
    page.screenshot(path="/tmp/quickscan-district.png", full_page=True)
    assert_accessible(page)
