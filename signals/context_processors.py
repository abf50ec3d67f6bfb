"""The number of referrals waiting for the partner's answer, for the navigation. A callable:
the template calls it only for users who may answer referrals, and it asks the database once
per request."""

from functools import partial

from signals.models import Referral


def open_referral_count(request) -> int:
    if not hasattr(request, "_open_referral_count"):
        request._open_referral_count = (
            Referral.objects.for_partner(request.user).awaiting_answer().count()
        )
    return request._open_referral_count


def referrals(request):
    return {"open_referral_count": partial(open_referral_count, request)}
