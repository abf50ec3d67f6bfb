import io

import pytest

from coalition import demo as coalition_demo
from network import demo
from network.models import Activity, Organisation

pytestmark = pytest.mark.django_db


def test_demo_seeds_organisations_and_activities_and_is_safe_twice():
    coalition_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert Organisation.objects.count() == 20
    assert Activity.objects.count() == 60
    assert Activity.objects.published().count() == 58
    assert Activity.objects.filter(publication_state="pending").count() == 2
    assert Activity.objects.values("district").distinct().count() == 8
    for lat, lon in Activity.objects.values_list("latitude", "longitude"):
        assert 52.07 <= lat <= 52.10
        assert 4.36 <= lon <= 4.45
    assert Organisation.objects.filter(users__username="partner@example.org").count() == 2
