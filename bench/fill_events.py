"""Public events for the benchmark: N/100 coming events and N/10 registrations, half of them
for one event (the fullest registration list, with a waiting list)."""

import datetime


def fill_events(size: int) -> None:
    from django.utils import timezone

    from network.models import EventRegistration, PublicEvent

    want = max(1, size // 100) - PublicEvent.objects.filter(title__startswith="Bench").count()
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    PublicEvent.objects.bulk_create(
        PublicEvent(
            title=f"Benchbijeenkomst {n}",
            summary="Ontmoeten in de wijk.",
            starts_at=start + datetime.timedelta(days=1 + n % 300, hours=n % 8),
            ends_at=start + datetime.timedelta(days=1 + n % 300, hours=2 + n % 8),
            venue_name="Wijkcentrum",
            capacity=size // 20,
            publication_state=PublicEvent.Publication.PUBLISHED,
        )
        for n in range(max(want, 0))
    )
    events = list(PublicEvent.objects.filter(title__startswith="Bench").order_by("pk"))
    want = size // 10 - EventRegistration.objects.filter(event__in=events).count()
    rows = []
    for n in range(max(want, 0)):
        event = events[0] if n % 2 else events[n % len(events)]
        email = f"bench{n}.{size}@example.org"
        rows.append(
            EventRegistration(
                event=event, name=f"Bewoner {n}", email=email, contact_key=email, people=1
            )
        )
    EventRegistration.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
