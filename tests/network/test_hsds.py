"""The HSDS 3.0 API as Open Referral publishes it: the records validate against the official
schemas (strictly: no property the spec does not define), and the parameters of openapi.json
do what it says. The schemas are Open Referral's, unchanged, in tests/standards/hsds-3.0
(CC BY-SA 4.0, its LICENSE beside them), so the check runs on every clean clone."""

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from network.models import Activity
from network.socialmap import hsds
from tests.factories import (
    make_activity,
    make_activity_type,
    make_organisation,
    target_group,
)
from tests.network.test_opendata import full_activity

pytestmark = pytest.mark.django_db


def test_api_root_gives_version(resident):
    response = resident.get("/api/hsds/")
    assert response.json()["version"] == "3.0"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_service_is_fully_nested_hsds(resident):
    activity = full_activity()
    data = resident.get(f"/api/hsds/services/{activity.uuid}").json()
    assert data["id"] == str(activity.uuid)
    assert data["name"] == "Wandelen, kletsen; koffie"
    assert data["status"] == "active"
    assert data["organization"]["name"] == "Welzijn Voorburg"
    assert data["organization_id"] == str(activity.organisation.uuid)
    location = data["service_at_locations"][0]["location"]
    assert location["location_type"] == "physical"
    assert location["latitude"] == 52.07
    address = location["addresses"][0]
    assert address["postal_code"] == "2271 AB"
    assert address["country"] == "NL"
    assert address["state_province"] == "Zuid-Holland"
    assert location["accessibility"][0]["description"] == "drempelvrije ingang"
    schedule = data["schedules"][0]
    assert schedule["freq"] == "WEEKLY"
    assert schedule["interval"] == 2
    assert schedule["byday"] == "TU,TH"
    assert schedule["opens_at"] in ("10:00:00+01:00", "10:00:00+02:00")
    assert schedule["valid_to"] == "2027-06-30"
    assert data["cost_options"][0] == {
        "id": data["cost_options"][0]["id"],
        "service_id": str(activity.uuid),
        "amount": 2.5,
        "currency": "EUR",
    }
    assert data["contacts"][0]["phones"][0]["number"] == "070 123 45 67"
    assert [lang["code"] for lang in data["languages"]] == ["nl", "tr"]
    names = {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert names == {"Bewegen", "Ouderen"}
    assert data["service_areas"][0]["name"] == "Voorburg-West"
    assert data["assured_date"] == "2026-09-01"


def test_monthly_schedule_uses_nth_weekday(resident):
    activity = make_activity(schedule_kind="monthly", weekdays="SA", month_week=1)
    data = resident.get(f"/api/hsds/services/{activity.uuid}").json()
    assert data["schedules"][0]["freq"] == "MONTHLY"
    assert data["schedules"][0]["byday"] == "1SA"


def test_unpublished_service_is_not_in_the_api(resident):
    activity = make_activity(publication_state="pending")
    assert resident.get(f"/api/hsds/services/{activity.uuid}").status_code == 404
    assert resident.get("/api/hsds/services/not-a-uuid").status_code == 404
    assert resident.get("/api/hsds/services").json()["total_items"] == 0


def test_services_list_is_paginated_and_filtered(resident):
    walking = make_activity_type("bewegen")
    org = make_organisation()
    for n in range(5):
        make_activity(title=f"Wandeling {n}", activity_types=[walking], organisation=org)
    make_activity(title="Koffie")
    data = resident.get("/api/hsds/services", {"per_page": 2, "page": 2}).json()
    assert data["total_items"] == 6
    assert data["total_pages"] == 3
    assert data["page_number"] == 2
    assert len(data["contents"]) == 2
    by_term = resident.get("/api/hsds/services", {"taxonomy_term_id": str(walking.uuid)}).json()
    assert by_term["total_items"] == 5
    by_org = resident.get("/api/hsds/services", {"organization_id": str(org.uuid)}).json()
    assert by_org["total_items"] == 5
    found = resident.get("/api/hsds/services", {"search": "wandeling"}).json()
    assert found["total_items"] == 5


def test_target_group_term_filters_services(resident):
    older = target_group("ouderen")
    make_activity(title="Voor ouderen", target_groups=[older])
    make_activity(title="Voor iedereen")
    term = hsds.target_group_id(older)
    data = resident.get("/api/hsds/services", {"taxonomy_term_id": term}).json()
    assert [s["name"] for s in data["contents"]] == ["Voor ouderen"]


def test_modified_after(resident):
    make_activity(title="Nieuw")
    later = resident.get("/api/hsds/services", {"modified_after": "2999-01-01"}).json()
    assert later["total_items"] == 0
    earlier = resident.get("/api/hsds/services", {"modified_after": "2000-01-01T00:00:00"})
    assert earlier.json()["total_items"] == 1
    bad = resident.get("/api/hsds/services", {"modified_after": "gisteren"})
    assert bad.status_code == 400


def test_organizations_taxonomies_and_terms(resident):
    activity = make_activity()
    orgs = resident.get("/api/hsds/organizations").json()
    assert orgs["contents"][0]["id"] == str(activity.organisation.uuid)
    one = resident.get(f"/api/hsds/organizations/{activity.organisation.uuid}").json()
    assert [s["id"] for s in one["services"]] == [str(activity.uuid)]
    taxonomies = resident.get("/api/hsds/taxonomies").json()["contents"]
    assert {t["name"] for t in taxonomies} == {"Activiteitsoort", "Doelgroep", "Toegang"}
    terms = resident.get("/api/hsds/taxonomy_terms").json()["contents"]
    assert {"Ontmoeting", "Ouderen"} <= {t["name"] for t in terms}


def test_one_taxonomy_and_one_term_by_id(resident):
    make_activity()
    taxonomies = resident.get("/api/hsds/taxonomies").json()["contents"]
    for taxonomy in taxonomies:
        assert resident.get(f"/api/hsds/taxonomies/{taxonomy['id']}").json() == taxonomy
    terms = resident.get("/api/hsds/taxonomy_terms").json()["contents"]
    for term in terms:
        one = resident.get(f"/api/hsds/taxonomy_terms/{term['id']}")
        assert one["Access-Control-Allow-Origin"] == "*"
        assert one.json() == term
    for path in ("/api/hsds/taxonomies/", "/api/hsds/taxonomy_terms/"):
        missing = resident.get(path + "00000000-0000-0000-0000-000000000000")
        assert missing.status_code == 404
        assert missing.json() == {"error": "Niet gevonden."}


def test_api_list_uses_a_fixed_number_of_queries(resident, django_assert_max_num_queries):
    full_activity()
    with django_assert_max_num_queries(8) as few:
        resident.get("/api/hsds/services")
    baseline = len(few.captured_queries)
    for _ in range(29):
        full_activity()
    with django_assert_max_num_queries(baseline):
        data = resident.get("/api/hsds/services").json()
    assert len(data["contents"]) == 20


# -- the official schemas ------------------------------------------------------------------

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def schema_folder() -> Path:
    """The official HSDS 3.0 schemas (Open Referral, CC BY-SA 4.0), kept with the tests in
    tests/standards/hsds-3.0 as published; HSDS_SCHEMAS may point at another copy."""
    if os.environ.get("HSDS_SCHEMAS"):
        return Path(os.environ["HSDS_SCHEMAS"])
    return Path(__file__).resolve().parents[1] / "standards" / "hsds-3.0"


def strict(node):
    """``additionalProperties: false`` wherever a schema lists properties, as the spec's CI."""
    if isinstance(node, dict):
        node = {key: strict(value) for key, value in node.items()}
        if node.get("type") == "object" and "properties" in node:
            node.setdefault("additionalProperties", False)
        return node
    if isinstance(node, list):
        return [strict(item) for item in node]
    return node


@pytest.fixture(scope="module")
def violations():
    """violations(record, "compiled/service.json") -> the schema's complaints, [] if none."""
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT202012

    folder = schema_folder()
    registry = referencing.Registry().with_resources(
        (REMOTE + path.relative_to(folder).as_posix(), DRAFT202012.create_resource(strict(doc)))
        for path in folder.rglob("*.json")
        if path.name != "openapi.json"
        for doc in [json.loads(path.read_text())]
    )

    def check(record, schema: str) -> list[str]:
        validator = jsonschema.Draft202012Validator(
            {"$ref": REMOTE + schema}, registry=registry, format_checker=jsonschema.FormatChecker()
        )
        errors = validator.iter_errors(record)
        return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)

    return check


