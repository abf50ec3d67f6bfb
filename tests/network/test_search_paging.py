"""A page of search results and the number of matches come from one query (a window count),
not a count and then the page: each of them ranks every match. Paging behaves as Django's
paginator: past the end shows the last page, a page number that is not one the first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_activity

pytestmark = pytest.mark.django_db

URL = "/sociale-kaart/"


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["page"].object_list]


@pytest.fixture
def walks():
    return [make_activity(title=f"Wandelgroep {n:02d}") for n in range(25)]


@pytest.mark.parametrize("sort", ["relevance", "name"])
def test_the_page_and_its_count_in_one_query(resident, walks, sort):
    with CaptureQueriesContext(connection) as queries:
        response = resident.get(URL, {"q": "wandel", "sorteer": sort, "page": "2"})

    assert response.context["page"].paginator.count == 25
    assert titles(response) == [f"Wandelgroep {n:02d}" for n in range(20, 25)]
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(")]
    assert counts == []
    assert "25 activiteiten gevonden" in response.content.decode()


def test_past_the_end_shows_the_last_page(resident, walks):
    response = resident.get(URL, {"q": "wandel", "sorteer": "name", "page": "9"})

    assert response.context["page"].number == 2
    assert titles(response) == [f"Wandelgroep {n:02d}" for n in range(20, 25)]


@pytest.mark.parametrize("page", ["9" * 30, str(2**63), str(2**63 // 20)])
def test_a_page_far_past_any_database_integer_is_the_last(resident, walks, page):
    response = resident.get(URL, {"q": "wandel", "sorteer": "name", "page": page})

    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert titles(response) == [f"Wandelgroep {n:02d}" for n in range(20, 25)]


def test_a_page_that_is_not_a_number_is_the_first(resident, walks):
    response = resident.get(URL, {"q": "wandel", "sorteer": "name", "page": "twee"})

    assert response.context["page"].number == 1
    assert titles(response)[:2] == ["Wandelgroep 00", "Wandelgroep 01"]


def test_no_match_is_an_empty_first_page(resident, walks):
    response = resident.get(URL, {"q": "zwemmen", "page": "3"})

    assert response.context["page"].number == 1
    assert titles(response) == []
