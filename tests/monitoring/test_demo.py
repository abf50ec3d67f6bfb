from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitoring.models import AreaProfile, DistrictBoundary, Measurement

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_seed_demo_fills_every_target_group_and_is_safe_twice(resident):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    # 5 target groups × 5 indicators × 5 waves in GM1916, GGD Haaglanden and NL01, 3 estimates
    # in 8 districts, 2 waves of the share of carers; a rectangle per district for the map
    assert Measurement.objects.count() == 5 * 5 * 5 * 3 + 8 * 3 + 2
    assert AreaProfile.objects.count() == 8
    assert DistrictBoundary.objects.count() == 8
    assert set(Measurement.objects.values_list("source", flat=True)) == {
        "Demo-cijfers (verzonnen, geen echte GGD-gegevens)"
    }
    html = resident.get(reverse("monitoring:dashboard")).content.decode()
    assert "nog geen meting 2024" not in html
    assert html.count('class="verdict verdict-') == 5
