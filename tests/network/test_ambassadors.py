"""The ambassadors' community (issue 14): who is an ambassador, who is active, logging
contributions, and the overview per target group and district."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from network.models import Contribution, Person
from network.models.ambassadors import active_since
from tests.factories import (
    make_area,
    make_organisation,
    make_person,
    make_training,
    target_group,
)

pytestmark = pytest.mark.django_db


def make_ambassador(**overrides):
    overrides.setdefault("is_ambassador", True)
    overrides.setdefault("is_contact", False)
    overrides.setdefault("organisation", None)
    return make_person(**overrides)


def make_contribution(person, **overrides):
    overrides.setdefault("date", timezone.localdate() - timedelta(days=10))
    overrides.setdefault("kind", Contribution.Kind.CONVERSATIONS)
    overrides.setdefault("people_reached", 5)
    return Contribution.objects.create(person=person, **overrides)


def test_completing_an_ambassador_training_makes_an_ambassador(coordinator_client):
    training = make_training(kind="signaleren")
    person = make_person(is_ambassador=False)

    coordinator_client.post(
        f"/netwerk/trainingen/{training.pk}/deelnemer/",
        {"person": person.pk, "completed": "on"},
    )

    assert Person.objects.get(pk=person.pk).is_ambassador is True


def test_taking_part_without_completing_does_not_make_an_ambassador(coordinator_client):
    training = make_training(kind="train-de-trainer")
    person = make_person(is_ambassador=False)

    coordinator_client.post(f"/netwerk/trainingen/{training.pk}/deelnemer/", {"person": person.pk})

    assert Person.objects.get(pk=person.pk).is_ambassador is False


def test_marking_a_participant_completed_later_makes_an_ambassador(coordinator_client):
    training = make_training(kind="train-de-trainer")
    person = make_person(is_ambassador=False)
    participation = training.participations.create(person=person)

    response = coordinator_client.post(
        f"/netwerk/trainingen/{training.pk}/deelnemer/{participation.pk}/afgerond/"
    )

    participation.refresh_from_db()
    assert response.url == f"/netwerk/trainingen/{training.pk}/"
    assert participation.completed is True
    assert Person.objects.get(pk=person.pk).is_ambassador is True


def test_another_kind_of_training_does_not_make_an_ambassador(coordinator_client):
    training = make_training(kind="overig")
    person = make_person(is_ambassador=False)

    coordinator_client.post(
        f"/netwerk/trainingen/{training.pk}/deelnemer/",
        {"person": person.pk, "completed": "on"},
    )

    assert Person.objects.get(pk=person.pk).is_ambassador is False


def test_the_migration_makes_ambassadors_of_who_already_completed_a_training():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("network.migrations.0016_ambassadors_community")
    done = make_person(is_ambassador=False)
    busy = make_person(is_ambassador=False)
    training = make_training(kind="signaleren")
    training.participations.create(person=done, completed=True)
    training.participations.create(person=busy, completed=False)

    migration.ambassadors_from_trainings(apps, None)

    assert list(Person.objects.ambassadors()) == [done]


def test_active_means_a_contribution_within_the_last_six_months(settings):
    settings.AMBASSADOR_ACTIVE_MONTHS = 6
    today = date(2026, 8, 31)
    recent, old, never = make_ambassador(), make_ambassador(), make_ambassador()
    make_contribution(recent, date=date(2026, 2, 28))
    make_contribution(old, date=date(2026, 2, 27))

    active = Person.objects.active_ambassadors(active_since(today))

    assert active_since(today) == date(2026, 2, 28)
    assert list(active) == [recent]
    assert never not in active


def test_partner_logs_a_contribution_of_their_organisations_ambassador(partner, partner_client):
    ambassador = make_ambassador(organisation=make_organisation(users=[partner]))
    district = make_area(name="Voorburg-West")

    response = partner_client.post(
        "/netwerk/ambassadeurs/bijdragen/nieuw/",
        {
            "person": ambassador.pk,
            "date": "2026-11-20",
            "kind": "gesprekken",
            "people_reached": "12",
            "target_group": target_group("ouderen").pk,
            "district": district.pk,
            "note": "Koffieochtend in de bibliotheek",
        },
    )

    contribution = Contribution.objects.get()
    assert response.url == "/netwerk/ambassadeurs/"
    assert (contribution.person, contribution.people_reached, contribution.logged_by) == (
        ambassador,
        12,
        partner,
    )


def test_partner_of_another_organisation_may_not_log_for_an_ambassador_not_theirs(
    other_partner, other_partner_client
):
    make_organisation(users=[other_partner])
    ambassador = make_ambassador(organisation=make_organisation(name="Welzijn"))

    response = other_partner_client.post(
        "/netwerk/ambassadeurs/bijdragen/nieuw/",
        {"person": ambassador.pk, "date": "2026-11-20", "kind": "gesprekken", "people_reached": 3},
    )

    assert response.status_code == 403
    assert not Contribution.objects.exists()


def test_partner_may_not_log_for_an_ambassador_without_an_organisation(partner_client):
    resident_ambassador = make_ambassador()

    response = partner_client.post(
        "/netwerk/ambassadeurs/bijdragen/nieuw/", {"person": resident_ambassador.pk}
    )

    assert response.status_code == 403


def test_coordinator_logs_a_contribution_of_any_ambassador(coordinator_client):
    ambassador = make_ambassador()

    coordinator_client.post(
        "/netwerk/ambassadeurs/bijdragen/nieuw/",
        {
            "person": ambassador.pk,
            "date": "2026-11-01",
            "kind": "voorlichting",
            "people_reached": 40,
        },
    )

    assert Contribution.objects.get().person == ambassador


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("date", "2999-01-01", "Deze datum ligt in de toekomst."),
        ("people_reached", "-1", "Het aantal mensen kan niet lager zijn dan 0."),
        (
            "people_reached",
            "10001",
            "Vul hoogstens 10.000 mensen in. Waren het er meer? "
            "Verdeel het dan over meer bijdragen.",
        ),
        (
            "note",
            "Mevrouw belt terug op 06 1234 5678",
            "Laat e-mailadressen en telefoonnummers weg: in de notitie staan geen persoonlijke "
            "gegevens.",
        ),
    ],
)
def test_contribution_form_gives_clear_dutch_errors(coordinator_client, field, value, error):
    data = {
        "person": make_ambassador().pk,
        "date": "2026-11-01",
        "kind": "gesprekken",
        "people_reached": "4",
    }

    response = coordinator_client.post(
        "/netwerk/ambassadeurs/bijdragen/nieuw/", data | {field: value}
    )

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [error]
    assert not Contribution.objects.exists()


def test_overview_counts_trained_active_contributions_and_people_per_group_and_district(
    partner_client,
):
    west = make_area(name="Voorburg-West")
    older = target_group("ouderen")
    active = make_ambassador(target_group=older, district=west)
    make_ambassador(target_group=older, district=west)  # trained, never contributed
    make_contribution(active, target_group=older, district=west, people_reached=12)
    make_contribution(active, target_group=older, district=west, people_reached=8)
    make_contribution(
        active, target_group=older, district=west, date=date(2020, 1, 1), people_reached=1
    )

    response = partner_client.get("/netwerk/ambassadeurs/")

    rows = list(response.context["page"])
    assert rows == [
        {
            "target_group": "Ouderen",
            "district": "Voorburg-West",
            "trained": 2,
            "active": 1,
            "contributions": 3,
            "people_reached": 21,
        }
    ]
    assert "2 ambassadeurs getraind, van wie 1 actief." in response.content.decode()


def test_overview_filters_by_target_group_and_district(partner_client):
    west, east = make_area(name="West"), make_area(name="Oost")
    make_ambassador(target_group=target_group("ouderen"), district=west)
    make_ambassador(target_group=target_group("jongeren"), district=east)

    response = partner_client.get(
        f"/netwerk/ambassadeurs/?target_group={target_group('jongeren').pk}&district={east.pk}"
    )

    assert [(r["target_group"], r["district"]) for r in response.context["page"]] == [
        ("Jongeren", "Oost")
    ]


def test_overview_downloads_as_csv_and_excel(partner_client):
    make_ambassador(target_group=target_group("ouderen"), district=make_area(name="West"))

    csv = partner_client.get("/netwerk/ambassadeurs/export.csv").getvalue().decode("utf-8-sig")
    xlsx = partner_client.get("/netwerk/ambassadeurs/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active

    assert csv.splitlines() == [
        "doelgroep,wijk,getraind,actief,bijdragen,mensen_bereikt",
        "Ouderen,West,1,0,0,0",
    ]
    assert [c.value for c in sheet[2]] == ["Ouderen", "West", 1, 0, 0, 0]


def test_overview_is_not_public(resident):
    assert resident.get("/netwerk/ambassadeurs/").url.startswith("/accounts/login/")


@pytest.mark.parametrize("count", [1, 30])
def test_overview_uses_fixed_queries(partner_client, django_assert_num_queries, count):
    districts = [make_area(name=f"Wijk {n}") for n in range(3)]
    for n in range(count):
        person = make_ambassador(target_group=target_group("ouderen"), district=districts[n % 3])
        make_contribution(person, district=districts[n % 3])

    # +1: the count of referrals waiting for an answer in the navigation.
    with django_assert_num_queries(9):
        response = partner_client.get("/netwerk/ambassadeurs/")

    assert response.context["totals"]["trained"] == count
