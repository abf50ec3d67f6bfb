"""Words residents read (issue 18): dates written out one way, "toegankelijk toilet", markers
named after the activity and its street."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from coalition.lib import written_date
from network.socialmap import search
from tests.factories import make_activity


def test_written_date_is_the_same_everywhere():
    with translation.override("nl"):
        day = date(2026, 12, 1)
        moment = datetime(2026, 12, 10, 9, 0, tzinfo=ZoneInfo("UTC"))

        assert written_date(day) == "1 december 2026"
        assert written_date(day, weekday=True) == "dinsdag 1 december 2026"
        assert written_date(moment, weekday=True, time=True) == "donderdag 10 december 2026, 10:00"


def test_date_filters_use_the_one_helper():
    template = Template("{% load dates %}{{ day|weekday_date }} · {{ empty|weekday_date }}.")

    with translation.override("nl"):
        assert template.render(Context({"day": date(2026, 12, 1)})) == "dinsdag 1 december 2026 · ."


@pytest.mark.django_db
def test_activity_page_says_toegankelijk_toilet(client):
    activity = make_activity(accessible_toilet=True)

    body = client.get(activity.get_absolute_url()).content.decode()

    assert "<li>Toegankelijk toilet</li>" in body
    assert "nvalidentoilet" not in body


@pytest.mark.django_db
def test_map_markers_are_named_after_the_activity_and_its_street():
    make_activity(
        title="Wandelgroep Voorburg-West",
        street="Herenstraat 11",
        latitude="52.07",
        longitude="4.36",
    )
    make_activity(title="Zonder straat", latitude="52.08", longitude="4.37")

    labels = [point["label"] for point in search.map_points({})]

    assert labels == ["Wandelgroep Voorburg-West, Herenstraat 11", "Zonder straat"]
