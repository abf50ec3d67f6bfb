"""The social map booklet to print (issue 15, part 4): a PDF of the published activities
with the search filters, in large type, a QR code per activity, an index by kind and the
Sociaal Servicepunt's phone number on every page; made once per catalogue version."""

import io
import re

import pypdf
import pytest
from django.urls import reverse

from network.models import Activity
from tests.factories import (
    make_activity,
    make_activity_type,
    make_area,
    make_organisation,
    target_group,
)

pytestmark = pytest.mark.django_db
URL = reverse("network:booklet")


def read(response) -> pypdf.PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(b"".join(response)))


def text_of(reader) -> str:
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("-\n", "-").split())


def titles(outline) -> list[str]:
    found = []
    for entry in outline:
        found += titles(entry) if isinstance(entry, list) else [entry.title]
    return found


@pytest.fixture
def catalogue():
    noord = make_area(code="WK191601", name="Voorburg-Noord")
    veen = make_area(code="WK191606", name="Leidschenveen")
    walking = make_activity_type("bewegen")
    meeting = make_activity_type("ontmoeting")
    return {
        "walk": make_activity(
            title="Wandelgroep Voorburg-Noord",
            summary="Elke week samen een uur wandelen.",
            district=noord,
            activity_types=[walking],
            target_groups=[target_group("ouderen")],
            venue_name="Buurthuis De Vliet",
            street="Kerkstraat 1",
            postcode="2271 AB",
            city="Voorburg",
            is_free=False,
            price=2,
            step_free=True,
            how_to_join="Loop gewoon binnen.",
        ),
        "coffee": make_activity(
            title="Koffieochtend Voorburg-Noord",
            district=noord,
            activity_types=[meeting],
            target_groups=[target_group("ouderen")],
        ),
        "youth": make_activity(
            title="Jongerenavond Leidschenveen",
            district=veen,
            activity_types=[meeting],
            target_groups=[target_group("jongeren")],
        ),
        "hidden": make_activity(
            title="Nog niet gepubliceerd",
            district=noord,
            publication_state=Activity.Publication.PENDING,
        ),
    }


@pytest.mark.slow
def test_booklet_has_every_activity_with_what_when_where_cost_access_and_join(resident, catalogue):
    reader = read(resident.get(URL))

    text = text_of(reader)
    assert reader.metadata.title == (
        "Sociale kaart van Leidschendam-Voorburg: activiteiten om aan mee te doen"
    )
    for activity in ["Wandelgroep Voorburg-Noord", "Koffieochtend Voorburg-Noord"]:
        assert activity in text
    assert "Jongerenavond Leidschenveen" in text
    assert "Nog niet gepubliceerd" not in text
    assert "Wat: Elke week samen een uur wandelen." in text
    assert "Wanneer: dinsdag" in text
    assert "10:00–12:00" in text
    assert "Waar: Buurthuis De Vliet, Kerkstraat 1, 2271 AB Voorburg (Voorburg-Noord)" in text
    assert "Kosten: € 2,00" in text
    assert "Toegankelijkheid: drempelvrije ingang" in text
    assert "Zo doet u mee: Loop gewoon binnen." in text
    assert f"/sociale-kaart/activiteit/{catalogue['walk'].pk}/" in text


@pytest.mark.slow
def test_booklet_has_a_cover_an_index_by_kind_and_the_phone_on_every_page(resident, catalogue):
    reader = read(resident.get(URL))

    assert "Gemeente Leidschendam-Voorburg" in reader.pages[0].extract_text()
    outline = titles(reader.outline)
    assert "Register per soort activiteit" in outline
    assert "Bewegen" in outline and "Ontmoeting" in outline
    for page in reader.pages:
        assert "Vragen? Bel het Sociaal Servicepunt: 14 070" in page.extract_text()
    index = reader.pages[1].extract_text()
    assert re.search(r"Wandelgroep Voorburg-Noord \.+ +\d+", index)


@pytest.mark.slow
def test_booklet_with_filters_leaves_other_activities_out(resident, catalogue):
    reader = read(
        resident.get(URL, {"wijk": "WK191601", "doelgroep": "ouderen", "soort": "bewegen"})
    )

    text = text_of(reader)
    assert "Wandelgroep Voorburg-Noord" in text
    assert "Koffieochtend Voorburg-Noord" not in text
    assert "Jongerenavond Leidschenveen" not in text
    assert "In dit boekje: Voorburg-Noord, Ouderen, Bewegen" in text


