"""The login lock-out: two limits on the records django-axes keeps, and the page that says so.

Axes counts failed logins per username *and* address (``AXES_LOCKOUT_PARAMETERS``), so five
wrong guesses from anywhere cannot lock a coordinator out everywhere. An address that fails
many times, whatever usernames it tries, is locked too, at a higher limit of its own
(``LOGIN_ADDRESS_FAILURE_LIMIT``). Axes knows one limit only, so this handler compares each
count with its own limit and tells axes "locked" in axes's terms.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class PairAndAddressHandler(AxesDatabaseHandler):
    """Axes's database handler with a limit per username and address and one per address.

    ``AXES_LOCKOUT_PARAMETERS`` must be ``[["username", "ip_address"], "ip_address"]``: the
    first list of attempts is the pair's, the second the address's.
    """

    def get_failures(self, request, credentials=None) -> int:
        pair, address = self.get_user_attempts(request, credentials)
        failures = _failures(pair)
        if _failures(address) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login forgets the failures of that username from that address only,
        so logging in to one's own account does not wipe an address's guesses at others."""
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out visitor sees (``AXES_LOCKOUT_CALLABLE``)."""
    cool_off = get_cool_off(request)
    hours = max(1, round(cool_off.total_seconds() / 3600)) if cool_off else 1
    return render(
        request,
        "registration/locked_out.html",
        {"hours": hours},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
