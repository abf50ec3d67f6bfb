import pytest

from bench.fill_signals import fill_signals
from signals.models import Signal
from signals.services import intake

pytestmark = pytest.mark.django_db


def test_bench_fill_is_incremental_and_keeps_references_unique():
    fill_signals(30)
    fill_signals(50)

    assert Signal.objects.count() == 50
    assert Signal.objects.values("reference").distinct().count() == 50
    year = int(Signal.objects.first().reference[2:6])
    assert intake.next_reference(year=year) == f"S-{year}-00051"
