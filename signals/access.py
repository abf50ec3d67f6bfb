"""Object-level access in the signals app: which signal a user may open. Which pages a user
may open at all is a Django permission on the view (``@permission_required``)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from signals.models import Referral, Signal

TRIAGE = "signals.triage_signal"
ANSWER = "signals.answer_referral"


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


def get_referral_for_partner(user, pk) -> Referral:
    """A referral to one of the user's organisations, for its inbox page: 403 for users who
    may not answer referrals, 404 when unknown, anonymised or another
    organisation's (the answer does not tell that such a referral exists)."""
    if not user.has_perm(ANSWER):
        raise PermissionDenied
    return get_object_or_404(Referral.objects.for_partner(user).for_inbox(), pk=pk)


def get_referral_for(user, reference: str, pk) -> Referral:
    """A referral of a signal the coordinator may open (see ``get_signal_for``)."""
    signal = get_signal_for(user, reference)
    referral = get_object_or_404(signal.referrals.select_related("activity", "organisation"), pk=pk)
    referral.signal = signal
    return referral
