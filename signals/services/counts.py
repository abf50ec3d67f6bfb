"""The queue's counts (signals per status, failed mails), built once per *signals version*
instead of counting 100,000 rows on every request. Any save or delete of a signal or an
outbox mail starts a new version (the model signals are connected in ``signals.apps``, the
one house rule the catalogue cache leaves, for the same reason: only those hooks see every
write), so a count is never older than the database; a hit costs the lookup of the
coordinator's districts and of the version."""

from network.socialmap import catalogue
from signals.models import CoordinatorDistrict, Signal, SignalMail

DATA = "signal-counts"


def counts_changed(**kwargs) -> None:
    catalogue.changed(data=DATA)


def queue_counts(user) -> tuple[dict[str, int], int]:
    """Signals per status among those ``user`` sees (``visible_to``), and the failed outbox
    mails, in one cache entry: the key is the set of districts that restricts the user, so
    colleagues with the same districts share it."""
    from django.db.models import Count

    districts = sorted(
        CoordinatorDistrict.objects.filter(user=user).values_list("district_id", flat=True)
    )

    def build() -> tuple[dict[str, int], int]:
        visible = Signal.objects.visible_to(user)
        counts = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
        return counts, SignalMail.objects.filter(state=SignalMail.State.FAILED).count()

    return catalogue.cached(("queue-counts", tuple(districts)), build, data=DATA)
