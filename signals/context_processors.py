"""The number of referrals waiting for the partner's answer, for the navigation. A callable:
the template calls it only for users who may answer referrals; it is counted once per signals
version (``signals/services/counts.py``), so a page costs one lookup of the version."""

from functools import partial

from signals.models import Referral
from signals.services import counts


def open_referral_count(request) -> int:
    if not hasattr(request, "_open_referral_count"):
        user = request.user
        request._open_referral_count = counts.cached(
            ("open-referrals", user.pk),
            lambda: Referral.objects.for_partner(user).awaiting_answer().count(),
        )
    return request._open_referral_count


def referrals(request):
    return {"open_referral_count": partial(open_referral_count, request)}
