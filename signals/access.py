"""Who may see what in the signals app: the one access helper of this app."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from signals.models import Signal

TRIAGE = "signals.triage_signal"
OWN_REPORTS = "signals.view_own_reports"


def can_triage(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(TRIAGE)


def coordinator_required(view):
    """Logged in (else to the login page) and allowed to triage (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_triage(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_signal_for(user, reference: str) -> Signal:
    """The signal with its personal data, for a coordinator of its district: 403 for others,
    404 if unknown."""
    if not can_triage(user):
        raise PermissionDenied
    signal = get_object_or_404(
        Signal.objects.select_related("district", "assigned_to", "duplicate_of", "reported_by"),
        reference=reference,
    )
    if not Signal.objects.visible_to(user).filter(pk=signal.pk).exists():
        raise PermissionDenied
    return signal
