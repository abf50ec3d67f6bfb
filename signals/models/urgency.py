"""What needs action on a signal, kept on its row so that the queue is served by indexes.

Three dates are stored (``refresh_action_dates`` writes them; the services call it where an
input changes): ``open_contact_due`` is ``contact_due`` while the signal is open and nobody
made contact yet; ``follow_up_on`` is the earliest follow-up of a referral not followed up yet;
``action_on`` is the earliest of the three (first contact, call-back, follow-up) while the
signal is open. A finished signal has neither ``open_contact_due`` nor ``action_on``.

The queue's order ("needs action first") depends on today, so it cannot be one stored key.
It is five ranges instead, each read in the order of an index and stopped after one page
(``ByUrgency``): the urgency classes split by whether a first contact is still due."""

import datetime

from django.db import connections, models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Least, NullIf

from network.socialmap import catalogue

# The named version of the signals' counts (signals/services/counts.py reads it too).
COUNTS_DATA = "signal-counts"
FAR = datetime.date(9999, 12, 31)  # "never", for LEAST (NULL there means NULL on SQLite)


def urgency_classes(today: datetime.date) -> list[tuple[int, Q]]:
    """The urgency class (0 overdue first contact, 1 due today, 2 the rest) of five disjoint
    ranges that together hold every signal; each has an index that reads it in order."""
    due_today = Q(action_on__lte=today) | Q(follow_up_on__lte=today)
    contacted = Q(open_contact_due__isnull=True)
    waiting = Q(open_contact_due__gte=today)
    return [
        (0, Q(open_contact_due__lt=today)),
        (1, contacted & due_today),
        (1, waiting & Q(action_on__lte=today)),
        (2, contacted & ~Q(action_on__lte=today) & ~Q(follow_up_on__lte=today)),
        (2, waiting & ~Q(action_on__lte=today)),
    ]


def urgency(today: datetime.date) -> Case:
    """The urgency class as an expression over the stored dates."""
    return Case(
        When(open_contact_due__lt=today, then=0),
        When(Q(action_on__lte=today) | Q(follow_up_on__lte=today), then=1),
        default=2,
    )


class UrgencyQuerySet(models.QuerySet):
    def refresh_action_dates(self) -> int:
        """Store the dates above from the signal's fields and its referrals (one UPDATE)."""
        referral = self.model._meta.get_field("referrals").related_model
        follow_up = Subquery(
            referral.objects.filter(signal=OuterRef("pk"), followed_up_at__isnull=True)
            .order_by("follow_up_on")
            .values("follow_up_on")[:1],
            output_field=models.DateField(),
        )
        is_open = ~Q(status__in=self.model.FINISHED)
        first = Case(
            When(is_open & Q(first_contact_at__isnull=True), then=F("contact_due")),
            default=None,
            output_field=models.DateField(),
        )
        far = Value(FAR, output_field=models.DateField())
        earliest = NullIf(
            Least(
                Coalesce(first, far),
                Coalesce("call_back_on", far),
                Coalesce(follow_up, far),
                output_field=models.DateField(),
            ),
            far,
        )
        # A bulk update sends no model signal: start the counts' version here (the badges).
        catalogue.changed(data=COUNTS_DATA)
        return self.update(
            open_contact_due=first,
            follow_up_on=follow_up,
            action_on=Case(When(is_open, then=earliest), output_field=models.DateField()),
        )

    def overdue(self, today: datetime.date):
        """Open signals without a first contact whose promised contact date has passed."""
        return self.filter(open_contact_due__lt=today)

    def follow_up_due(self, today: datetime.date):
        """Signals (also closed ones) with a referral whose follow-up is due."""
        return self.filter(follow_up_on__lte=today)

    def needs_action(self, today: datetime.date):
        """Open signals with something to do today or earlier: a first contact due or
        overdue, an agreed call-back, or a referral whose follow-up is due."""
        return self.filter(action_on__lte=today)

    def by_urgency(self, today: datetime.date) -> "ByUrgency":
        """Needs action first: an overdue first contact, then what is due today (first
        contact, call-back, follow-up), then the rest; oldest first within each."""
        return ByUrgency(self, today)


class ByUrgency:
    """A queryset in the urgency order, for a Paginator: a slice reads at most ``stop`` rows
    of each range of ``urgency_classes`` in index order (one query for the ids, as one
    subquery), then sorts only those."""

    ordered = True

    def __init__(self, signals, today: datetime.date):
        self.signals, self.today = signals, today

    def ordered_queryset(self):
        return self.signals.alias(urgency=urgency(self.today)).order_by(
            "urgency", "created_at", "pk"
        )

    def count(self) -> int:
        return self.signals.count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self.ordered_queryset())

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.stop is None or index.step:
            return self.ordered_queryset()[index]
        start, stop = index.start or 0, index.stop
        if stop <= start:
            return []
        connection = connections[self.signals.db]
        parts, params = [], []
        for _class, condition in urgency_classes(self.today):
            branch = self.signals.filter(condition).order_by("created_at", "pk")
            branch = branch.values_list("pk", flat=True)[:stop]
            sql, branch_params = branch.query.get_compiler(connection=connection).as_sql()
            # Django's own SQL of the branch; the values stay parameters.
            parts.append(f"SELECT * FROM ({sql}) AS urgency_{len(parts)}")  # noqa: S608
            params.extend(branch_params)
        ids = RawSQL(" UNION ALL ".join(parts), params)  # noqa: S611 (as above)
        rows = self.signals.model._default_manager.filter(pk__in=ids)
        rows.query.select_related = self.signals.query.select_related
        rows = rows.prefetch_related(*self.signals._prefetch_related_lookups)
        rows = rows.alias(urgency=urgency(self.today)).order_by("urgency", "created_at", "pk")
        return list(rows[start:stop])
