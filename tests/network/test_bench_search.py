"""The bench's cold search (bench/pages.py) measures searches that find activities, and counts
its queries on addresses the load never asks."""

import itertools

import pytest

from bench.fill_socialmap import fill_socialmap
from bench.pages import SEARCH_FILTERS, SEARCH_PAIRS, SEARCH_WORDS, counted_searches, search_paths
from network.models import Activity

pytestmark = pytest.mark.django_db


def test_every_word_of_the_cold_search_finds_filled_activities():
    fill_socialmap(1000)
    published = Activity.objects.published()

    assert [w for w in SEARCH_WORDS if not published.search(w).exists()] == []
    found = sum(published.search(pair).exists() for pair in SEARCH_PAIRS)
    assert found / len(SEARCH_PAIRS) > 0.9


def test_the_counted_cold_searches_are_new_addresses_with_results(resident):
    fill_socialmap(1000)
    asked = len(SEARCH_WORDS + SEARCH_PAIRS) * len(SEARCH_FILTERS) * 2
    load = set(itertools.islice(search_paths(), asked))

    counted = list(counted_searches())

    assert len(set(counted)) == 2
    assert not set(counted) & load
    for path in counted:
        html = resident.get(path).content.decode()
        assert html.count('href="/sociale-kaart/activiteit/') >= 5
