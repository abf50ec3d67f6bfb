from bench.fill_events import fill_events
from bench.pages import PAGES
from network.models import EventRegistration, PublicEvent


def test_bench_fill_events_is_incremental_and_its_pages_answer(resident):
    fill_events(1000)
    fill_events(1000)
    first = PublicEvent.objects.order_by("pk").first()
    ids = {"event": first.pk, "month": "2026-12"}

    assert PublicEvent.objects.count() == 10
    assert EventRegistration.objects.count() == 100
    assert first.registrations.count() >= 50
    for name in ("agenda", "event page", "event registration form"):
        assert resident.get(PAGES[name].path.format(**ids)).status_code == 200
