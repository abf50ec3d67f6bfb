import pytest

from bench.fill_signals import fill_signals
from signals import services
from signals.models import Signal

pytestmark = pytest.mark.django_db


def test_bench_fill_is_incremental_and_keeps_references_unique():
    fill_signals(30)
    fill_signals(50)

    assert Signal.objects.count() == 50
    assert Signal.objects.values("reference").distinct().count() == 50
    year = int(Signal.objects.first().reference[2:6])
    assert services.next_reference(year=year) == f"S-{year}-00051"
