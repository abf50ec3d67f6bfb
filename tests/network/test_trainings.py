import pytest

from network.models import Participation, Training
from tests.factories import make_organisation, make_person, make_training

pytestmark = pytest.mark.django_db


def test_coordinator_records_a_training(coordinator_client):
    trainer = make_organisation(name="Welzijn Voorburg")

    response = coordinator_client.post(
        "/netwerk/trainingen/nieuw/",
        {
            "title": "Signaleren voorjaar",
            "kind": "signaleren",
            "held_on": "2026-04-14",
            "trainer_organisation": trainer.pk,
        },
    )

    training = Training.objects.get()
    assert response.url == f"/netwerk/trainingen/{training.pk}/"
    assert training.trainer == trainer


def test_training_needs_a_trainer(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/trainingen/nieuw/",
        {"title": "Zonder trainer", "kind": "overig", "held_on": "2026-04-14"},
    )

    assert response.context["form"].errors["trainer_person"] == [
        "Kies de trainer: een persoon of een organisatie."
    ]
    assert not Training.objects.exists()


def test_coordinator_adds_participants_once(coordinator_client):
    training = make_training()
    person = make_person(is_ambassador=True, organisation=None)
    url = f"/netwerk/trainingen/{training.pk}/deelnemer/"

    first = coordinator_client.post(url, {"person": person.pk, "completed": "on"})
    second = coordinator_client.post(url, {"person": person.pk})

    assert first.url == f"/netwerk/trainingen/{training.pk}/"
    assert second.status_code == 400
    assert second.context["form"].errors["person"] == [
        "Deze persoon doet al mee aan deze training."
    ]
    assert Participation.objects.get().completed is True


def test_partner_sees_trainings_but_cannot_change_them(partner_client):
    training = make_training(title="Signaleren najaar")
    person = make_person()

    assert "Signaleren najaar" in partner_client.get("/netwerk/trainingen/").content.decode()
    assert partner_client.get("/netwerk/trainingen/nieuw/").status_code == 403
    response = partner_client.post(
        f"/netwerk/trainingen/{training.pk}/deelnemer/", {"person": person.pk}
    )
    assert response.status_code == 403
    assert not Participation.objects.exists()


def test_training_list_filters_by_kind(partner_client):
    make_training(title="Voor trainers", kind=Training.Kind.TRAIN_THE_TRAINER)
    make_training(title="Signaleren")

    response = partner_client.get("/netwerk/trainingen/?kind=train-de-trainer")

    assert [t.title for t in response.context["page"]] == ["Voor trainers"]


def test_trainings_are_not_public(resident):
    assert resident.get("/netwerk/trainingen/").url.startswith("/accounts/login/")
    assert resident.get("/netwerk/trainingen/cascade/").url.startswith("/accounts/login/")


@pytest.mark.parametrize("rows", [1, 20])
def test_training_list_uses_fixed_queries(partner_client, django_assert_max_num_queries, rows):
    trainer = make_person()
    for _ in range(rows):
        training = make_training(trainer_person=trainer)
        training.participations.create(person=make_person(), completed=True)

    # +1: the count of referrals waiting for an answer in the navigation.
    with django_assert_max_num_queries(7):
        response = partner_client.get("/netwerk/trainingen/")

    assert len(response.context["page"]) == rows
    assert response.context["page"][0].completed_count == 1


def test_cascade_shows_who_trained_whom_and_how_many_were_reached(partner_client):
    from datetime import date

    anna = make_person(name="Anna Trainer", is_ambassador=True)
    bram = make_person(name="Bram", is_ambassador=True)
    first = make_training(kind=Training.Kind.TRAIN_THE_TRAINER, held_on=date(2025, 1, 10))
    first.participations.create(person=anna, completed=True)
    later = make_training(trainer_person=anna, held_on=date(2025, 6, 1))
    later.participations.create(person=bram, completed=True)
    last = make_training(trainer_person=bram, held_on=date(2025, 9, 1))
    for n in range(3):
        last.participations.create(person=make_person(name=f"Bewoner {n}"))

    response = partner_client.get("/netwerk/trainingen/cascade/")

    rows = response.context["rows"]
    assert [(row["training"], row["direct"], row["further"]) for row in rows] == [
        (first, 1, 4),
        (later, 1, 3),
        (last, 3, 0),
    ]
    assert response.context["reached"] == 5
    assert "5 mensen bereikt met de trainingen." in response.content.decode()


def test_counts_per_year_for_monitoring(partner_client):
    from datetime import date

    person = make_person()
    make_training(held_on=date(2025, 3, 1)).participations.create(person=person, completed=True)
    second = make_training(held_on=date(2025, 9, 1))
    second.participations.create(person=person)
    second.participations.create(person=make_person(), completed=True)
    make_training(held_on=date(2026, 2, 1)).participations.create(person=make_person())

    response = partner_client.get("/netwerk/trainingen/cascade/")

    assert response.context["per_year"] == [
        {"year": 2025, "trainings": 2, "participants": 2, "completed": 2},
        {"year": 2026, "trainings": 1, "participants": 1, "completed": 0},
    ]


@pytest.mark.parametrize("rows", [1, 20])
def test_cascade_uses_fixed_queries(partner_client, django_assert_max_num_queries, rows):
    trainer = make_person()
    for _ in range(rows):
        make_training(trainer_person=trainer).participations.create(person=make_person())

    # +1: the count of referrals waiting for an answer in the navigation.
    with django_assert_max_num_queries(11):
        response = partner_client.get("/netwerk/trainingen/cascade/")

    assert len(response.context["rows"]) == rows


def test_training_form_speaks_dutch_in_its_choices(coordinator_client):
    html = coordinator_client.get("/netwerk/trainingen/nieuw/").content.decode()

    assert "Select an option" not in html
    assert "– geen –" in html


@pytest.mark.parametrize("rows", [1, 20])
def test_training_page_uses_fixed_queries(coordinator_client, django_assert_max_num_queries, rows):
    training = make_training()
    for n in range(rows):
        training.participations.create(
            person=make_person(name=f"Deelnemer {n}"), organisation=make_organisation()
        )

    with django_assert_max_num_queries(13):
        response = coordinator_client.get(f"/netwerk/trainingen/{training.pk}/")

    assert response.content.decode().count("<td>Deelnemer ") == rows