def sparse_activity(**overrides):
    """An activity with every optional field empty."""
    overrides.setdefault("organisation", make_organisation(description="", website=""))
    return make_activity(
        schedule_kind="none",
        weekdays="",
        start_time=None,
        end_time=None,
        last_verified_on=None,
        is_free=False,
        price=None,
        **overrides,
    )


def api(client, path, **params):
    response = client.get("/api/hsds/" + path, params)
    assert response.status_code == 200, response.content
    return response.json()


def every_record(client) -> dict[str, tuple[object, str]]:
    """Each endpoint's answer with the schema openapi.json gives it (one record, or a list's)."""
    answers = {}
    for path, schema in [
        ("services", "compiled/service_list.json"),
        ("service_at_locations", "compiled/service_at_location_list.json"),
        ("organizations", "compiled/organization_list.json"),
        ("taxonomies", "taxonomy.json"),
        ("taxonomy_terms", "taxonomy_term.json"),
    ]:
        for n, record in enumerate(api(client, path, per_page=100)["contents"]):
            answers[f"{path}[{n}]"] = record, schema
    for n, record in enumerate(api(client, "service_at_locations", full="true")["contents"]):
        answers[f"service_at_locations?full[{n}]"] = record, "compiled/service_at_location.json"
    for n, service in enumerate(api(client, "services")["contents"]):
        answers[f"services/{n}"] = api(client, "services/" + service["id"]), "compiled/service.json"
    for n, sal in enumerate(api(client, "service_at_locations")["contents"]):
        answers[f"service_at_locations/{n}"] = (
            api(client, "service_at_locations/" + sal["id"]),
            "compiled/service.json",
        )
    for n, org in enumerate(api(client, "organizations")["contents"]):
        for full in ("false", "true"):
            record = api(client, "organizations/" + org["id"], full_service=full)
            answers[f"organizations/{n}?full_service={full}"] = record, "compiled/organization.json"
    for n, term in enumerate(api(client, "taxonomy_terms")["contents"]):
        answers[f"taxonomy_terms/{n}"] = (
            api(client, "taxonomy_terms/" + term["id"]),
            ("taxonomy_term.json"),
        )
    return answers


