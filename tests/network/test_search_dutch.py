"""Dutch search: one table of queries and what they find, the same on SQLite and PostgreSQL.

Run on SQLite by default, on PostgreSQL with DATABASE_URL=postgres://…; CI runs both.
"""

import re

import pytest

from network.models import Activity
from network.socialmap import searchtext
from tests.conftest import built_once
from tests.factories import (
    make_activity,
    make_activity_type,
    make_area,
    make_organisation,
    target_group,
)

pytestmark = pytest.mark.django_db

URL = "/sociale-kaart/"

# A query and the titles it finds, best first. A set is a tie: those titles in any order.
WALKS = {"Wandelgroep Voorburg", "wandeling door het park"}
QUERIES = [
    # Dutch stemming, prefixes; title matches, then summary, then the rest.
    ("wandelen", [WALKS, "Beweegcafé", "Taalmaatjes"]),
    ("wandelingen", [WALKS, "Beweegcafé", "Taalmaatjes"]),
    ("wandel", [WALKS, "Beweegcafé", "Taalmaatjes"]),
    ("WANDELGROEP", ["Wandelgroep Voorburg"]),
    ("bibliotheken", ["Digicafé in de bibliotheek"]),
    ("mantelzorgers", ["Mantelzorgcafé"]),
    # Accents.
    ("digicafe", ["Digicafé in de bibliotheek"]),
    ("Digicafé", ["Digicafé in de bibliotheek"]),
    ("digi", ["Digicafé in de bibliotheek"]),
    # Parts of compounds.
    ("cafe", [{"Beweegcafé", "Digicafé in de bibliotheek", "Mantelzorgcafé"}]),
    ("café", [{"Beweegcafé", "Digicafé in de bibliotheek", "Mantelzorgcafé"}]),
    ("ochtend", ["Koffieochtend in de Linde"]),
    ("ochtenden", ["Koffieochtend in de Linde"]),
    ("zorg", ["Mantelzorgcafé"]),
    # Every word must match, in any order and any field; little words do not count.
    ("koffie voorburg", ["Wandelgroep Voorburg", "Mantelzorgcafé"]),
    ("voorburg koffie", ["Wandelgroep Voorburg", "Mantelzorgcafé"]),
    ("koffie in voorburg", ["Wandelgroep Voorburg", "Mantelzorgcafé"]),
    ("koffie leidschendam", ["Koffieochtend in de Linde"]),
    ("wandelen zwemmen", []),
    ("zwemmen", []),
    # The organisation, venue, town, district and kind of activity count as "the rest".
    ("welzijnskwartier", ["Koffieochtend in de Linde"]),
    ("kompas", ["wandeling door het park"]),
    ("zuid", ["Koffieochtend in de Linde"]),
    ("bewegen", ["Beweegcafé", WALKS]),
]


def build_activities():
    moving = make_activity_type("bewegen")
    moving.name = "Bewegen"
    moving.save()
    meeting = make_activity_type("ontmoeting")
    south = make_area(code="WK191605", name="Leidschendam-Zuid")
    library = make_organisation(name="Bibliotheek aan de Vliet")
    welfare = make_organisation(name="Welzijnskwartier")
    rows = [
        {
            "title": "Wandelgroep Voorburg",
            "summary": "Elke dinsdag een uur samen lopen.",
            "description": "Na afloop drinken we koffie bij de bakker.",
            "activity_types": [moving],
        },
        {
            "title": "wandeling door het park",
            "summary": "Een rustige tocht met uitleg over de bomen.",
            "venue_name": "Wijkcentrum Het Kompas",
            "city": "Leidschendam",
            "activity_types": [moving],
        },
        {
            "title": "Digicafé in de bibliotheek",
            "summary": "Hulp bij uw telefoon, tablet of computer.",
            "organisation": library,
            "activity_types": [meeting],
        },
        {
            "title": "Mantelzorgcafé",
            "summary": "Koffie en een goed gesprek voor mantelzorgers.",
            "city": "Voorburg",
            "activity_types": [meeting],
        },
        {
            "title": "Koffieochtend in de Linde",
            "summary": "Een praatje met de buren.",
            "venue_name": "Buurthuis De Linde",
            "city": "Leidschendam",
            "district": south,
            "organisation": welfare,
            "activity_types": [meeting],
        },
        {
            "title": "Beweegcafé",
            "summary": "Na het wandelen oefeningen op een stoel.",
            "activity_types": [moving],
        },
        {
            "title": "Taalmaatjes",
            "summary": "Oefen Nederlands met een vrijwilliger.",
            "description": "U spreekt af waar u wilt: tijdens een wandeling of in de bieb.",
            "activity_types": [meeting],
        },
    ]
    for row in rows:
        row.setdefault("organisation", make_organisation(name="Stichting Samen"))
        make_activity(**row)


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"]]


