import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from network.models import Person
from tests.factories import make_organisation, make_person, make_training

pytestmark = pytest.mark.django_db


def test_anonymous_never_sees_contact_details(resident):
    person = make_person(name="Joke Bakker", email="joke@example.org", phone="070 1112233")

    people = resident.get("/netwerk/mensen/")
    edit = resident.get(f"/netwerk/mensen/{person.pk}/")
    export = resident.get("/netwerk/mensen/export.csv")
    public = resident.get("/netwerk/partners/")

    for response in (people, edit, export):
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    assert "joke@example.org" not in public.content.decode()


def test_partner_sees_contact_details_of_people_who_agreed_to_be_listed(partner_client):
    make_person(
        name="Joke Bakker",
        email="joke@example.org",
        phone="070 1112233",
        consent_to_list=True,
        consent_on=date(2026, 1, 5),
    )
    make_person(name="Niet Genoemd", email="stil@example.org", is_ambassador=True)

    html = partner_client.get("/netwerk/mensen/").content.decode()

    assert "Joke Bakker" in html and "joke@example.org" in html and "070 1112233" in html
    assert "Niet Genoemd" not in html and "stil@example.org" not in html


def test_coordinator_sees_everyone_with_their_trainings(coordinator_client):
    person = make_person(name="Niet Genoemd", is_ambassador=True)
    make_training().participations.create(person=person, completed=True)

    response = coordinator_client.get("/netwerk/mensen/")

    assert [(p.name, p.training_count) for p in response.context["page"]] == [("Niet Genoemd", 1)]


def test_consent_date_cannot_lie_in_the_future(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/mensen/nieuw/",
        {"name": "Ria", "is_ambassador": "on", "consent_to_list": "on", "consent_on": "2999-01-01"},
    )

    assert response.context["form"].errors["consent_on"] == ["Deze datum ligt in de toekomst."]
    assert not Person.objects.exists()


def test_person_page_offers_anonymising_and_lists_trainings(coordinator_client):
    person = make_person(name="Joke Bakker", is_ambassador=True)
    make_training(title="Signaleren voorjaar").participations.create(person=person)

    html = coordinator_client.get(f"/netwerk/mensen/{person.pk}/").content.decode()

    assert "Signaleren voorjaar" in html
    assert "Deze persoon anonimiseren" in html


def test_people_csv_is_for_coordinators_only(coordinator_client, partner_client):
    make_person(name="Joke Bakker", email="joke@example.org")

    response = coordinator_client.get("/netwerk/mensen/export.csv")

    text = response.getvalue().decode("utf-8-sig")
    assert "Joke Bakker" in text
    assert text.splitlines()[0].startswith("naam,rol,e-mail")
    assert partner_client.get("/netwerk/mensen/export.csv").status_code == 403


def test_people_xlsx_says_yes_and_no_in_dutch(coordinator_client, partner_client):
    make_person(name="Ali", email="ali@example.org", phone="070", is_ambassador=True)

    response = coordinator_client.get("/netwerk/mensen/export.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == [
        "naam", "rol", "e-mail", "telefoon", "organisatie", "contactpersoon", "ambassadeur"
    ]  # fmt: skip
    assert [c.value for c in sheet[2]] == [
        "Ali", "Coördinator vrijwilligers", "ali@example.org", "070", None, "nee", "ja"
    ]  # fmt: skip
    assert partner_client.get("/netwerk/mensen/export.xlsx").status_code == 403


def test_people_csv_is_in_dutch_for_a_visitor_who_chose_english(coordinator_client):
    make_person(name="Ali", is_ambassador=True)
    coordinator_client.cookies["django_language"] = "en"

    response = coordinator_client.get("/netwerk/mensen/export.csv")

    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert response["Content-Language"] == "en"
    assert rows[0] == [
        "naam", "rol", "e-mail", "telefoon", "organisatie", "contactpersoon", "ambassadeur"
    ]  # fmt: skip
    assert rows[1][5:] == ["nee", "ja"]


