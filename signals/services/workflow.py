"""What every workflow on a signal shares: its line in the timeline, the site's language for
what it writes, and the guarded step (lock the signal, check, then apply, or log the
refusal)."""

import functools
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import translation

from signals.models import Signal, SignalEvent

logger = logging.getLogger("signals")
Kind = SignalEvent.Kind


class WorkflowError(Exception):
    """A refused action; the message is shown to the coordinator."""


def site_language():
    """What a workflow writes for others (timeline texts, mail subjects and bodies) is in the
    site's language, whatever language the visitor reads the site in."""
    return translation.override(settings.LANGUAGE_CODE)


def in_site_language(function):
    """Run ``function`` inside ``site_language()``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with site_language():
            return function(*args, **kwargs)

    return wrapper


def record_event(*, signal: Signal, kind: str, by: User | None = None, detail: str = ""):
    return SignalEvent.objects.create(signal=signal, kind=kind, by=by, detail=detail)


def lock(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def refuse(*, signal: Signal, by: User | None, message: str, logged: str):
    """Log a refused action in the timeline (committed) and raise it for the view: ``logged``
    is the message in the site's language, ``message`` in the visitor's."""
    logger.warning("Refused on %s by %s: %s", signal, by, logged)
    record_event(signal=signal, kind=Kind.REFUSED, by=by, detail=logged)
    raise WorkflowError(message)


def guarded(signal: Signal, by: User | None, problem, apply):
    """Lock the signal, ask ``problem(locked)`` for a refusal message, else ``apply(locked)``.

    A refusal is logged after the (empty) transaction, so the log survives and nothing else
    is written; the checks see the locked, current row, not a stale copy. ``apply`` writes in
    the site's language; a refusal is raised in the visitor's language and logged in the
    site's (``problem`` is asked again for that: it only reads the locked row).
    """
    with transaction.atomic():
        locked = lock(signal)
        message = problem(locked)
        if message is None:
            with site_language():
                result = apply(locked)
            locked.save()
            Signal.objects.filter(pk=locked.pk).refresh_action_dates()
    if message is not None:
        with site_language():
            logged = problem(locked)
        refuse(signal=locked, by=by, message=message, logged=logged)
    return result
