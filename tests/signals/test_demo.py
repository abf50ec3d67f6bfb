import io

import pytest

from coalition import demo as coalition_demo
from signals import demo
from signals.models import Signal, SignalEvent
from tests.factories import make_activity

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_has_signals_in_every_status_and_is_safe_twice():
    coalition_demo.seed(io.StringIO())
    make_activity(title="Demo koffieochtend")

    demo.seed(io.StringIO())
    demo.seed(io.StringIO())

    assert Signal.objects.count() == len(demo.PLAN)
    assert set(Signal.objects.values_list("status", flat=True)) == set(Signal.Status.values)
    assert all(s.situation.startswith("(Demo)") for s in Signal.objects.all())
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.REFERRED).exists()
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.FOLLOW_UP).exists()
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.CONTACT_ATTEMPT).exists()