@pytest.mark.slow
def test_booklet_has_large_type_and_a_link_from_the_search_page(resident, catalogue):
    reader = read(resident.get(URL, {"wijk": "WK191601"}))

    sizes = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.add(round(size * tm[0] * cm[0], 1))  # in points

    reader.pages[2].extract_text(visitor_text=visit)
    assert min(sizes) >= 12  # the web address and the page footer; the body text is 15 pt
    assert 15.0 in sizes
    html = resident.get(reverse("network:search"), {"wijk": "WK191601"}).content.decode()
    assert 'href="/sociale-kaart/boekje/?wijk=WK191601"' in html


@pytest.mark.slow
def test_every_activity_gets_a_qr_code_to_its_page(catalogue):
    from coalition.pdf import qr_svg
    from network.socialmap import booklet

    items = booklet.context({}, None)["activities"]

    assert [a.title for a in items] == [
        "Jongerenavond Leidschenveen",
        "Koffieochtend Voorburg-Noord",
        "Wandelgroep Voorburg-Noord",
    ]
    for activity in items:
        assert activity.url == f"http://localhost:8000/sociale-kaart/activiteit/{activity.pk}/"
        assert activity.qr == qr_svg(activity.url)
        assert activity.qr.startswith("<svg")


@pytest.mark.slow
def test_partner_makes_a_booklet_of_the_own_organisation_only(partner_client, partner, catalogue):
    own = make_organisation(name="Buurtwerk Noord", users=[partner])
    make_activity(title="Breiclub van Buurtwerk", organisation=own)

    text = text_of(read(partner_client.get(URL, {"mijn": "1"})))

    assert "Breiclub van Buurtwerk" in text
    assert "Activiteiten van: Buurtwerk Noord" in text
    assert "Wandelgroep Voorburg-Noord" not in text


def test_only_my_organisations_asks_an_anonymous_visitor_to_log_in(resident):
    response = resident.get(URL, {"mijn": "1"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_booklet_form_offers_only_my_organisations_to_a_partner(partner_client, partner, resident):
    make_organisation(name="Buurtwerk Noord", users=[partner])
    form_url = reverse("network:booklet_form")

    assert (
        "Alleen mijn organisatie(s): Buurtwerk Noord"
        in partner_client.get(form_url).content.decode()
    )
    assert 'name="mijn"' not in resident.get(form_url).content.decode()


@pytest.mark.slow
def test_booklet_is_made_once_per_catalogue_version(resident, catalogue):
    first = b"".join(resident.get(URL))
    again = b"".join(resident.get(URL))
    make_activity(title="Nieuwe zangmiddag")
    changed = text_of(read(resident.get(URL)))

    assert again == first
    assert "Nieuwe zangmiddag" not in text_of(pypdf.PdfReader(io.BytesIO(first)))
    assert "Nieuwe zangmiddag" in changed


@pytest.mark.slow
def test_booklet_without_activities_says_so(resident):
    text = text_of(read(resident.get(URL)))

    assert "We hebben geen activiteiten gevonden" in text


# --- Made by a task, never in the web request (issue 17) -----------------------------------


@pytest.fixture
def queued_tasks(settings):
    """Tasks that wait in a queue, as with the worker of production, until a test runs them."""
    from django.tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend.results


def run(result) -> None:
    result.task.call(*result.args, **result.kwargs)


def test_booklet_not_made_yet_says_so_and_queues_one_render(resident, catalogue, queued_tasks):
    first = resident.get(URL, {"wijk": "WK191601"})
    again = resident.get(URL, {"wijk": "WK191601"})

    assert first.status_code == again.status_code == 202
    html = first.content.decode()
    assert "Het boekje wordt gemaakt" in html
    assert '<meta http-equiv="refresh" content="10">' in html
    assert 'href="/sociale-kaart/boekje/?wijk=WK191601"' in html
    assert "no-store" in first["Cache-Control"]
    assert [result.task.name for result in queued_tasks] == ["make_booklet"]


@pytest.mark.slow
def test_booklet_is_served_once_the_task_made_it(resident, catalogue, queued_tasks):
    resident.get(URL, {"wijk": "WK191601"})
    run(queued_tasks[0])

    text = text_of(read(resident.get(URL, {"wijk": "WK191601"})))

    assert "Wandelgroep Voorburg-Noord" in text
    assert "Jongerenavond Leidschenveen" not in text
    assert len(queued_tasks) == 1


def test_a_changed_catalogue_queues_a_new_booklet(resident, catalogue, queued_tasks):
    resident.get(URL)
    make_activity(title="Nieuwe zangmiddag")
    resident.get(URL)
    resident.get(URL, {"wijk": "WK191601"})

    names = [result.kwargs["name"] for result in queued_tasks]
    assert len(names) == len(set(names)) == 3
