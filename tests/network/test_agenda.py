import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from network.models import Action, Goal, ProgressNote
from tests.factories import make_action, make_organisation, target_group

pytestmark = pytest.mark.django_db


def test_three_goals_exist_once_even_when_the_migration_runs_again():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("network.migrations.0008_goals_and_partner_roles")
    Goal.objects.filter(number=1).update(title="Eigen titel")
    migration.goals_and_roles(apps, None)

    assert list(Goal.objects.values_list("number", flat=True)) == [1, 2, 3]
    assert Goal.objects.get(number=1).title == "Eigen titel"
    assert Goal.objects.get(number=2).title == "Creëer een lokaal netwerk"


def test_coordinator_edits_a_goal(coordinator_client, partner_client):
    goal = Goal.objects.get(number=3)

    response = coordinator_client.post(
        f"/netwerk/actieagenda/doelen/{goal.pk}/", {"title": "Duurzaam", "description": "Tekst"}
    )

    assert response.url == "/netwerk/actieagenda/doelen/"
    assert Goal.objects.get(number=3).title == "Duurzaam"
    assert partner_client.get(f"/netwerk/actieagenda/doelen/{goal.pk}/").status_code == 403


def test_agenda_of_a_year_is_grouped_by_goal(partner_client):
    make_action(title="Week tegen eenzaamheid", goal=Goal.objects.get(number=1))
    make_action(title="Netwerkkaart", goal=Goal.objects.get(number=2))
    make_action(title="Actie uit 2025", year=2025)

    html = partner_client.get("/netwerk/actieagenda/2026/").content.decode()

    assert html.index("Doel 1:") < html.index("Week tegen eenzaamheid") < html.index("Doel 2:")
    assert html.index("Doel 2:") < html.index("Netwerkkaart")
    assert "Actie uit 2025" not in html


def test_agenda_filters_by_status(partner_client):
    make_action(title="Loopt al", status="loopt")
    make_action(title="Nog gepland", status="gepland")

    response = partner_client.get("/netwerk/actieagenda/2026/?status=loopt")

    assert [a.title for a in response.context["page"]] == ["Loopt al"]


@pytest.mark.parametrize("rows", [1, 20])
def test_agenda_uses_fixed_queries(partner_client, django_assert_max_num_queries, rows):
    organisation = make_organisation()
    for _ in range(rows):
        make_action(lead_organisation=organisation, participants=[make_organisation()])

    # +1: the count of referrals waiting for an answer in the navigation; +1: the focus
    # groups' findings that led to the actions (issue 16).
    with django_assert_max_num_queries(11):
        response = partner_client.get("/netwerk/actieagenda/2026/")

    assert len(response.context["page"]) == rows


def test_agenda_is_not_public(resident):
    assert resident.get("/netwerk/actieagenda/2026/").url.startswith("/accounts/login/")


def test_coordinator_creates_an_action(coordinator_client):
    lead = make_organisation(name="Welzijn")
    response = coordinator_client.post(
        "/netwerk/acties/nieuw/",
        {
            "goal": Goal.objects.get(number=2).pk,
            "year": "2026",
            "title": "Maatjesproject",
            "target_groups": [target_group("ouderen").pk],
            "lead_organisation": lead.pk,
            "starts_on": "2026-02-01",
            "ends_on": "2026-11-30",
            "status": "loopt",
            "indicator_target": "10% minder ernstig eenzame ouderen",
        },
    )

    action = Action.objects.get()
    assert response.url == f"/netwerk/acties/{action.pk}/"
    assert action.lead_organisation == lead
    assert action.indicator_target == "10% minder ernstig eenzame ouderen"


def test_editing_an_action_keeps_its_year(coordinator_client):
    action = make_action(year=2024, title="Oud")

    form = coordinator_client.get(f"/netwerk/acties/{action.pk}/bewerken/").context["form"]

    assert form["year"].value() == 2024


def test_action_dates_must_be_in_order(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/acties/nieuw/",
        {
            "goal": Goal.objects.get(number=1).pk,
            "year": "2026",
            "title": "Omgekeerd",
            "starts_on": "2026-06-01",
            "ends_on": "2026-05-01",
            "status": "gepland",
        },
    )

    assert response.context["form"].errors["ends_on"] == [
        "Het einde mag niet voor het begin liggen."
    ]
    assert not Action.objects.exists()


def test_partner_cannot_create_actions(partner_client):
    assert partner_client.get("/netwerk/acties/nieuw/").status_code == 403


def test_partner_adds_a_progress_note_to_an_action_of_their_organisation(partner_client, partner):
    action = make_action(participants=[make_organisation(users=[partner])])

    response = partner_client.post(f"/netwerk/acties/{action.pk}/voortgang/", {"text": "Gestart"})

    assert response.url == f"/netwerk/acties/{action.pk}/"
    note = ProgressNote.objects.get()
    assert (note.text, note.author, note.action) == ("Gestart", partner, action)
    assert "Gestart" in partner_client.get(response.url).content.decode()


def test_lead_partner_may_add_notes(partner_client, partner):
    action = make_action(lead_organisation=make_organisation(users=[partner]))

    partner_client.post(f"/netwerk/acties/{action.pk}/voortgang/", {"text": "Loopt goed"})

    assert ProgressNote.objects.get().text == "Loopt goed"


