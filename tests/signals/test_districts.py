import pytest
from django.urls import reverse

from signals.models import CoordinatorDistrict
from tests.factories import make_area, make_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_districts():
    return make_area(code="WK191601", name="Voorburg-Noord"), make_area(
        code="WK191608", name="Stompwijk"
    )


def test_unrestricted_coordinator_sees_every_district(coordinator_client, two_districts):
    north, stompwijk = two_districts
    a, b = make_signal(district=north), make_signal(district=stompwijk)

    html = coordinator_client.get("/signalen/").content.decode()

    assert a.reference in html
    assert b.reference in html


def test_district_team_sees_only_its_district_and_signals_without_district(
    coordinator_client, coordinator, two_districts
):
    north, stompwijk = two_districts
    CoordinatorDistrict.objects.create(user=coordinator, district=north)
    own = make_signal(district=north)
    other = make_signal(district=stompwijk)
    unplaced = make_signal(district=None)

    html = coordinator_client.get("/signalen/").content.decode()

    assert own.reference in html
    assert unplaced.reference in html
    assert other.reference not in html
    # As for a signal that does not exist: the page does not tell that it is there.
    assert (
        coordinator_client.get(reverse("signals:detail", args=[other.reference])).status_code == 404
    )
    assert (
        coordinator_client.post(reverse("signals:take", args=[other.reference])).status_code == 404
    )


def test_district_team_cannot_cancel_as_duplicate_of_a_signal_of_another_district(
    coordinator_client, coordinator, two_districts
):
    north, stompwijk = two_districts
    CoordinatorDistrict.objects.create(user=coordinator, district=north)
    own = make_signal(district=north)
    foreign = make_signal(district=stompwijk)

    response = coordinator_client.post(
        reverse("signals:cancel", args=[own.reference]),
        {"reason": "duplicate", "duplicate_of": foreign.reference},
    )

    own.refresh_from_db()
    assert response.status_code == 400
    assert "Er is geen melding met dit nummer." in response.content.decode()
    assert (own.status, own.duplicate_of) == ("new", None)
    assert list(own.events.values_list("kind", flat=True)) == ["viewed"]  # the page shown
    assert list(foreign.events.all()) == []


def test_cancel_service_refuses_a_duplicate_the_coordinator_cannot_see(coordinator, two_districts):
    from signals.services.triage import cancel_signal
    from signals.services.workflow import WorkflowError

    north, stompwijk = two_districts
    CoordinatorDistrict.objects.create(user=coordinator, district=north)
    own = make_signal(district=north)
    foreign = make_signal(district=stompwijk)

    with pytest.raises(WorkflowError):
        cancel_signal(signal=own, by=coordinator, reason="duplicate", duplicate_of=foreign)

    own.refresh_from_db()
    assert (own.status, own.duplicate_of) == ("new", None)
    assert list(foreign.events.all()) == []
