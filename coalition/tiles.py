"""Map tiles through our own server, so that no visitor's browser contacts a third party.

The maps ask ``/kaart/tegels/<z>/<x>/<y>.png``; this module fetches the tile once from the
configured tile server (``MAP_TILE_URL``) and keeps it in the "tiles" cache (files on disk,
bounded by ``MAP_TILE_CACHE_ENTRIES``). The tile server sees our server's address and user
agent, never a visitor's address, cookies, or which page they looked at.
"""

import hashlib
import http.client
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.urls import reverse

log = logging.getLogger(__name__)

CONTENT_TYPES = {"image/png", "image/jpeg", "image/webp"}


class TileUnavailable(Exception):
    """The tile server did not give a usable tile (down, slow, an error, too large)."""


@dataclass(frozen=True)
class Tile:
    content: bytes
    content_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.content).hexdigest()[:32] + '"'


def browser_url_template() -> str:
    """The tile address template the browser's map uses: our own host only."""
    return reverse("map_tile", args=[0, 0, 0]).replace("/0/0/0.", "/{z}/{x}/{y}.")


def source_host() -> str:
    """The tile server's host, for the privacy page."""
    return urllib.parse.urlsplit(settings.MAP_TILE_URL).netloc


def exists(z: int, x: int, y: int) -> bool:
    """Whether (z, x, y) names a tile of the web map grid up to the allowed zoom."""
    return 0 <= z <= settings.MAP_TILE_MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z


def get_tile(z: int, x: int, y: int) -> Tile:
    """The tile from our cache, else from the tile server (and then kept)."""
    upstream = settings.MAP_TILE_URL.replace("{z}", str(z)).replace("{x}", str(x))
    upstream = upstream.replace("{y}", str(y))
    # The key names the tile server too: a new MAP_TILE_URL never serves the old one's tiles.
    key = "tile:" + hashlib.sha256(upstream.encode()).hexdigest()
    cache = caches["tiles"]
    tile = cache.get(key)
    if tile is None:
        tile = fetch(upstream)
        cache.set(key, tile)
    return tile


def fetch(url: str) -> Tile:
    # settings.py allows only http(s) addresses in MAP_TILE_URL.
    request = urllib.request.Request(  # noqa: S310
        url,
        headers={
            "User-Agent": f"{settings.COALITION_NAME} map tiles ({settings.SITE_URL})",
            "Accept": ", ".join(sorted(CONTENT_TYPES)),
        },
    )
    limit = settings.MAP_TILE_MAX_BYTES
    timeout = settings.MAP_TILE_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content_type = response.headers.get_content_type()
            content = response.read(limit + 1)
    except (OSError, http.client.HTTPException, ValueError) as error:  # URLError is an OSError
        log.warning("Map tile %s not fetched: %s", url, error)
        raise TileUnavailable(str(error)) from error
    if content_type not in CONTENT_TYPES:
        log.warning("Map tile %s refused: content type %s", url, content_type)
        raise TileUnavailable(f"content type {content_type}")
    if len(content) > limit:
        log.warning("Map tile %s refused: larger than %d bytes", url, limit)
        raise TileUnavailable("too large")
    return Tile(content, content_type)