def test_partner_of_another_organisation_cannot_add_notes(other_partner_client, partner):
    action = make_action(participants=[make_organisation(users=[partner])])

    response = other_partner_client.post(
        f"/netwerk/acties/{action.pk}/voortgang/", {"text": "Ingebroken"}
    )

    assert response.status_code == 403
    assert not ProgressNote.objects.exists()
    page = other_partner_client.get(f"/netwerk/acties/{action.pk}/").content.decode()
    assert "Voortgang toevoegen" not in page


def test_empty_progress_note_is_refused_in_dutch(coordinator_client):
    action = make_action()

    response = coordinator_client.post(f"/netwerk/acties/{action.pk}/voortgang/", {"text": ""})

    assert response.status_code == 400
    assert response.context["note_form"].errors["text"] == ["Dit veld is verplicht."]


def test_organisation_view_shows_what_it_committed_to(partner_client):
    organisation = make_organisation(name="Bibliotheek")
    make_action(title="Leesclub", lead_organisation=organisation)
    make_action(title="Taalcafé", participants=[organisation])
    make_action(title="Niet van ons")

    response = partner_client.get(f"/netwerk/actieagenda/organisatie/{organisation.slug}/")

    assert sorted(a.title for a in response.context["page"]) == ["Leesclub", "Taalcafé"]
    assert "trekker" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_commitments_use_fixed_queries(partner_client, django_assert_max_num_queries, rows):
    organisation = make_organisation()
    for _ in range(rows):
        make_action(participants=[organisation])

    # +1: the count of referrals waiting for an answer in the navigation; +1: the focus
    # groups' findings that led to the actions (issue 16).
    with django_assert_max_num_queries(11):
        response = partner_client.get(f"/netwerk/actieagenda/organisatie/{organisation.slug}/")

    assert len(response.context["page"]) == rows


def test_print_overview_counts_per_goal(partner_client):
    make_action(title="A", status="afgerond")
    make_action(title="B", status="loopt")
    make_action(title="C", goal=Goal.objects.get(number=3))

    response = partner_client.get("/netwerk/actieagenda/2026/afdrukken/")

    html = response.content.decode()
    assert "Actieagenda 2026 in één oogopslag" in html
    assert "3 acties onder drie langetermijndoelen" in html
    assert "network/agenda_print.css" in html
    goals = {goal.number: goal for goal, _actions in response.context["sections"]}
    assert (goals[1].total, goals[1].done, goals[1].running) == (2, 1, 1)
    assert goals[3].total == 1


def test_actions_csv(partner_client):
    make_action(title="Week tegen eenzaamheid", starts_on=date(2026, 9, 28))

    response = partner_client.get("/netwerk/actieagenda/2026/export.csv")
    lines = response.getvalue().decode("utf-8-sig").splitlines()

    assert lines[0] == (
        "doel,actie,status,trekker,deelnemers,start,einde,indicator,meetbaar_doel,doelaantal,bereikt"
    )
    assert lines[1] == "1,Week tegen eenzaamheid,gepland,,,2026-09-28,,,,,0"


def test_actions_csv_is_not_public(resident):
    assert resident.get("/netwerk/actieagenda/2026/export.csv").status_code == 302


def test_actions_xlsx_has_numbers_and_dates_as_such(partner_client, resident):
    make_action(title="Week tegen eenzaamheid", starts_on=date(2026, 9, 28))

    response = partner_client.get("/netwerk/actieagenda/2026/export.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert response["Content-Disposition"] == 'attachment; filename="actieagenda-2026.xlsx"'
    assert [c.value for c in sheet[1]] == [
        "doel", "actie", "status", "trekker", "deelnemers", "start", "einde", "indicator",
            "meetbaar_doel", "doelaantal", "bereikt",
    ]  # fmt: skip
    assert [c.value for c in sheet[2]] == [
        1, "Week tegen eenzaamheid", "gepland", None, None, datetime(2026, 9, 28), None, None,
        None, None, 0,
    ]  # fmt: skip
    assert type(sheet["A2"].value) is int
    assert sheet["F2"].is_date
    assert resident.get("/netwerk/actieagenda/2026/export.xlsx").status_code == 302


def test_agenda_download_links_keep_the_filters_but_not_the_page(partner_client):
    for n in range(51):
        make_action(title=f"Actie {n:02d}", status="loopt")

    first = partner_client.get("/netwerk/actieagenda/2026/", {"status": "loopt"}).content.decode()
    html = partner_client.get("/netwerk/actieagenda/2026/", {"status": "loopt", "page": 2})
    html = html.content.decode()

    assert 'href="?status=loopt&amp;page=2"' in first
    assert 'href="?status=loopt&amp;page=1"' in html
    assert 'href="/netwerk/actieagenda/2026/export.csv?status=loopt">Downloaden als CSV' in html
    assert 'href="/netwerk/actieagenda/2026/export.xlsx?status=loopt">Downloaden als Excel' in html


@pytest.mark.parametrize("rows", [1, 20])
def test_action_page_uses_fixed_queries(
    coordinator_client, coordinator, django_assert_max_num_queries, rows
):
    action = make_action(participants=[make_organisation() for _ in range(rows)])
    for n in range(rows):
        ProgressNote.objects.create(
            action=action, author=coordinator, text=f"Stap {n}", written_on=date(2026, 3, 1)
        )

    # With the "Mijn werk" count in the menu, and the residents' findings (issue 16).
    with django_assert_max_num_queries(13):
        response = coordinator_client.get(f"/netwerk/acties/{action.pk}/")

    assert response.content.decode().count("Stap ") == rows