def nulls(value, path=""):
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in nulls(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [p for n, item in enumerate(value) for p in nulls(item, f"{path}/{n}")]
    return []


def test_no_record_holds_null_for_empty_optional_fields(resident):
    sparse_activity(title="Leeg")
    make_activity(title="Wekelijks zonder einddatum")

    found = {label: nulls(record) for label, (record, _) in every_record(resident).items()}

    assert {label: paths for label, paths in found.items() if paths} == {}
    assert len(found) > 10


def test_every_record_validates_strictly_against_the_official_schemas(resident, violations):
    full_activity(referral_needed=True, email="info@w.example.org", how_to_join="Bel even.")
    sparse_activity(title="Leeg")
    make_activity(title="Online", street="", is_online=True, online_url="https://meet.example.org")
    make_activity(schedule_kind="monthly", weekdays="SA", month_week=1)
    make_activity(schedule_kind="dates", weekdays="", dates=["2026-12-01", "2027-01-05"])

    found = {
        label: violations(record, schema)
        for label, (record, schema) in every_record(resident).items()
    }

    assert {label: errors for label, errors in found.items() if errors} == {}
    assert len(found) > 30


def test_referral_needed_is_a_term_of_the_access_taxonomy_not_an_extension(resident):
    activity = full_activity(referral_needed=True)

    data = api(resident, f"services/{activity.uuid}")
    found = api(resident, "services", taxonomy_term_id=str(hsds.REFERRAL_TERM))

    [referral] = [a for a in data["attributes"] if a["taxonomy_term_id"] == str(hsds.REFERRAL_TERM)]
    assert referral["taxonomy_term"]["name"] == "Verwijzing nodig"
    assert referral["taxonomy_term"]["taxonomy"] == "Toegang"
    assert [key for key in data if key.startswith("x_")] == []
    assert [s["id"] for s in found["contents"]] == [str(activity.uuid)]


def test_list_items_carry_only_one_to_one_fields(resident):
    activity = full_activity()

    [item] = api(resident, "services")["contents"]
    [sal] = api(resident, "service_at_locations")["contents"]
    [org] = api(resident, "organizations", search="Welzijn Voorburg")["contents"]

    assert item["organization"] == {
        "id": str(activity.organisation.uuid),
        "name": "Welzijn Voorburg",
        "description": "Welzijn Voorburg",
        "website": "https://w.example.org",
    }
    assert [key for key, value in item.items() if isinstance(value, list)] == []
    assert sorted(sal["location"]) == ["id", "latitude", "location_type", "longitude", "name"]
    assert "phones" not in org


# -- /service_at_locations ---------------------------------------------------------------------


def test_service_at_locations_list_and_detail(resident):
    activity = full_activity()
    hidden = make_activity(publication_state=Activity.Publication.PENDING)

    [row] = api(resident, "service_at_locations")["contents"]
    detail = api(resident, f"service_at_locations/{row['id']}")

    assert row["service_id"] == str(activity.uuid)
    assert row["location"]["name"] == "Buurthuis"
    assert row["service"]["name"] == "Wandelen, kletsen; koffie"
    assert detail == api(resident, f"services/{activity.uuid}")
    assert detail["service_at_locations"][0]["id"] == row["id"]
    hidden_id = hsds.service_at_location_id(hidden.uuid)
    missing = resident.get(f"/api/hsds/service_at_locations/{hidden_id}")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Niet gevonden."}
    assert resident.get("/api/hsds/service_at_locations/zomaar").status_code == 404


@pytest.fixture
def places(db):
    """Alfa and Bravo in postcode area 2271, 400 m apart; Charlie 2.2 km away; Delta online."""
    return {
        "Alfa": make_activity(
            title="Alfa", postcode="2271 AB", latitude="52.0700", longitude="4.3600"
        ),
        "Bravo": make_activity(
            title="Bravo", postcode="2271 CD", latitude="52.0736", longitude="4.3600"
        ),
        "Charlie": make_activity(
            title="Charlie", postcode="2275 XX", latitude="52.0900", longitude="4.3600"
        ),
        "Delta": make_activity(title="Delta", is_online=True),
    }


def names_near(client, **params):
    return [
        row["service"]["name"] for row in api(client, "service_at_locations", **params)["contents"]
    ]


def test_service_at_locations_in_a_postcode(resident, places):
    assert names_near(resident, postcode="2271ab") == ["Alfa"]
    assert names_near(resident, postcode="2271") == ["Alfa", "Bravo"]
    assert names_near(resident, postcode="2275 XX", search="char") == ["Charlie"]


def test_service_at_locations_within_metres_of_a_postcode_nearest_first(resident, places):
    assert names_near(resident, postcode="2271 AB", proximity=100) == ["Alfa"]
    assert names_near(resident, postcode="2271 CD", proximity=500) == ["Bravo", "Alfa"]
    assert names_near(resident, postcode="2271 AB", proximity="3000") == [
        "Alfa",
        "Bravo",
        "Charlie",
    ]
    # A postcode without activities is measured from the middle of its area (2271).
    assert set(names_near(resident, postcode="2271 ZZ", proximity=300)) == {"Alfa", "Bravo"}


@pytest.mark.parametrize(
    ("params", "error"),
    [
        (
            {"proximity": "500"},
            "proximity: Geef een postcode op. Vanaf die postcode meten we de afstand.",
        ),
        ({"postcode": "22"}, "postcode: Vul een postcode in zoals 2271 AB."),
        ({"postcode": "2271 AB", "proximity": "ver"}, "proximity: Voer een getal in."),
        (
            {"postcode": "9999 AA", "proximity": "500"},
            "In postcode 9999 AA is geen activiteit. Daarom weten we niet waar het midden van "
            "die postcode ligt.",
        ),
    ],
)
def test_service_at_locations_refuses_an_unusable_postcode_or_proximity(
    resident, places, params, error
):
    response = resident.get("/api/hsds/service_at_locations", params)

    assert response.status_code == 400
    assert response.json() == {"error": error}


def test_service_at_locations_list_uses_a_fixed_number_of_queries(
    resident, django_assert_max_num_queries
):
    full_activity()
    with django_assert_max_num_queries(8) as few:
        api(resident, "service_at_locations", full="true")
    for _ in range(12):
        full_activity()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert api(resident, "service_at_locations", full="true")["size"] == 13


# -- paging and parameters -----------------------------------------------------------------------


def test_size_is_the_number_of_records_on_the_page(resident):
    for n in range(3):
        make_activity(title=f"Activiteit {n}")

    first = api(resident, "services", per_page=2)
    last = api(resident, "services", per_page=2, page=2)
    beyond = api(resident, "services", per_page=2, page=3)

    assert (first["size"], first["total_pages"], first["last_page"]) == (2, 2, False)
    assert (last["size"], last["total_items"], last["last_page"]) == (1, 3, True)
    assert (beyond["size"], beyond["empty"], beyond["contents"]) == (0, True, [])


def test_modified_after_is_on_or_after(resident):
    activity = make_activity()
    activity.refresh_from_db()
    moment = activity.updated_at

    at = api(resident, "services", modified_after=moment.isoformat())
    before = api(resident, "services", modified_after=moment.replace(microsecond=0).isoformat())
    after = api(
        resident, "services", modified_after=(moment + timedelta(microseconds=1)).isoformat()
    )

    assert [s["id"] for s in at["contents"]] == [str(activity.uuid)]
    assert before["total_items"] == 1
    assert after["total_items"] == 0


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("services", "organization_id"),
        ("services", "taxonomy_term_id"),
        ("services", "taxonomy_id"),
        ("service_at_locations", "organization_id"),
        ("taxonomy_terms", "taxonomy_id"),
        ("taxonomy_terms", "parent_id"),
    ],
)
def test_a_malformed_uuid_filter_is_a_json_400(resident, path, parameter):
    make_activity()

    response = resident.get(f"/api/hsds/{path}", {parameter: "not-a-uuid"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"error": f"{parameter}: Voer een geldige UUID in."}


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"page": "abc"}, "page: Voer een geheel getal in."),
        ({"per_page": "0"}, "per_page: Zorg ervoor dat deze waarde minstens 1 is."),
        ({"minimal": "ja"}, "minimal: Vul true of false in."),
        ({"format": "xml"}, "format: Selecteer een geldige keuze. xml is geen beschikbare keuze."),
    ],
)
def test_a_malformed_parameter_is_a_json_400_naming_it(resident, params, error):
    response = resident.get("/api/hsds/services", params)

    assert response.status_code == 400
    assert response.json() == {"error": error}


