import io

import pytest

from coalition import demo as coalition_demo
from network import demo
from network.models import Activity, Organisation
from tests.conftest import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # seeds the whole demo once (2 s)


@pytest.fixture(scope="module", autouse=True)
def seeded_twice(django_db_setup, django_db_blocker):
    """The demo data, seeded twice (the second time must change nothing); made once for the
    module, whose tests only read it."""
    with built_once(django_db_blocker):
        coalition_demo.seed(io.StringIO())
        demo.seed(io.StringIO())
        demo.seed(io.StringIO())
        yield


def test_demo_seeds_organisations_and_activities_and_is_safe_twice():
    assert Organisation.objects.count() == 20
    assert Activity.objects.count() == 60
    assert Activity.objects.published().count() == 58
    assert Activity.objects.filter(publication_state="pending").count() == 2
    assert Activity.objects.values("district").distinct().count() == 8
    for lat, lon in Activity.objects.values_list("latitude", "longitude"):
        assert 52.07 <= lat <= 52.10
        assert 4.36 <= lon <= 4.45
    assert Organisation.objects.filter(users__username="partner@example.org").count() == 2


def test_demo_seeds_the_partner_network_and_is_safe_twice():
    from network.models import Action, Meeting, Membership, Person, Registration, Training

    assert Membership.objects.count() == 16
    assert Person.objects.ambassadors().count() == 30
    assert Action.objects.count() == 15
    assert set(Action.objects.values_list("status", flat=True)) == {
        "gepland",
        "loopt",
        "afgerond",
        "gestopt",
    }
    assert Meeting.objects.count() == 4
    assert Registration.objects.filter(attended=True).exists()
    assert Training.objects.count() == 2
    assert Training.objects.filter(trainer_person__isnull=False).count() == 1


def test_demo_publishes_awareness_items():
    from network.models import Article

    assert Article.objects.published().count() == 5


def test_demo_seeds_an_ambassadors_community_some_active_and_is_safe_twice():
    from django.utils import timezone

    from network.models import Contribution, Person
    from network.models.ambassadors import active_since

    active = Person.objects.active_ambassadors(active_since(timezone.localdate()))

    assert Contribution.objects.count() == 48
    assert active.count() == 18
    assert Person.objects.ambassadors().exclude(target_group=None).count() == 30


def test_demo_seeds_a_running_campaign_with_events_and_registrations():
    from datetime import date

    from network.models import Campaign, EventRegistration, PublicEvent

    running = Campaign.objects.running(date.today()).get(slug__startswith="voel-je-thuis")
    assert running.title == f"Voel je thuis {date.today().year}"
    assert running.events.count() == 5
    assert running.articles.count() == 2
    assert PublicEvent.objects.filter(publication_state="pending").count() == 1
    assert EventRegistration.objects.count() == 10 + 3 * 6
    assert EventRegistration.objects.filter(status="waiting").count() == 2
    assert EventRegistration.objects.filter(attended=True).exists()
