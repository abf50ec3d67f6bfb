"""The lead partner of an action updates its status and progress (issue 14, part A)."""

import pytest
from django.utils import timezone

from network.models import Action, ProgressNote
from tests.factories import make_action, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def led_action(partner):
    lead = make_organisation(name="Welzijn Voorburg", users=[partner])
    return make_action(
        title="Ambassadeurs trainen",
        lead_organisation=lead,
        target_label="ambassadeurs getraind",
        target_value=30,
        current_value=12,
    )


def test_lead_partner_updates_status_number_and_writes_a_dated_note(partner_client, led_action):
    response = partner_client.post(
        f"/netwerk/acties/{led_action.pk}/stand/",
        {"status": "loopt", "current_value": "18", "text": "Tweede groep is klaar."},
    )

    led_action.refresh_from_db()
    note = ProgressNote.objects.get(action=led_action)
    assert response.url == f"/netwerk/acties/{led_action.pk}/"
    assert (led_action.status, led_action.current_value) == ("loopt", 18)
    assert (note.text, note.value, note.written_on) == (
        "Tweede groep is klaar.",
        18,
        timezone.localdate(),
    )


def test_an_update_without_text_still_leaves_a_note_in_dutch(partner_client, led_action):
    partner_client.post(
        f"/netwerk/acties/{led_action.pk}/stand/", {"status": "afgerond", "current_value": "30"}
    )

    assert ProgressNote.objects.get(action=led_action).text == (
        "Status: afgerond. Aantal tot nu toe: 30."
    )


def test_a_partner_who_only_takes_part_may_not_update_progress(
    other_partner, other_partner_client, led_action
):
    led_action.participants.set([make_organisation(name="Sportclub", users=[other_partner])])

    response = other_partner_client.post(
        f"/netwerk/acties/{led_action.pk}/stand/", {"status": "afgerond", "current_value": "30"}
    )

    led_action.refresh_from_db()
    assert response.status_code == 403
    assert (led_action.status, led_action.current_value) == ("gepland", 12)


def test_coordinator_updates_progress_of_any_action(coordinator_client, led_action):
    coordinator_client.post(
        f"/netwerk/acties/{led_action.pk}/stand/", {"status": "loopt", "current_value": "20"}
    )

    assert Action.objects.get(pk=led_action.pk).current_value == 20


def test_a_negative_number_is_refused_with_a_dutch_error(partner_client, led_action):
    response = partner_client.post(
        f"/netwerk/acties/{led_action.pk}/stand/", {"status": "loopt", "current_value": "-3"}
    )

    assert response.status_code == 400
    assert response.context["progress_form"].errors["current_value"] == [
        "Zorg ervoor dat deze waarde minstens 0 is."
    ]
    assert Action.objects.get(pk=led_action.pk).current_value == 12


def test_action_page_shows_the_update_form_only_to_the_lead(
    partner_client, other_partner_client, led_action
):
    mine = partner_client.get(f"/netwerk/acties/{led_action.pk}/").content.decode()
    theirs = other_partner_client.get(f"/netwerk/acties/{led_action.pk}/").content.decode()

    assert "Status en voortgang bijwerken" in mine
    assert "Status en voortgang bijwerken" not in theirs


def test_progress_is_a_bar_with_the_same_in_words_on_list_and_page(partner_client, led_action):
    page = partner_client.get(f"/netwerk/acties/{led_action.pk}/").content.decode()
    agenda = partner_client.get("/netwerk/actieagenda/2026/").content.decode()

    bar = (
        '<progress value="12" max="30" aria-label="Voortgang: 12 van 30 ambassadeurs getraind">'
        "40%</progress>"
    )
    for html in (page, agenda):
        assert bar in html
        assert "12 van 30 ambassadeurs getraind (40%)" in html


def test_coordinator_sets_the_measurable_target_of_an_action(coordinator_client, led_action):
    response = coordinator_client.post(
        f"/netwerk/acties/{led_action.pk}/bewerken/",
        {
            "goal": led_action.goal_id,
            "year": "2026",
            "title": led_action.title,
            "status": "gepland",
            "target_value": "40",
            "target_label": "",
        },
    )

    assert response.context["form"].errors["target_label"] == [
        "Schrijf op wat u telt, bijvoorbeeld “ambassadeurs getraind”."
    ]


def test_the_migration_turns_a_count_in_the_old_text_into_the_target():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("network.migrations.0015_action_progress")
    counted = make_action(indicator_target="30 ambassadeurs getraind")
    percent = make_action(indicator_target="10% minder ernstig eenzame ouderen")

    migration.targets_from_text(apps, None)

    counted.refresh_from_db()
    percent.refresh_from_db()
    assert (counted.target_value, counted.target_label, counted.indicator_target) == (
        30,
        "ambassadeurs getraind",
        "",
    )
    assert (percent.target_value, percent.indicator_target) == (
        None,
        "10% minder ernstig eenzame ouderen",
    )


def test_progress_percent_is_capped_and_absent_without_a_target():
    assert Action(target_value=10, current_value=25).progress_percent == 100
    assert Action(target_value=None, current_value=5).progress_percent is None
