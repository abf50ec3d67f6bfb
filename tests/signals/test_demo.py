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

    assert Signal.objects.exclude(form_token__startswith="demo-referral-").count() == len(demo.PLAN)
    assert set(Signal.objects.values_list("status", flat=True)) == set(Signal.Status.values)
    assert all(s.situation.startswith("(Demo)") for s in Signal.objects.all())
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.REFERRED).exists()
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.FOLLOW_UP).exists()
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.CONTACT_ATTEMPT).exists()


@pytest.mark.slow
def test_demo_has_referrals_in_every_handshake_state_and_is_safe_twice():
    from django.contrib.auth.models import User

    from signals import demo_handshake
    from signals.models import Referral
    from tests.factories import make_organisation

    coalition_demo.seed(io.StringIO())
    partner = User.objects.get(username="partner@example.org")
    make_activity(title="Demo zingen", organisation=make_organisation(users=[partner]))

    demo.seed(io.StringIO())
    demo.seed(io.StringIO())

    handshake = Referral.objects.filter(signal__form_token__startswith="demo-referral-")
    assert handshake.count() == len(demo_handshake.STATES)
    assert set(handshake.values_list("state", flat=True)) == set(Referral.State.values)
    assert set(handshake.exclude(participation="").values_list("participation", flat=True)) == {
        "came",
        "regular",
        "stopped",
    }
    assert handshake.filter(first_contact_on__isnull=False, participation="").exists()
    assert handshake.filter(reminded_at__isnull=False, escalated_at__isnull=True).exists()
    assert handshake.filter(escalated_at__isnull=False).exists()
