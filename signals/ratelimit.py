"""The rate limit of the public signal form, on the shared limiter in coalition/ratelimit.py.

Each client address has ``SIGNAL_RATE_LIMIT`` numbered slots per clock hour. A submission
takes a free slot with ``cache.add`` before its signal is stored: ``add`` is atomic on the
database cache (an INSERT on the cache table's primary key) and on Redis (SET NX), so a burst
of simultaneous requests can never take more slots than there are. (``incr`` would not do:
on the database cache it is a read followed by a write.) The hour is part of the key, so a
slot of an hour that has passed is never reused: the database cache overwrites an expired
row without checking who else does.

Slots are never given back, so they fill up from 0 without holes; a hint (the number of the
last slot taken, plus one) lets a request start there instead of trying every slot. The hint
may lag behind under a burst; then a request just tries a few taken slots first.

Only stored signals and robots caught by the honeypot take a slot: the view validates the
form first, so a refused form costs no slot, and a resend of a form already stored shows
that signal without taking one. When the cache cannot be reached (Redis down) the form is
not limited and a warning is logged: no resident's report is lost to a broken limiter.
"""

from django.conf import settings

from coalition import ratelimit


def take_slot(request, now: float | None = None) -> bool:
    """Take one of the client's signal submissions of this hour; ``False`` when none is left."""
    return ratelimit.take_slot(
        request,
        scope="signals:report",
        limit=settings.SIGNAL_RATE_LIMIT,
        label="Signal",
        logger_name="signals",
        now=now,
    )