def test_people_page_links_keep_the_filters_but_not_the_page(coordinator_client):
    for n in range(26):
        make_person(name=f"Contact {n:02d}")

    first = coordinator_client.get("/netwerk/mensen/", {"kind": "contact"}).content.decode()
    second = coordinator_client.get("/netwerk/mensen/", {"kind": "contact", "page": 2})

    html = second.content.decode()
    assert 'href="?kind=contact&amp;page=2"' in first
    assert 'href="?kind=contact&amp;page=1"' in html
    assert 'href="/netwerk/mensen/export.csv?kind=contact">Downloaden als CSV</a>' in html
    assert 'href="/netwerk/mensen/export.xlsx?kind=contact">Downloaden als Excel</a>' in html


def test_people_filter_ambassadors_and_search(coordinator_client):
    make_person(name="Ambassadeur Ali", is_ambassador=True, organisation=None)
    make_person(name="Contact Carla")

    ambassadors = coordinator_client.get("/netwerk/mensen/?kind=ambassador")
    search = coordinator_client.get("/netwerk/mensen/?q=carla")

    assert [p.name for p in ambassadors.context["page"]] == ["Ambassadeur Ali"]
    assert [p.name for p in search.context["page"]] == ["Contact Carla"]


@pytest.mark.parametrize("rows", [1, 20])
def test_people_list_uses_fixed_queries(coordinator_client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_person()

    with django_assert_max_num_queries(9):
        response = coordinator_client.get("/netwerk/mensen/")

    assert len(response.context["page"]) == rows


def test_coordinator_adds_an_ambassador_without_organisation(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/mensen/nieuw/",
        {
            "name": "Ria Buurtbewoner",
            "is_ambassador": "on",
            "consent_to_list": "on",
            "consent_on": "2026-03-01",
        },
    )

    assert response.url == "/netwerk/mensen/"
    person = Person.objects.get()
    assert person.organisation is None
    assert person.consent_on == date(2026, 3, 1)


def test_person_form_explains_missing_organisation_and_consent_date(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/mensen/nieuw/",
        {"name": "Kees", "is_contact": "on", "consent_to_list": "on", "email": "geen"},
    )

    errors = response.context["form"].errors
    assert errors["organisation"] == ["Een contactpersoon hoort bij een organisatie."]
    assert errors["consent_on"] == ["Vul de datum in waarop de persoon toestemming gaf."]
    assert errors["email"] == ["Voer een geldig e-mailadres in."]
    assert not Person.objects.exists()


def test_partner_cannot_add_or_change_people(partner_client):
    person = make_person()

    assert partner_client.get("/netwerk/mensen/nieuw/").status_code == 403
    assert partner_client.post(f"/netwerk/mensen/{person.pk}/", {"name": "X"}).status_code == 403


def test_anonymising_removes_details_but_keeps_training_counts(coordinator_client):
    person = make_person(name="Joke Bakker", email="joke@example.org", is_ambassador=True)
    training = make_training()
    training.participations.create(person=person, completed=True)

    response = coordinator_client.post(f"/netwerk/mensen/{person.pk}/anonimiseren/")

    assert response.url == "/netwerk/mensen/"
    person.refresh_from_db()
    assert (person.name, person.email, person.phone) == ("Geanonimiseerd", "", "")
    assert person.anonymised_at is not None
    assert training.participations.count() == 1
    assert "Joke Bakker" not in coordinator_client.get("/netwerk/mensen/").content.decode()


def test_partner_cannot_anonymise(partner_client):
    person = make_person(name="Joke Bakker")

    assert partner_client.post(f"/netwerk/mensen/{person.pk}/anonimiseren/").status_code == 403
    assert Person.objects.get(pk=person.pk).name == "Joke Bakker"


def test_anonymise_needs_post(coordinator_client):
    person = make_person()

    assert coordinator_client.get(f"/netwerk/mensen/{person.pk}/anonimiseren/").status_code == 405


def test_person_edit_keeps_organisation(coordinator_client):
    organisation = make_organisation()
    person = make_person(organisation=organisation, name="Oud")

    coordinator_client.post(
        f"/netwerk/mensen/{person.pk}/",
        {"name": "Nieuw", "organisation": organisation.pk, "is_contact": "on"},
    )

    person.refresh_from_db()
    assert person.name == "Nieuw"


def test_administrator_finds_people_and_actions_in_the_admin(superuser_client):
    make_person(name="Joke Bakker")

    people = superuser_client.get("/admin/network/person/")
    actions = superuser_client.get("/admin/network/action/")

    assert "Joke Bakker" in people.content.decode()
    assert actions.status_code == 200
