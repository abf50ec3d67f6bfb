from datetime import time

import pytest
from django.urls import reverse

from network.models import Activity
from tests.factories import make_activity, make_activity_type, make_area, target_group

pytestmark = pytest.mark.django_db

URL = "/sociale-kaart/"


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"]]


def test_search_url_is_the_fixed_public_address():
    assert reverse("network:search") == URL


def test_search_shows_only_published_activities(resident):
    make_activity(title="Wandelclub Voorburg")
    make_activity(title="Nog niet goedgekeurd", publication_state=Activity.Publication.PENDING)
    make_activity(title="Afgekeurd", publication_state=Activity.Publication.REJECTED)
    make_activity(title="Gestopt", status=Activity.Status.ENDED)
    response = resident.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Wandelclub Voorburg"]
    assert "1 activiteit gevonden" in response.content.decode()


def test_text_search_ranks_name_above_description(resident):
    make_activity(title="Koffie in de bieb", description="Ook een wandeling na afloop.")
    make_activity(title="Wandelgroep Stompwijk", description="Samen lopen.")
    make_activity(title="Breiclub", description="Handwerken.")
    response = resident.get(URL, {"q": "wandel"})
    assert titles(response)[0] == "Wandelgroep Stompwijk"
    assert "Breiclub" not in titles(response)


@pytest.mark.parametrize(
    "text", ["", "'", '"; DROP TABLE', "a" * 5000, "ü & | ! ( :*", "%_\\", "\x00nul", "<script>"]
)
def test_search_input_of_any_kind_never_errors(resident, text):
    make_activity(title="Koffieochtend")
    response = resident.get(URL, {"q": text})
    assert response.status_code == 200


def test_filters_combine(resident):
    walking = make_activity_type("bewegen")
    district = make_area(code="WK191605", name="Leidschendam-Zuid")
    older = target_group("ouderen")
    make_activity(
        title="Wandelen voor ouderen",
        activity_types=[walking],
        target_groups=[older],
        district=district,
        weekdays="TU,TH",
        start_time=time(10),
    )
    make_activity(title="Wandelen op zaterdag", activity_types=[walking], weekdays="SA")
    make_activity(title="Koffie voor ouderen", target_groups=[older], weekdays="TU")
    response = resident.get(
        URL,
        {
            "doelgroep": "ouderen",
            "soort": "bewegen",
            "wijk": "WK191605",
            "dag": "TH",
            "dagdeel": "morning",
        },
    )
    assert titles(response) == ["Wandelen voor ouderen"]


def test_free_accessible_and_online_filters(resident):
    make_activity(title="Gratis en toegankelijk", step_free=True, accessible_toilet=True)
    make_activity(title="Betaald", is_free=False, price=5, step_free=True, accessible_toilet=True)
    make_activity(title="Online taalcafé", is_online=True, online_url="https://example.org/")
    assert titles(resident.get(URL, {"gratis": "on", "toegankelijk": "on"})) == [
        "Gratis en toegankelijk"
    ]
    assert titles(resident.get(URL, {"online": "on"})) == ["Online taalcafé"]


def test_part_of_day_evening(resident):
    make_activity(title="Avondwandeling", start_time=time(19), end_time=time(20))
    make_activity(title="Ochtendkoffie", start_time=time(9), end_time=time(10))
    assert titles(resident.get(URL, {"dagdeel": "evening"})) == ["Avondwandeling"]


def test_sort_by_name_and_next_date(resident):
    make_activity(title="Bingo", weekdays="SU")
    make_activity(title="Aquarel", schedule_kind="none", weekdays="")
    make_activity(title="Cursus", weekdays="MO,TU,WE,TH,FR,SA,SU")
    assert titles(resident.get(URL, {"sorteer": "name"})) == ["Aquarel", "Bingo", "Cursus"]
    by_date = titles(resident.get(URL, {"sorteer": "date"}))
    assert by_date[0] == "Cursus"
    assert by_date[-1] == "Aquarel"  # no dates: last


