import pytest

from network.models import ActivityType

pytestmark = pytest.mark.django_db


def test_coordinator_adds_and_renames_a_kind_of_activity(coordinator_client, resident):
    response = coordinator_client.post(
        "/netwerk/soorten/", {"name": "Zingen", "slug": "zingen", "order": "5", "is_active": "on"}
    )
    assert response.url == "/netwerk/soorten/"
    term = ActivityType.objects.get(slug="zingen")
    coordinator_client.post(
        f"/netwerk/soorten/{term.pk}/",
        {"name": "Samen zingen", "slug": "zingen", "order": "5", "is_active": "on"},
    )
    term.refresh_from_db()
    assert term.name == "Samen zingen"
    search = resident.get("/sociale-kaart/").content.decode()
    assert "Samen zingen" in search


def test_duplicate_code_gets_a_dutch_error(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/soorten/", {"name": "Dubbel", "slug": "bewegen", "order": "1"}
    )
    assert "bestaat al" in response.content.decode()


def test_kinds_of_activity_are_for_coordinators(partner_client, resident):
    assert partner_client.get("/netwerk/soorten/").status_code == 403
    assert resident.get("/netwerk/soorten/").url.startswith("/accounts/login/")


def test_kinds_list_uses_a_fixed_number_of_queries(
    coordinator_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14) as few:
        coordinator_client.get("/netwerk/soorten/")
    baseline = len(few.captured_queries)
    for n in range(30):
        ActivityType.objects.create(slug=f"soort-{n}", name=f"Soort {n}")
    with django_assert_max_num_queries(baseline):
        assert coordinator_client.get("/netwerk/soorten/").status_code == 200


def test_code_of_a_kind_is_made_from_its_name_when_left_empty(coordinator_client):
    coordinator_client.post("/netwerk/soorten/", {"name": "Café-avond", "slug": "", "order": "5"})

    assert ActivityType.objects.filter(name="Café-avond").get().slug == "cafe-avond"
