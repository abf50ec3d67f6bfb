"""A fixed-window rate limit per client address for the public forms (Django cache).

Each client address has ``limit`` numbered slots per clock hour and per form (``scope``). A
submission takes a free slot with ``cache.add`` before anything is stored: ``add`` is atomic
on the database cache (an INSERT on the cache table's primary key) and on Redis (SET NX), so a
burst of simultaneous requests can never take more slots than there are. (``incr`` would not
do: on the database cache it is a read followed by a write.) The hour is part of the key, so a
slot of an hour that has passed is never reused: the database cache overwrites an expired
row without checking who else does.

Slots are never given back, so they fill up from 0 without holes; a hint (the number of the
last slot taken, plus one) lets a request start there instead of trying every slot. The hint
may lag behind under a burst; then a request just tries a few taken slots first.

When the cache cannot be reached (Redis down) the form is not limited and a warning is
logged: no resident's message is lost to a broken limiter. The signal form's own rules are in
signals/ratelimit.py.
"""

import logging
import time

from django.core.cache import cache

from coalition.lib import client_address

WINDOW_SECONDS = 60 * 60


def take_slot(
    request,
    *,
    scope: str,
    limit: int,
    label: str = "Form",
    logger_name: str = "coalition",
    now: float | None = None,
) -> bool:
    """Take one of the client's submissions of this hour; ``False`` when none is left."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    prefix = f"{scope}:{client_address(request)}:{window}"
    expires = (window + 1) * WINDOW_SECONDS - int(now) + 60
    try:
        for n in range(cache.get(f"{prefix}:next", 0), limit):
            if cache.add(f"{prefix}:{n}", 1, expires):
                cache.set(f"{prefix}:next", n + 1, expires)
                return True
    except Exception as error:  # noqa: BLE001 (any cache failure: let the resident through)
        logging.getLogger(logger_name).warning(
            "%s rate limit unavailable, the form is not limited: %s", label, type(error).__name__
        )
        return True
    return False
