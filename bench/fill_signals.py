"""Bulk signals for the benchmark: N signals of last year in every status, with a district,
a target group and a "received" event each. Incremental: only the missing rows are added."""

import random
from datetime import timedelta

from django.utils import timezone

from coalition.models import Area, TargetGroup
from signals.models import Signal, SignalCounter, SignalEvent

BATCH = 5_000


def fill_signals(size: int) -> None:
    year = timezone.localdate().year - 1
    existing = Signal.objects.filter(reference__startswith=f"S-{year}-").count()
    if existing >= size:
        return
    rng = random.Random(existing)
    districts = list(Area.objects.filter(kind=Area.Kind.DISTRICT)) or [None]
    groups = list(TargetGroup.objects.all())
    statuses = list(Signal.Status)
    start = timezone.now() - timedelta(days=365)
    through = Signal.target_groups.through
    for first in range(existing + 1, size + 1, BATCH):
        numbers = range(first, min(first + BATCH, size + 1))
        signals = []
        for n in numbers:
            received = start + timedelta(minutes=n % 500_000)
            status = statuses[n % len(statuses)]
            due = (received + timedelta(days=5)).date()
            uncontacted = None if status in Signal.FINISHED else due  # refresh_action_dates
            signals.append(
                Signal(
                    reference=f"S-{year}-{n:05d}",
                    created_at=received,
                    contact_due=due,
                    open_contact_due=uncontacted,
                    action_on=uncontacted,
                    channel=rng.choice(Signal.Channel.values),
                    reporter_kind=rng.choice(Signal.ReporterKind.values),
                    person_name=f"Bench {n}",
                    age_band=rng.choice(Signal.AgeBand.values),
                    district=rng.choice(districts),
                    postcode=f"{2200 + n % 100} AB",
                    situation="Benchmark: iemand voelt zich eenzaam.",
                    contact_route=Signal.ContactRoute.PHONE,
                    contact_phone=f"070 {n:07d}",
                    consent=True,
                    status=status,
                    closed_at=received + timedelta(days=20) if status in Signal.FINISHED else None,
                )
            )
        created = Signal.objects.bulk_create(signals)
        if groups:
            through.objects.bulk_create(
                [through(signal_id=s.pk, targetgroup_id=rng.choice(groups).pk) for s in created]
            )
        SignalEvent.objects.bulk_create(
            [SignalEvent(signal_id=s.pk, kind="created", at=s.created_at) for s in created]
        )
    SignalCounter.objects.update_or_create(year=year, defaults={"last_number": size})


def stored_web_signals() -> set[str]:
    """The references of signals that came in through the public form."""
    return set(
        Signal.objects.filter(channel=Signal.Channel.WEB, form_token__isnull=False).values_list(
            "reference", flat=True
        )
    )