def test_other_methods_get_a_json_405(activity_urls):
    client = Client(enforce_csrf_checks=True)
    for url in activity_urls:
        for method in (client.post, client.put, client.delete, client.patch):
            response = method(url)

            assert response.status_code == 405, (url, method)
            assert response["Allow"] == "GET, HEAD"
            assert response["Content-Type"] == "application/json"
            assert response.json() == {
                "error": "Dit adres beantwoordt alleen GET- en HEAD-verzoeken."
            }


@pytest.fixture
def activity_urls(db):
    activity = make_activity()
    return [
        reverse("network:api_root"),
        reverse("network:api_services"),
        reverse("network:api_service", args=[activity.uuid]),
        reverse("network:api_service_at_locations"),
        reverse(
            "network:api_service_at_location", args=[hsds.service_at_location_id(activity.uuid)]
        ),
        reverse("network:api_organizations"),
        reverse("network:api_organization", args=[activity.organisation.uuid]),
        reverse("network:api_taxonomies"),
        reverse("network:api_taxonomy", args=[hsds.ACTIVITY_TAXONOMY]),
        reverse("network:api_taxonomy_terms"),
        reverse("network:api_taxonomy_term", args=[hsds.REFERRAL_TERM]),
    ]


def test_head_answers_like_get(activity_urls):
    client = Client()
    for url in activity_urls:
        assert client.head(url).status_code == 200, url


