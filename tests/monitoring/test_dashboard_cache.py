"""The dashboard's body is built once per figures version: new figures show at once, a hit
costs a few small lookups, and the links only some roles may see are part of the key."""

import pytest
from django.urls import reverse

from monitoring.models import Measurement
from tests.monitoring.test_dashboard import make_series, text

pytestmark = pytest.mark.django_db


def test_new_figures_show_at_once(resident):
    make_series({2020: 40, 2024: 44})
    assert "44,0 %" in text(resident.get(reverse("monitoring:dashboard")))

    measurement = Measurement.objects.get(year=2024)
    measurement.value = 48
    measurement.save()

    html = text(resident.get(reverse("monitoring:dashboard")))
    assert "48,0 %" in html


def test_a_hit_costs_one_small_lookup(resident, django_assert_max_num_queries):
    make_series({2020: 40, 2024: 44})
    resident.get(reverse("monitoring:dashboard"))

    with django_assert_max_num_queries(1):  # the figures version, in the database cache
        response = resident.get(reverse("monitoring:dashboard"))

    assert "44,0 %" in text(response)


def test_the_import_link_is_not_cached_for_residents(resident, coordinator_client):
    make_series({2020: 40, 2024: 44})
    upload = reverse("monitoring:upload")

    assert upload in text(coordinator_client.get(reverse("monitoring:dashboard")))
    assert upload not in text(resident.get(reverse("monitoring:dashboard")))
