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
    assert (
        coordinator_client.get(reverse("signals:detail", args=[other.reference])).status_code == 403
    )
    assert (
        coordinator_client.post(reverse("signals:take", args=[other.reference])).status_code == 403
    )