def test_ndjson_streams_every_record_one_a_line(resident):
    for n in range(3):
        make_activity(title=f"Activiteit {n}")
    make_activity(title="Verborgen", publication_state=Activity.Publication.PENDING)

    response = resident.get("/api/hsds/services", {"format": "ndjson", "per_page": 1})
    lines = b"".join(response.streaming_content).decode().splitlines()
    terms = resident.get("/api/hsds/taxonomy_terms", {"format": "ndjson"})

    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert [json.loads(line)["name"] for line in lines] == [
        "Activiteit 0",
        "Activiteit 1",
        "Activiteit 2",
    ]
    assert json.loads(lines[0]) == api(resident, "services", per_page=1)["contents"][0]
    term_lines = b"".join(terms.streaming_content).decode().splitlines()
    assert len(term_lines) == api(resident, "taxonomy_terms")["total_items"]


def test_minimal_gives_ids_and_modification_times_only(resident):
    activity = make_activity()
    activity.refresh_from_db()

    data = api(resident, "services", minimal="true")

    assert data["contents"] == [
        {"id": str(activity.uuid), "last_modified": activity.updated_at.isoformat()}
    ]


def test_full_nests_the_services_of_the_list(resident):
    activity = full_activity()

    [item] = api(resident, "services", full="true")["contents"]
    [plain] = api(resident, "services", full="false")["contents"]

    assert item == api(resident, f"services/{activity.uuid}")
    assert "attributes" not in plain


