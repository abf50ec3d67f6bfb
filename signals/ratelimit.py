"""A fixed-window rate limit per client address for the public form (Django cache).

Each client address has ``SIGNAL_RATE_LIMIT`` numbered slots per clock hour. A request takes
a free slot with ``cache.add`` before anything is stored: ``add`` is atomic on the database
cache (an INSERT on the cache table's primary key) and on Redis (SET NX), so a burst of
simultaneous requests can never take more slots than there are. ``incr`` would not do: on
the database cache it is a read followed by a write. The hour is part of the key, so a slot
of an hour that has passed is never reused (the database cache overwrites an expired row
without checking who else does).

Only stored signals use up the limit: a request gives its slot back when its form is refused
or when it turns out to repeat a report already stored. A robot caught by the honeypot keeps
its slot. When the cache cannot be reached (Redis down) the form is not limited, and a
warning is logged: no resident's report is lost to a broken limiter.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from coalition.lib import client_address

WINDOW_SECONDS = 60 * 60
logger = logging.getLogger("signals")


class Slot:
    """One submission of the client's hour; falsy when the limit was reached."""

    def __init__(self, key: str | None, taken: bool):
        self.key = key
        self.taken = taken

    def __bool__(self) -> bool:
        return self.taken

    def give_back(self) -> None:
        if self.key is None:
            return
        try:
            cache.delete(self.key)
        except Exception as error:  # noqa: BLE001 (the limiter fails open, see take)
            _unavailable(error)
        self.key = None


def take(request, now: float | None = None) -> Slot:
    """Take one of the client's slots of this hour, or a falsy ``Slot`` when none is left."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    prefix = f"signals:report:{client_address(request)}:{window}"
    keys = [f"{prefix}:{n}" for n in range(settings.SIGNAL_RATE_LIMIT)]
    expires = (window + 1) * WINDOW_SECONDS - int(now) + 60
    try:
        taken = cache.get_many(keys)
        for key in keys:
            if key not in taken and cache.add(key, 1, expires):
                return Slot(key, True)
    except Exception as error:  # noqa: BLE001 (any cache failure: let the resident through)
        _unavailable(error)
        return Slot(None, True)
    return Slot(None, False)


def _unavailable(error: Exception) -> None:
    logger.warning(
        "Signal rate limit unavailable, the form is not limited: %s", type(error).__name__
    )