def grouped(found: list[str], expected: list) -> list:
    """``found`` cut into the shape of ``expected``: a set where ``expected`` has a tie."""
    shaped, at = [], 0
    for item in expected:
        if isinstance(item, set):
            shaped.append(set(found[at : at + len(item)]))
            at += len(item)
        else:
            shaped.append(found[at] if at < len(found) else None)
            at += 1
    return shaped + found[at:]


class TestTheTable:
    """The activities the table searches are built once for all its queries, and each query's
    test is rolled back to them (``built_once``)."""

    @pytest.fixture(scope="class")
    def activities(self, django_db_setup, django_db_blocker):
        with built_once(django_db_blocker):
            yield build_activities()

    @pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
    def test_dutch_search_finds(self, activities, resident, query, expected):
        found = titles(resident.get(URL, {"q": query}))

        assert grouped(found, expected) == expected


def test_tokens_hold_words_stems_and_compound_parts():
    assert (
        searchtext.tokens("Koffieochtend") == "koffieochtend koffieocht fieocht ieocht eocht ocht"
    )
    assert searchtext.tokens("Wandelingen, wandelingen!") == "wandelingen wandel"


def test_query_words_become_stems_with_the_word_where_the_stem_differs():
    assert searchtext.query_terms("Wandelingen in het park") == [("wandel",), ("park",)]
    assert searchtext.query_terms("samen") == [("saam", "samen")]
    assert searchtext.query_terms("de het") == [("de",), ("het",)]  # nothing but little words


def test_renamed_organisation_kind_and_district_are_found_at_once(
    coordinator_client, superuser_client, resident
):
    organisation = make_organisation(name="Buurtkamer", slug="buurtkamer")
    kind = make_activity_type("creatief")
    district = make_area(code="WK191606", name="Leidschendam-Noord")
    make_activity(
        title="Schilderen", organisation=organisation, activity_types=[kind], district=district
    )

    renamed = [
        coordinator_client.post(
            "/netwerk/organisaties/buurtkamer/bewerken/",
            {"name": "Huiskamer Zuid", "slug": "buurtkamer", "sector": organisation.sector},
        ),
        coordinator_client.post(
            f"/netwerk/soorten/{kind.pk}/",
            {"name": "Handwerk", "slug": "creatief", "order": 0, "is_active": "on"},
        ),
        superuser_client.post(
            f"/admin/coalition/area/{district.pk}/change/",
            {
                "code": district.code,
                "name": "Stompwijk",
                "kind": district.kind,
                "parent": district.parent_id,
            },
        ),
    ]

    assert [response.status_code for response in renamed] == [302, 302, 302]
    assert titles(resident.get(URL, {"q": "huiskamer"})) == ["Schilderen"]
    assert titles(resident.get(URL, {"q": "handwerk"})) == ["Schilderen"]
    assert titles(resident.get(URL, {"q": "stompwijk"})) == ["Schilderen"]
    assert titles(resident.get(URL, {"q": "buurtkamer"})) == []


def test_imported_activities_are_found(coordinator):
    from datetime import date

    from network.socialmap import importer, services

    make_organisation(slug="buurtkamer")
    make_activity_type("bewegen")
    csv = (
        "organisatie,naam,samenvatting,soort,locatie\n"
        "buurtkamer,Stoelyoga,Rustig bewegen op een stoel,bewegen,Buurthuis\n"
        "buurtkamer,Jeu de boules,Op het plein,bewegen,Plein\n"
    )
    result = importer.read(csv, user=coordinator)
    assert result.errors == []
    services.import_activities(
        forms=[form for _, form in result.forms], by=coordinator, today=date(2026, 9, 1)
    )

    found = Activity.objects.published().search("yoga").order_by("-rank")
    assert [a.title for a in found] == ["Stoelyoga"]


def test_no_results_page_is_kind_offers_fewer_filters_and_the_phone(resident, settings):
    settings.SUPPORT_PHONE = "14 070"
    make_activity(title="Breiclub", target_groups=[target_group("ouderen")])

    response = resident.get(URL, {"q": "zwemmen", "doelgroep": "ouderen", "gratis": "on"})

    body = response.content.decode()
    assert titles(response) == []
    assert "We hebben geen activiteiten gevonden die passen bij uw zoekvraag." in body
    assert "Kijk of de woorden goed gespeld zijn." in body
    links = re.findall(r'<li><a href="([^"]+)">Zonder “([^”]+)”</a></li>', body)
    assert links == [
        ("?q=zwemmen&amp;gratis=on", "Voor wie: Ouderen"),
        ("?q=zwemmen&amp;doelgroep=ouderen", "Alleen gratis"),
    ]
    assert 'Bel het Sociaal Servicepunt op <a href="tel:14070">14 070</a>.' in body


def test_no_results_without_filters_offers_no_links(resident):
    make_activity(title="Breiclub")

    body = resident.get(URL, {"q": "zwemmen"}).content.decode()

    assert "Of zoek opnieuw zonder een van uw keuzes:" not in body
    assert "Bel het Sociaal Servicepunt op" in body