def test_taxonomy_id_filters_services(resident):
    older = make_activity(title="Ouderen", target_groups=[target_group("ouderen")])
    referral = make_activity(title="Verwijzing", referral_needed=True)
    make_activity(title="Iedereen")

    def names(taxonomy):
        return [s["name"] for s in api(resident, "services", taxonomy_id=str(taxonomy))["contents"]]

    assert names(hsds.TARGET_GROUP_TAXONOMY) == [older.title]
    assert names(hsds.ACCESS_TAXONOMY) == [referral.title]
    assert names(hsds.ACTIVITY_TAXONOMY) == ["Iedereen", "Ouderen", "Verwijzing"]
    assert names("00000000-0000-4000-8000-000000000000") == []


def test_taxonomy_terms_take_search_paging_taxonomy_top_only_and_parent(resident):
    make_activity_type("bewegen")
    everything = api(resident, "taxonomy_terms")

    second = api(resident, "taxonomy_terms", per_page=1, page=2)
    found = api(resident, "taxonomy_terms", search="BEWE")
    access = api(resident, "taxonomy_terms", taxonomy_id=str(hsds.ACCESS_TAXONOMY))
    top = api(resident, "taxonomy_terms", top_only="true")
    children = api(resident, "taxonomy_terms", parent_id=str(hsds.REFERRAL_TERM))

    assert (second["size"], second["page_number"]) == (1, 2)
    assert second["contents"] == everything["contents"][1:2]
    assert [t["name"] for t in found["contents"]] == ["Bewegen"]
    assert [t["name"] for t in access["contents"]] == ["Verwijzing nodig"]
    assert top["total_items"] == everything["total_items"]
    assert children["contents"] == []


def test_taxonomies_take_search_and_paging(resident):
    found = api(resident, "taxonomies", search="doel")
    second = api(resident, "taxonomies", per_page=1, page=2)

    assert [t["name"] for t in found["contents"]] == ["Doelgroep"]
    assert (second["total_items"], second["size"]) == (3, 1)
    assert second["contents"][0]["name"] == "Doelgroep"


def test_organization_with_simple_or_full_services(resident):
    activity = full_activity()
    org = activity.organisation
    first = make_activity(title="Aquarel", organisation=org)
    make_activity(title="Verborgen", organisation=org, publication_state="pending")

    simple = api(resident, f"organizations/{org.uuid}")
    full = api(resident, f"organizations/{org.uuid}", full_service="true")
    listed = api(resident, "organizations", full="true", search="Welzijn Voorburg")["contents"]

    assert [s["name"] for s in simple["services"]] == ["Aquarel", "Wandelen, kletsen; koffie"]
    assert "attributes" not in simple["services"][0]
    assert full["services"] == [
        api(resident, f"services/{first.uuid}"),
        api(resident, f"services/{activity.uuid}"),
    ]
    assert listed == [simple]


def test_organizations_list_with_services_uses_a_fixed_number_of_queries(
    resident, django_assert_max_num_queries
):
    full_activity()
    with django_assert_max_num_queries(10) as few:
        api(resident, "organizations", full_service="true", search="Welzijn")
    for _ in range(8):
        full_activity()
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = api(resident, "organizations", full_service="true", search="Welzijn")
    assert [len(org["services"]) for org in data["contents"]] == [1] * 9
