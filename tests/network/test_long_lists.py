"""Long lists in the workspace come in pages; two lists on one page each keep their own."""

import re

import pytest

from network.models import Activity
from tests.factories import make_activity, make_organisation, make_user

pytestmark = pytest.mark.django_db


def names_in(body: str, pattern: str) -> list[str]:
    return re.findall(pattern, body)


def test_partner_users_of_an_organisation_come_in_pages(
    coordinator_client, django_assert_max_num_queries
):
    organisation = make_organisation(slug="buurtkamer")
    organisation.users.set(
        [make_user(first_name=f"Partner{n:02d}", roles=["partner"]) for n in range(27)]
    )
    for n in range(30):
        make_activity(organisation=organisation, title=f"Activiteit {n:02d}")
    url = "/netwerk/organisaties/buurtkamer/"

    with django_assert_max_num_queries(19):
        first = coordinator_client.get(url).content.decode()
    users = names_in(first, r"Partner(\d\d) Gebruiker")
    assert users == [f"{n:02d}" for n in range(25)]
    assert "Pagina 1 van 2" in first
    assert 'href="?gebruikers=2"' in first
    assert 'href="?activiteiten=2"' in first

    second = coordinator_client.get(url, {"gebruikers": 2, "activiteiten": 2}).content.decode()
    assert names_in(second, r"Partner(\d\d) Gebruiker") == ["25", "26"]
    assert names_in(second, r"Activiteit (\d\d)") == [str(n) for n in range(25, 30)]
    # Paging one list keeps the other where it was.
    assert 'href="?gebruikers=1&amp;activiteiten=2"' in second


def test_the_moderation_queue_comes_in_pages(coordinator_client):
    for n in range(27):
        make_activity(title=f"Nieuw {n:02d}", publication_state=Activity.Publication.PENDING)
    first = coordinator_client.get("/netwerk/moderatie/").content.decode()
    assert len(names_in(first, r"Nieuw (\d\d)")) == 25
    rest = coordinator_client.get("/netwerk/moderatie/", {"nieuw": 2}).content.decode()
    assert len(names_in(rest, r"Nieuw (\d\d)")) == 2
    assert 'aria-label="Pagina’s met nieuwe activiteiten"' in rest


def test_the_public_organisation_page_pages_its_activities(resident):
    organisation = make_organisation(slug="sportclub")
    for n in range(23):
        make_activity(organisation=organisation, title=f"Training {n:02d}")
    first = resident.get(organisation.get_absolute_url()).content.decode()
    assert len(names_in(first, r"Training (\d\d)")) == 20
    rest = resident.get(organisation.get_absolute_url(), {"page": 2}).content.decode()
    assert names_in(rest, r"Training (\d\d)") == ["20", "21", "22"]


def test_the_cascade_page_title_is_only_its_title(partner_client):
    body = partner_client.get("/netwerk/trainingen/cascade/").content.decode()
    assert re.search(r"<title>([^<]*)</title>", body)[1].startswith("Wie trainde wie")
