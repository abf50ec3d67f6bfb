"""The counts beside the pages (signals per status, failed mails, the navigation's badges,
the sections of "mijn werk" and the partner's inbox), built once per *signals version* instead
of counting 100,000 rows on every request. Any save or delete of a signal, referral, outbox
mail or a coordinator's district, a change of who works for an organisation, and
``refresh_action_dates`` start a new version (the model signals are connected in
``signals.apps``, the one house rule the catalogue cache leaves, for the same reason: only
those hooks see every write), so a count is never older than the database; a hit costs the
lookup of the version."""

from collections.abc import Callable

from django.db.models import Count

from network.socialmap import catalogue
from signals.models import CoordinatorDistrict, Signal, SignalMail
from signals.models.urgency import COUNTS_DATA as DATA


def counts_changed(**kwargs) -> None:
    catalogue.changed(data=DATA)


def cached(key_parts: tuple, build: Callable[[], object]):
    """``build()`` once per signals version and ``key_parts`` (name the user in them when
    the count depends on who asks)."""
    return catalogue.cached(key_parts, build, data=DATA)


def queue_counts(user) -> tuple[dict[str, int], int]:
    """Signals per status among those ``user`` sees (``visible_to``), and the failed outbox
    mails, in one cache entry: the key is the set of districts that restricts the user, so
    colleagues with the same districts share it."""
    districts = sorted(
        CoordinatorDistrict.objects.filter(user=user).values_list("district_id", flat=True)
    )

    def build() -> tuple[dict[str, int], int]:
        visible = Signal.objects.visible_to(user)
        counts = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
        return counts, SignalMail.objects.filter(state=SignalMail.State.FAILED).count()

    return catalogue.cached(("queue-counts", tuple(districts)), build, data=DATA)
