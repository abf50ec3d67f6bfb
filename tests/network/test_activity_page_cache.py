"""The activity page's article is built once per catalogue version: an edit shows at once, an
unpublished activity is gone at once, and a hit costs one small lookup (no CSRF token or
shortlist state is ever cached)."""

import pytest

from tests.factories import make_activity

pytestmark = pytest.mark.django_db


def test_an_edit_shows_at_once(resident):
    activity = make_activity(title="Koffieochtend De Plataan")
    assert "Koffieochtend De Plataan" in resident.get(activity.get_absolute_url()).content.decode()

    activity.title = "Koffieochtend De Linde"
    activity.save()

    body = resident.get(activity.get_absolute_url()).content.decode()
    assert "Koffieochtend De Linde" in body
    assert "De Plataan" not in body


def test_an_unpublished_activity_is_gone_at_once(resident):
    activity = make_activity()
    assert resident.get(activity.get_absolute_url()).status_code == 200

    activity.publication_state = "pending"
    activity.save()

    assert resident.get(activity.get_absolute_url()).status_code == 404


def test_a_hit_costs_one_small_lookup(resident, django_assert_max_num_queries):
    activity = make_activity(title="Taalcafé")
    resident.get(activity.get_absolute_url())

    with django_assert_max_num_queries(1):  # the catalogue version (database cache)
        response = resident.get(activity.get_absolute_url())

    body = response.content.decode()
    assert "Taalcafé" in body
    assert 'name="csrfmiddlewaretoken"' in body
