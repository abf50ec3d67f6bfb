import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from network.models import Membership, Organisation, Person
from tests.factories import (
    make_action,
    make_activity,
    make_area,
    make_meeting,
    make_membership,
    make_organisation,
    make_person,
    make_training,
    target_group,
)

pytestmark = pytest.mark.django_db


def test_public_member_list_groups_by_sector_without_personal_data(resident):
    care = make_organisation(name="Thuiszorg West", sector="zorg", email="info@thuiszorg.nl")
    make_membership(organisation=care, signed_by="Mevrouw Geheim", signed_on=date(2023, 2, 1))
    make_membership(organisation=make_organisation(name="Bibliotheek", sector="cultuur"))
    make_person(organisation=care, name="Piet Contact", email="piet@thuiszorg.nl")
    make_organisation(name="Geen lid")

    response = resident.get("/netwerk/partners/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Thuiszorg West" in html and "Bibliotheek" in html
    assert "Geen lid" not in html
    assert "<h2>zorg</h2>" in html
    assert "lid sinds 2023" in html
    for private in ("Mevrouw Geheim", "Piet Contact", "piet@thuiszorg.nl", "info@thuiszorg.nl"):
        assert private not in html


def test_public_member_list_filters_by_sector(resident):
    make_membership(organisation=make_organisation(name="Thuiszorg West", sector="zorg"))
    make_membership(organisation=make_organisation(name="Bibliotheek", sector="cultuur"))

    html = resident.get("/netwerk/partners/?sector=zorg").content.decode()

    assert "Thuiszorg West" in html
    assert "Bibliotheek" not in html


def test_public_member_list_hides_archived_organisations(resident):
    make_membership(organisation=make_organisation(name="Opgeheven", is_active=False))

    assert "Opgeheven" not in resident.get("/netwerk/partners/").content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_public_member_list_uses_fixed_queries(resident, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_membership(target_groups=[target_group("ouderen")])

    with django_assert_max_num_queries(4):
        response = resident.get("/netwerk/partners/")

    assert len(response.context["page"]) == rows


def test_coordinator_sees_growth_per_year_and_month(coordinator_client):
    make_membership(signed_on=date(2023, 1, 10))
    make_membership(signed_on=date(2023, 1, 20))
    make_membership(signed_on=date(2024, 6, 1))

    response = coordinator_client.get("/netwerk/leden/groei/")

    assert response.context["years"] == [
        {"year": 2023, "new": 2, "total": 2},
        {"year": 2024, "new": 1, "total": 3},
    ]
    assert [row["total"] for row in response.context["months"]] == [2, 3]
    assert "januari 2023" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_growth_uses_fixed_queries(coordinator_client, django_assert_max_num_queries, rows):
    for n in range(rows):
        make_membership(signed_on=date(2020 + n % 6, 1 + n % 12, 1))

    with django_assert_max_num_queries(7):
        response = coordinator_client.get("/netwerk/leden/groei/")

    assert response.context["years"][-1]["total"] == rows


def test_growth_is_for_coordinators_only(resident, partner_client):
    assert resident.get("/netwerk/leden/groei/").url.startswith("/accounts/login/")
    assert partner_client.get("/netwerk/leden/groei/").status_code == 403


def test_coordinator_records_a_membership(coordinator_client):
    organisation = make_organisation(name="Sportclub")
    district = make_area(name="Leidschendam-Noord")

    response = coordinator_client.post(
        f"/netwerk/leden/{organisation.slug}/",
        {
            "signed_on": "2025-04-01",
            "signed_by": "Voorzitter K. Jansen",
            "contribution": "Beweegmaatjes",
            "target_groups": [target_group("ouderen").pk],
            "districts": [district.pk],
        },
    )

    assert response.url == "/netwerk/leden/"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.signed_on == date(2025, 4, 1)
    assert list(membership.districts.all()) == [district]


def test_membership_form_explains_bad_date_in_dutch(coordinator_client):
    organisation = make_organisation()

    response = coordinator_client.post(
        f"/netwerk/leden/{organisation.slug}/", {"signed_on": "gisteren", "signed_by": ""}
    )

    errors = response.context["form"].errors
    assert errors["signed_on"] == ["Voer een geldige datum in."]
    assert errors["signed_by"] == ["Dit veld is verplicht."]
    assert not Membership.objects.exists()


def test_membership_cannot_be_signed_in_the_future(coordinator_client):
    organisation = make_organisation()

    response = coordinator_client.post(
        f"/netwerk/leden/{organisation.slug}/", {"signed_on": "2999-01-01", "signed_by": "X"}
    )

    assert response.context["form"].errors["signed_on"] == ["Deze datum ligt in de toekomst."]


def test_membership_edit_is_for_coordinators(partner_client, partner):
    organisation = make_organisation(users=[partner])

    assert partner_client.get(f"/netwerk/leden/{organisation.slug}/").status_code == 403


@pytest.mark.parametrize("rows", [1, 20])
def test_member_admin_list_uses_fixed_queries(
    coordinator_client, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        member = make_membership()
        member.districts.set([make_area()])

    with django_assert_max_num_queries(11):
        response = coordinator_client.get("/netwerk/leden/")

    assert len(response.context["page"]) == rows


def test_member_admin_search_finds_by_name(coordinator_client):
    make_membership(organisation=make_organisation(name="Welzijn Voorburg"))
    make_membership(organisation=make_organisation(name="Sportclub"))

    response = coordinator_client.get("/netwerk/leden/?q=voorburg")

    assert [m.organisation.name for m in response.context["page"]] == ["Welzijn Voorburg"]


def test_members_csv_for_coordinators(coordinator_client, partner_client):
    make_membership(
        organisation=make_organisation(name="Bibliotheek", sector="cultuur"),
        signed_on=date(2024, 5, 2),
        target_groups=[target_group("jongeren")],
    )

    response = coordinator_client.get("/netwerk/leden/export.csv")

    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0] == "organisatie,sector,getekend_op,getekend_door,doelgroepen"
    assert lines[1].startswith("Bibliotheek,cultuur,2024-05-02,")
    assert partner_client.get("/netwerk/leden/export.csv").status_code == 403


def test_members_xlsx_has_dates_as_dates(coordinator_client, partner_client):
    make_membership(
        organisation=make_organisation(name="Bibliotheek", sector="cultuur"),
        signed_on=date(2024, 5, 2),
        target_groups=[target_group("jongeren")],
    )

    response = coordinator_client.get("/netwerk/leden/export.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert response["Content-Disposition"] == 'attachment; filename="leden.xlsx"'
    assert [c.value for c in sheet[1]] == [
        "organisatie", "sector", "getekend_op", "getekend_door", "doelgroepen"
    ]  # fmt: skip
    assert [c.value for c in sheet[2]] == [
        "Bibliotheek", "cultuur", datetime(2024, 5, 2), "Directeur J. de Vries", "Jongeren"
    ]  # fmt: skip
    assert sheet["C2"].is_date
    assert partner_client.get("/netwerk/leden/export.xlsx").status_code == 403


def test_member_admin_download_links_keep_the_filters_but_not_the_page(coordinator_client):
    for n in range(26):
        make_membership(
            organisation=make_organisation(name=f"Bibliotheek {n:02d}", sector="cultuur")
        )

    first = coordinator_client.get("/netwerk/leden/", {"sector": "cultuur"}).content.decode()
    second = coordinator_client.get("/netwerk/leden/", {"sector": "cultuur", "page": 2})

    html = second.content.decode()
    assert 'href="?sector=cultuur&amp;page=2"' in first
    assert 'href="?sector=cultuur&amp;page=1"' in html
    assert 'href="/netwerk/leden/export.csv?sector=cultuur">Downloaden als CSV</a>' in html
    assert 'href="/netwerk/leden/export.xlsx?sector=cultuur">Downloaden als Excel</a>' in html


def test_organisation_with_activities_and_actions_cannot_be_deleted(coordinator_client):
    organisation = make_organisation(name="Buurthuis")
    make_activity(organisation=organisation)
    make_action(participants=[organisation])

    page = coordinator_client.get(f"/netwerk/organisaties/{organisation.slug}/verwijderen/")
    response = coordinator_client.post(f"/netwerk/organisaties/{organisation.slug}/verwijderen/")

    html = page.content.decode()
    assert "kan niet worden verwijderd" in html
    assert "1 activiteiten" in html and "1 acties op de actieagenda" in html
    assert "Archiveer de organisatie" in html
    assert response.status_code == 409
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_organisation_with_meetings_and_trainings_cannot_be_deleted(coordinator_client, partner):
    organisation = make_organisation()
    meeting = make_meeting()
    meeting.registrations.create(user=partner, name="Henk", organisation=organisation)
    make_training(trainer_organisation=organisation)

    response = coordinator_client.post(f"/netwerk/organisaties/{organisation.slug}/verwijderen/")

    html = response.content.decode()
    assert response.status_code == 409
    assert "1 aanmeldingen voor bijeenkomsten" in html
    assert "1 trainingen gegeven of gevolgd" in html
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_coordinator_archives_an_organisation(coordinator_client):
    organisation = make_organisation()
    make_activity(organisation=organisation)

    response = coordinator_client.post(f"/netwerk/organisaties/{organisation.slug}/archiveren/")

    assert response.url == "/netwerk/organisaties/"
    organisation.refresh_from_db()
    assert organisation.is_active is False


def test_coordinator_deletes_an_unused_organisation_and_keeps_its_people(coordinator_client):
    organisation = make_organisation()
    person = make_person(organisation=organisation, is_ambassador=True)

    response = coordinator_client.post(f"/netwerk/organisaties/{organisation.slug}/verwijderen/")

    assert response.url == "/netwerk/organisaties/"
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert Person.objects.get(pk=person.pk).organisation is None


def test_partner_cannot_delete_or_archive(partner_client, partner):
    organisation = make_organisation(users=[partner])

    assert (
        partner_client.post(f"/netwerk/organisaties/{organisation.slug}/verwijderen/").status_code
        == 403
    )
    assert (
        partner_client.post(f"/netwerk/organisaties/{organisation.slug}/archiveren/").status_code
        == 403
    )
    assert Organisation.objects.get(pk=organisation.pk).is_active


def test_organisation_with_signals_cannot_be_deleted(coordinator_client):
    from tests.factories import make_referral, make_signal

    organisation = make_organisation(name="Huisartsenpraktijk")
    make_signal(reporter_organisation=organisation)
    make_referral(organisation=organisation, activity=None)

    response = coordinator_client.post(f"/netwerk/organisaties/{organisation.slug}/verwijderen/")

    html = response.content.decode()
    assert response.status_code == 409
    assert "1 meldingen" in html
    assert "1 verwijzingen" in html
    assert Organisation.objects.filter(pk=organisation.pk).exists()
