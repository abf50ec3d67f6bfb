"""The maps show their tiles while the browser may ask nothing of any other host."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import make_activity
from tests.tile_server import tile_server

pytestmark = pytest.mark.django_db(transaction=True)


def open_map_with_only_our_host(browser, live_server, path):
    """A fresh browser (no cache of its own) that refuses every request to another host."""
    context = browser.new_context(locale="nl-NL")
    ours = urlsplit(live_server.url).netloc
    refused = []

    def only_ours(route):
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_ours)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + path)
    return context, page, refused


def loaded_tiles(page):
    tiles = page.locator("img.leaflet-tile-loaded")
    expect(tiles.first).to_be_visible()
    return tiles.evaluate_all("tiles => tiles.map(tile => tile.naturalWidth)")


def test_the_activity_map_shows_tiles_through_our_server_and_from_its_cache(
    browser, live_server, settings
):
    activity = make_activity(title="Wandelgroep", latitude="52.0800", longitude="4.3900")
    path = f"/sociale-kaart/activiteit/{activity.pk}/"
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        context, page, refused = open_map_with_only_our_host(browser, live_server, path)
        widths = loaded_tiles(page)
        context.close()
        asked = len(upstream.requests)

        upstream.stop()
        context, page, refused_later = open_map_with_only_our_host(browser, live_server, path)
        widths_later = loaded_tiles(page)
        context.close()

    assert widths and set(widths) == {256}
    assert asked >= len(widths)
    assert widths_later and set(widths_later) == {256}
    assert refused == refused_later == []


def test_the_result_map_shows_tiles_through_our_server(browser, live_server, settings):
    make_activity(title="Op de kaart", latitude="52.0800", longitude="4.3900")
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        context, page, refused = open_map_with_only_our_host(
            browser, live_server, "/sociale-kaart/?weergave=kaart"
        )
        widths = loaded_tiles(page)
        context.close()

    assert widths and set(widths) == {256}
    assert refused == []
