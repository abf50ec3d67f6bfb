"""The catalogue cache: public social-map pages are built once per catalogue version, and any
change to what they show is visible on the very next request."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from network.models import Activity
from network.socialmap import catalogue, services
from tests.factories import make_activity, make_activity_type, make_area, target_group

pytestmark = pytest.mark.django_db

URL = "/sociale-kaart/"


def titles(client, **query) -> list[str]:
    body = client.get(URL, query).content.decode()
    return re.findall(r'<h2 class="h5"><a href="[^"]+">([^<]+)</a>', body)


def test_a_value_is_built_once_per_catalogue_version():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert catalogue.cached(("x",), build) == 1
    assert catalogue.cached(("x",), build) == 1
    catalogue.changed()
    assert catalogue.cached(("x",), build) == 2
    assert catalogue.cached(("y",), build) == 3


def test_the_shared_database_cache_tells_every_process_about_a_change(settings):
    """Production keeps the catalogue in the database cache (or Redis): a change made by one
    process retires the pages another process keeps in memory."""
    settings.CACHES = {
        **settings.CACHES,
        "catalogue": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coalition_catalogue_cache",
        },
    }
    caches["catalogue"].clear()
    assert catalogue.cached(("page",), lambda: "old") == "old"
    catalogue.forget_local()  # as if another process asked
    assert catalogue.cached(("page",), lambda: "rebuilt") == "old"
    caches["catalogue"].set(catalogue.VERSION_KEY, "set-by-another-process", None)
    assert catalogue.cached(("page",), lambda: "new") == "new"


def test_a_change_commits_a_second_new_version(django_capture_on_commit_callbacks):
    """A page built between the change and its commit shows old data; the commit retires it."""
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.changed()
        during = caches["catalogue"].get(catalogue.VERSION_KEY)
    assert caches["catalogue"].get(catalogue.VERSION_KEY) != during


def test_a_newly_published_activity_is_found_at_once(resident, coordinator):
    make_activity(title="Koffie in de bieb")
    assert titles(resident, q="koffie") == ["Koffie in de bieb"]
    waiting = make_activity(
        title="Koffie op het plein", publication_state=Activity.Publication.PENDING
    )
    assert titles(resident, q="koffie") == ["Koffie in de bieb"]
    services.publish_activity(activity=waiting, by=coordinator)
    assert titles(resident, q="koffie") == ["Koffie in de bieb", "Koffie op het plein"]


def test_edits_types_groups_and_district_names_reach_the_search_at_once(resident):
    activity = make_activity(title="Breiclub", target_groups=[target_group("ouderen")])
    assert titles(resident, doelgroep="ouderen") == ["Breiclub"]
    activity.title = "Brei- en haakclub"
    activity.save()
    assert titles(resident, doelgroep="ouderen") == ["Brei- en haakclub"]
    activity.target_groups.set([target_group("jongeren")])
    assert titles(resident, doelgroep="ouderen") == []
    activity.activity_types.add(make_activity_type("bewegen"))
    assert titles(resident, soort="bewegen") == ["Brei- en haakclub"]
    district = make_area(code="WK191601", name="Oud-Voorburg")
    activity.district = district
    activity.save()
    assert "Oud-Voorburg" in resident.get(URL).content.decode()
    district.name = "Voorburg-Oud"
    district.save()
    assert "Voorburg-Oud" in resident.get(URL).content.decode()


def test_a_repeated_search_costs_at_most_the_version_lookup(
    resident, django_assert_max_num_queries
):
    for n in range(5):
        make_activity(title=f"Wandelgroep {n}")
    first = resident.get(URL, {"q": "wandel"})
    with django_assert_max_num_queries(1):  # the version, from the shared cache in production
        again = resident.get(URL, {"q": "wandel"})
    assert again.content.count(b'class="result"') == first.content.count(b'class="result"') == 5


def test_the_cached_page_carries_no_visitor_token_and_each_visitor_can_use_the_shortlist():
    first_activity = make_activity(title="Koffie in de bieb")
    anna, bram = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    def token(client) -> str:
        body = client.get(URL).content.decode()
        form = re.search(r'<form id="shortlist-form".*?</form>', body, re.S)[0]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]

    token_anna, token_bram = token(anna), token(bram)  # Bram's page comes from the cache
    assert caches["catalogue"].get(catalogue.VERSION_KEY)
    added = bram.post(
        f"/sociale-kaart/mijn-lijstje/{first_activity.pk}/",
        {"csrfmiddlewaretoken": token_bram, "next": URL},
    )
    assert added.status_code == 302
    assert (
        "“Koffie in de bieb” staat op mijn lijstje · eraf halen" in bram.get(URL).content.decode()
    )
    anna_page = anna.get(URL).content.decode()
    assert "“Koffie in de bieb” op mijn lijstje zetten" in anna_page
    assert (
        anna.post(
            f"/sociale-kaart/mijn-lijstje/{first_activity.pk}/",
            {"csrfmiddlewaretoken": token_anna, "next": URL},
        ).status_code
        == 302
    )


def test_the_hsds_list_shows_a_publication_at_once(resident, coordinator):
    make_activity(title="Eerste")
    assert resident.get("/api/hsds/services").json()["total_items"] == 1
    waiting = make_activity(title="Tweede", publication_state=Activity.Publication.PENDING)
    services.publish_activity(activity=waiting, by=coordinator)
    assert resident.get("/api/hsds/services").json()["total_items"] == 2
