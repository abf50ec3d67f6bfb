"""What every workflow on a signal shares: its line in the timeline, and the guarded step
(lock the signal, check, then apply, or log the refusal)."""

import logging

from django.contrib.auth.models import User
from django.db import transaction

from signals.models import Signal, SignalEvent

logger = logging.getLogger("signals")
Kind = SignalEvent.Kind


class WorkflowError(Exception):
    """A refused action; the message is shown to the coordinator."""


def record_event(*, signal: Signal, kind: str, by: User | None = None, detail: str = ""):
    return SignalEvent.objects.create(signal=signal, kind=kind, by=by, detail=detail)


def lock(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def refuse(*, signal: Signal, by: User | None, message: str):
    """Log a refused action in the timeline (committed) and raise it for the view."""
    logger.warning("Refused on %s by %s: %s", signal, by, message)
    record_event(signal=signal, kind=Kind.REFUSED, by=by, detail=message)
    raise WorkflowError(message)


def guarded(signal: Signal, by: User | None, problem, apply):
    """Lock the signal, ask ``problem(locked)`` for a refusal message, else ``apply(locked)``.

    A refusal is logged after the (empty) transaction, so the log survives and nothing else
    is written; the checks see the locked, current row, not a stale copy.
    """
    with transaction.atomic():
        locked = lock(signal)
        message = problem(locked)
        if message is None:
            result = apply(locked)
            locked.save()
    if message is not None:
        refuse(signal=locked, by=by, message=message)
    return result
