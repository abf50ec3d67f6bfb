"""On a phone the social map shows results first, the menu and the filters fold; the shortlist
keeps the reader where they were; the map names its markers (issue 18)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.factories import make_activity

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def activities(db):
    return [
        make_activity(title=f"Wandelgroep {n}", summary="Elke week een uur wandelen.", is_free=True)
        for n in range(1, 13)
    ]


def in_view(locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 60) <= height


def test_social_map_on_a_phone_shows_the_count_and_first_result_first(
    page, live_server, activities
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/sociale-kaart/?gratis=on")

    filters = page.locator("summary", has_text="Filters (1)")
    expect(filters).to_be_visible()
    expect(page.get_by_label("Dag", exact=True)).to_be_hidden()
    count = page.get_by_role("heading", name="12 activiteiten gevonden")
    first = page.get_by_role("heading", name="Wandelgroep 1", exact=True)
    assert in_view(count, PHONE["height"]) and in_view(first, PHONE["height"])
    expect(page.get_by_role("link", name="Monitor")).to_be_hidden()
    assert_accessible(page)

    menu = page.get_by_role("button", name="Menu")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Monitor")).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(page.get_by_role("link", name="Monitor")).to_be_hidden()

    filters.click()
    expect(page.get_by_label("Dag", exact=True)).to_be_visible()
    assert_accessible(page)


def test_on_a_wide_screen_the_filters_and_menu_stay_open(page, live_server, activities):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/sociale-kaart/")

    expect(page.get_by_label("Dag", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Monitor")).to_be_visible()


def test_without_javascript_the_menu_is_open_and_the_filters_still_unfold(
    browser, live_server, activities
):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/sociale-kaart/")

    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Monitor")).to_be_visible()
    page.locator("summary", has_text="Filters (0)").click()
    expect(page.get_by_label("Dag", exact=True)).to_be_visible()
    context.close()


def test_adding_to_the_list_keeps_the_reader_where_they_were(page, live_server, activities):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/sociale-kaart/")
    button = page.get_by_role("button", name="“Wandelgroep 5” op mijn lijstje zetten")
    button.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")

    button.click()

    added = page.get_by_role("button", name="“Wandelgroep 5” staat op mijn lijstje · eraf halen")
    expect(added).to_be_focused()
    assert page.evaluate("window.scrollY") == scrolled
    expect(page.get_by_role("status").last).to_contain_text("Mijn lijstje (1 activiteit)")
    expect(page.get_by_role("link", name="Mijn lijstje (1 activiteit)")).to_be_visible()
    page.get_by_role("link", name="Bekijk mijn lijstje").click()
    expect(page.get_by_role("heading", name="Wandelgroep 5")).to_be_visible()


def test_without_javascript_adding_returns_to_the_button(browser, live_server, activities):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/sociale-kaart/")

    page.get_by_role("button", name="“Wandelgroep 5” op mijn lijstje zetten").click()

    assert page.url.endswith(f"#shortlist-{activities[4].pk}")
    added = page.get_by_role("button", name="“Wandelgroep 5” staat op mijn lijstje · eraf halen")
    expect(added).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("“Wandelgroep 5” staat op uw lijstje.")
    expect(page.get_by_role("link", name="Bekijk mijn lijstje")).to_be_visible()
    context.close()


def test_the_activity_page_links_to_the_list(page, live_server, activities):
    page.goto(live_server.url + activities[0].get_absolute_url())

    page.get_by_role("button", name="“Wandelgroep 1” op mijn lijstje zetten").click()

    expect(page.get_by_role("link", name="Mijn lijstje (1 activiteit)").first).to_be_visible()
    assert_accessible(page)


def test_map_markers_and_clusters_have_names(page, live_server, db):
    for n in range(12):
        make_activity(title=f"Koffie {n}", latitude=f"52.08{n:02d}", longitude="4.3900")
    make_activity(
        title="Wandelgroep Voorburg-West",
        street="Herenstraat 11",
        latitude="52.2000",
        longitude="4.6000",
    )
    page.goto(live_server.url + "/sociale-kaart/?weergave=kaart")

    expect(page.get_by_role("button", name="12 activiteiten in dit gebied")).to_be_visible()
    expect(
        page.get_by_role("button", name="Wandelgroep Voorburg-West, Herenstraat 11")
    ).to_be_visible()
    assert_accessible(page)
