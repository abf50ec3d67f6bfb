"""The test-data helpers store the same rows as the app's own services: a factory that takes a
shortcut (tokens made in Python, action dates written once) must not drift from them."""

import datetime

import pytest

from network.models import Activity
from signals.models import Signal
from tests.factories import (
    make_activity,
    make_activity_type,
    make_area,
    make_organisation,
    make_referral,
    make_signal,
    target_group,
)

pytestmark = pytest.mark.django_db

TOKENS = ["search_title", "search_summary", "search_rest"]
ACTION_DATES = ["open_contact_due", "follow_up_on", "action_on"]


def stored(model, pk, fields):
    return model.objects.filter(pk=pk).values(*fields).get()


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"description": "Met een wandeling langs de Vliet.", "venue_name": "Het Klaverblad"},
        {"city": "Voorburg", "title": "Digicafé voor senioren", "district": "make"},
        {"activity_types": []},
        {"activity_types": ["wandelen", "ontmoeting", "bewegen"]},
    ],
    ids=["defaults", "texts", "district", "no-kind", "three-kinds"],
)
def test_activity_tokens_are_those_the_search_refresh_stores(overrides):
    if overrides.get("district") == "make":
        overrides["district"] = make_area(code="WK191699", name="Stompwijk")
    if "activity_types" in overrides:
        overrides["activity_types"] = [make_activity_type(s) for s in overrides["activity_types"]]
    groups = [target_group("ouderen"), target_group("jongeren")]
    activity = make_activity(
        organisation=make_organisation(name="Buurtkamer Ézel"), target_groups=groups, **overrides
    )
    made = stored(Activity, activity.pk, TOKENS)

    Activity.objects.filter(pk=activity.pk).refresh_search_vectors()

    assert made == stored(Activity, activity.pk, TOKENS)
    assert made["search_title"] != ""
    kinds = overrides.get("activity_types", [make_activity_type()])
    assert set(activity.activity_types.all()) == set(kinds)
    assert set(activity.target_groups.all()) == set(groups)


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {
            "status": "referred",
            "first_contact_at": datetime.datetime(2026, 3, 3, tzinfo=datetime.UTC),
        },
        {"call_back_on": datetime.date(2026, 1, 2)},
        {"status": "closed"},
    ],
    ids=["new", "contacted", "call-back", "closed"],
)
def test_signal_action_dates_are_those_the_services_store(overrides):
    signal = make_signal(**overrides)
    made = stored(Signal, signal.pk, ACTION_DATES)

    Signal.objects.filter(pk=signal.pk).refresh_action_dates()

    assert made == stored(Signal, signal.pk, ACTION_DATES)
    assert [getattr(signal, field) for field in ACTION_DATES] == list(made.values())


@pytest.mark.parametrize("given_signal", [False, True])
def test_referral_action_dates_are_those_the_services_store(given_signal):
    signal = {"signal": make_signal(status="referred")} if given_signal else {}
    referral = make_referral(follow_up_on=datetime.date(2026, 12, 1), **signal)
    made = stored(Signal, referral.signal_id, ACTION_DATES)

    Signal.objects.filter(pk=referral.signal_id).refresh_action_dates()

    assert made == stored(Signal, referral.signal_id, ACTION_DATES)
    assert made["follow_up_on"] == datetime.date(2026, 12, 1)
    assert [getattr(referral.signal, field) for field in ACTION_DATES] == list(made.values())