def test_near_me_sorts_by_distance(resident):
    make_activity(title="Ver weg", latitude="52.0500", longitude="4.4500")
    make_activity(title="Dichtbij", latitude="52.0801", longitude="4.3901")
    make_activity(title="Zonder plek")
    response = resident.get(URL, {"lat": "52.08", "lon": "4.39"})
    assert titles(response) == ["Dichtbij", "Ver weg", "Zonder plek"]


def test_unknown_filter_value_is_ignored_not_an_error(resident):
    make_activity(title="Koffieochtend")
    response = resident.get(URL, {"doelgroep": "bestaat-niet", "dag": "XX", "lat": "abc"})
    assert response.status_code == 200
    assert titles(response) == ["Koffieochtend"]


def test_pagination_keeps_the_filters(resident):
    for n in range(25):
        make_activity(title=f"Activiteit {n:02d}")
    response = resident.get(URL, {"gratis": "on"})
    assert len(titles(response)) == 20
    assert "?gratis=on&amp;page=2" in response.content.decode()
    assert len(titles(resident.get(URL, {"gratis": "on", "page": 2}))) == 5


def test_links_of_page_two_keep_the_filters_but_not_the_page(resident):
    for n in range(25):
        make_activity(title=f"Activiteit {n:02d}")

    html = resident.get(URL, {"gratis": "on", "page": 2}).content.decode()

    assert 'href="?gratis=on&amp;page=1"' in html
    assert 'href="?gratis=on&amp;weergave=kaart">Toon op de kaart</a>' in html
    assert 'href="/sociale-kaart/export.csv?gratis=on">Downloaden als CSV</a>' in html
    assert 'href="/sociale-kaart/agenda.ics?gratis=on">In mijn agenda zetten (iCal)</a>' in html


def test_map_view_links_back_to_the_list_with_the_same_filters(resident):
    make_activity(title="Met plek", latitude="52.08", longitude="4.39")

    html = resident.get(URL, {"gratis": "on", "weergave": "kaart"}).content.decode()

    assert 'href="?gratis=on">Toon als lijst</a>' in html


def test_map_view_gives_markers_of_all_results(resident):
    make_activity(title="Met plek", latitude="52.08", longitude="4.39")
    make_activity(title="Zonder plek")
    response = resident.get(URL, {"weergave": "kaart"})
    assert response.context["points"] == [
        {
            "id": response.context["page"][0].pk,
            "title": "Met plek",
            "label": "Met plek",
            "lat": 52.08,
            "lon": 4.39,
        }
    ]
    body = response.content.decode()
    assert 'id="results-map"' in body
    assert "/static/vendor/leaflet/leaflet.js" in body
    assert 'data-tiles="/kaart/tegels/{z}/{x}/{y}.png"' in body


@pytest.mark.parametrize("sort", ["relevance", "name", "date"])
def test_search_page_uses_a_fixed_number_of_queries(resident, django_assert_max_num_queries, sort):
    group = target_group("ouderen")
    make_activity(target_groups=[group])
    with django_assert_max_num_queries(8) as few:
        resident.get(URL, {"q": "koffie", "sorteer": sort})
    baseline = len(few.captured_queries)
    for _ in range(29):
        make_activity(target_groups=[group])
    with django_assert_max_num_queries(baseline):
        response = resident.get(URL, {"q": "koffie", "sorteer": sort})
    assert len(titles(response)) == 20


def test_closest_to_a_chosen_district(resident):
    north = make_area(code="WK191606", name="Leidschendam-Noord")
    make_activity(title="In het noorden", district=north, latitude="52.0950", longitude="4.4300")
    make_activity(title="In het zuiden", latitude="52.0700", longitude="4.3700")
    make_activity(title="Vlak bij noord", latitude="52.0940", longitude="4.4280")
    response = resident.get(URL, {"dichtbij": "WK191606"})
    assert titles(response) == ["In het noorden", "Vlak bij noord", "In het zuiden"]
