"""Map tiles come through our own server: fetched once from the tile server, then kept."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.tile_server import png, tile_server

pytestmark = pytest.mark.django_db

TILE = reverse("map_tile", args=[15, 16_834, 10_792])


def test_a_tile_is_fetched_once_and_then_served_from_our_cache(client, settings):
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        first = client.get(TILE)
        upstream.stop()
        again = client.get(TILE)

    assert first.status_code == again.status_code == 200
    assert first["Content-Type"] == "image/png"
    assert first.content == again.content == upstream.body
    assert [request["path"] for request in upstream.requests] == ["/15/16834/10792.png"]


def test_the_tile_server_learns_nothing_about_the_visitor(client, settings):
    client.cookies["sessionid"] = "a-visitors-session"
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        client.get(
            TILE,
            HTTP_REFERER="http://testserver/sociale-kaart/activiteit/7/",
            HTTP_USER_AGENT="A visitor's browser",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )

    (seen,) = upstream.requests
    sent = {name.lower(): value for name, value in seen.items()}
    assert "cookie" not in sent and "referer" not in sent
    assert "x-forwarded-for" not in sent and "203.0.113.9" not in str(sent)
    assert sent["user-agent"].startswith(settings.COALITION_NAME)


def test_a_tile_is_cacheable_by_the_browser_and_sets_no_cookie(client, settings):
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        response = client.get(TILE)
        revalidated = client.get(TILE, HTTP_IF_NONE_MATCH=response["ETag"])

    assert "public" in response["Cache-Control"]
    assert f"max-age={settings.MAP_TILE_MAX_AGE}" in response["Cache-Control"]
    assert not response.cookies
    assert revalidated.status_code == 304


def test_tiles_of_another_tile_server_are_not_served_from_the_old_ones_cache(client, settings):
    with tile_server(body=png((10, 10, 10))) as old, tile_server(body=png((250, 0, 0))) as new:
        settings.MAP_TILE_URL = old.url
        client.get(TILE)
        settings.MAP_TILE_URL = new.url
        response = client.get(TILE)

    assert response.content == new.body


@pytest.mark.parametrize(
    "z, x, y",
    [(20, 0, 0), (3, 8, 0), (3, 0, 8), (0, 1, 0)],
    ids=["zoom beyond the limit", "x off the grid", "y off the grid", "zoom 0 has one tile"],
)
def test_a_tile_that_does_not_exist_is_not_asked_for(client, settings, z, x, y):
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        response = client.get(reverse("map_tile", args=[z, x, y]))

    assert response.status_code == 404
    assert upstream.requests == []


def test_an_answer_larger_than_the_limit_is_refused_and_not_kept(client, settings):
    settings.MAP_TILE_MAX_BYTES = 1_000
    with tile_server(body=b"\x89PNG" + b"x" * 2_000) as upstream:
        settings.MAP_TILE_URL = upstream.url
        refused = client.get(TILE)
        settings.MAP_TILE_MAX_BYTES = 10_000
        allowed = client.get(TILE)

    assert refused.status_code == 502
    assert "no-store" in refused["Cache-Control"]
    assert allowed.status_code == 200
    assert len(upstream.requests) == 2


def test_an_answer_that_is_not_an_image_is_refused(client, settings):
    with tile_server(body=b"<html>maintenance</html>", content_type="text/html") as upstream:
        settings.MAP_TILE_URL = upstream.url
        response = client.get(TILE)

    assert response.status_code == 502
    assert response.content == b""


def test_with_the_tile_server_down_an_unknown_tile_is_a_bad_gateway(client, settings):
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        upstream.stop()
        response = client.get(TILE)

    assert response.status_code == 502


def test_production_keeps_tiles_as_files_shared_by_the_servers_processes(settings, tmp_path):
    from coalition import settings as project_settings

    assert project_settings.CACHES["tiles"]["BACKEND"].endswith("FileBasedCache")
    settings.CACHES = {
        **settings.CACHES,
        "tiles": {**project_settings.CACHES["tiles"], "LOCATION": str(tmp_path)},
    }
    with tile_server() as upstream:
        settings.MAP_TILE_URL = upstream.url
        from django.test import Client

        Client().get(TILE)
        caches["tiles"].close()
        # Another process opening the same folder finds the tile.
        del caches["tiles"]
        upstream.stop()
        response = Client().get(TILE)

    assert response.status_code == 200
    assert any(tmp_path.iterdir())


def test_the_maps_ask_only_our_own_host(client):
    from network.socialmap.views.public import map_settings

    assert map_settings()["tiles"] == "/kaart/tegels/{z}/{x}/{y}.png"
    csp = client.get(reverse("privacy"))["Content-Security-Policy"]
    img_src = next(part for part in csp.split(";") if part.strip().startswith("img-src"))
    assert img_src.split() == ["img-src", "'self'", "data:"]


def test_the_privacy_page_says_where_the_tiles_come_from(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    page = client.get(reverse("privacy")).content.decode()
    assert "tiles.example.org" in page
    assert "vraagt die server niets" in page
