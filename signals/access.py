"""Object-level access in the signals app: which signal a user may open. Which pages a user
may open at all is a Django permission on the view (``@permission_required``)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from signals.models import Signal

TRIAGE = "signals.triage_signal"


def get_signal_for(user, reference: str) -> Signal:
    """The signal with its personal data, for a coordinator of its district: 403 for users who
    may not triage, 404 if unknown or of a district the coordinator is not in (the answer does
    not tell that such a signal exists)."""
    if not user.has_perm(TRIAGE):
        raise PermissionDenied
    return get_object_or_404(
        Signal.objects.visible_to(user).select_related(
            "district", "assigned_to", "duplicate_of", "reported_by"
        ),
        reference=reference,
    )
