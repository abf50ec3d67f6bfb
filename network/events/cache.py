"""The public agenda, event pages and home page built once per *public-pages version*, like the
monitor's pages (``monitoring/cache.py``) and the social map's catalogue: any save or delete of
an event, a registration, a campaign, an awareness item or what they name (organisation,
district, target group) starts a new version (the model signals are connected in
``network.apps``), so a page is never older than the data behind it, and a hit costs one small
lookup of the version.

What is coming depends on the clock as well: a page is built for the minute, so an event that
has begun leaves the list within a minute. Only what every visitor sees alike is cached; an
organiser's preview of an unpublished event is always built afresh."""

import datetime
from collections.abc import Callable

from network.socialmap import catalogue

DATA = "public-pages"


def events_changed(**kwargs) -> None:
    catalogue.changed(data=DATA)


def cached(key_parts: tuple, build: Callable[[], object], *, keep=None):
    return catalogue.cached(key_parts, build, data=DATA, keep=keep)


def this_minute(now: datetime.datetime) -> datetime.datetime:
    return now.replace(second=0, microsecond=0)
