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


def test_bench_samples_the_same_filled_signal_at_every_size_not_one_the_form_stored(resident):
    from bench.fill import sample_ids
    from bench.fill_events import fill_events
    from bench.fill_socialmap import fill_socialmap
    from tests.signals.helpers import post_report

    fill_socialmap(100)
    fill_events(100)
    fill_signals(30)
    first = sample_ids()["signal"]
    post_report(resident)  # the newest signal now came from the public form
    fill_signals(50)

    sample = Signal.objects.get(reference=sample_ids()["signal"])
    assert sample.reference == first
    assert sample.form_token is None
    assert sample.channel in ("phone", "desk")
