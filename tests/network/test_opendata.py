import csv
import io
from datetime import UTC, date, datetime, time

import pytest
from django.utils import timezone
from icalendar import Calendar

from network.models import Activity
from network.socialmap.ical import AMSTERDAM, calendar
from tests.factories import (
    make_activity,
    make_activity_type,
    make_area,
    make_organisation,
    target_group,
)

pytestmark = pytest.mark.django_db


def full_activity(**overrides):
    overrides.setdefault("title", "Wandelen, kletsen; koffie")
    return make_activity(
        organisation=make_organisation(name="Welzijn Voorburg", website="https://w.example.org"),
        summary="Elke dinsdag.",
        activity_types=[make_activity_type("bewegen")],
        target_groups=[target_group("ouderen")],
        district=make_area(code="WK191602", name="Voorburg-West"),
        venue_name="Buurthuis",
        street="Laan 1",
        postcode="2271 AB",
        city="Voorburg",
        latitude="52.070000",
        longitude="4.360000",
        step_free=True,
        weekdays="TU,TH",
        interval=2,
        valid_from=date(2026, 11, 3),
        valid_until=date(2027, 6, 30),
        start_time=time(10),
        end_time=time(11, 30),
        is_free=False,
        price="2.50",
        phone="070 123 45 67",
        contact_name="Els",
        languages=["nl", "tr"],
        **overrides,
    )


def test_activity_ics_has_rrule_and_timezone(resident):
    activity = full_activity()
    response = resident.get(f"/sociale-kaart/activiteit/{activity.pk}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "TZID:Europe/Amsterdam" in lines
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270630T215959Z;INTERVAL=2;BYDAY=TU,TH" in lines
    assert "SUMMARY:Wandelen\\, kletsen\\; koffie" in lines
    assert any(line.startswith("DTSTART;TZID=Europe/Amsterdam:") for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)


def test_activity_ics_reads_as_a_calendar_program_shows_it(resident):
    activity = full_activity(how_to_join="Bel even.")

    response = resident.get(f"/sociale-kaart/activiteit/{activity.pk}/agenda.ics")

    feed = Calendar.from_ical(response.content)
    [event] = feed.events
    first = activity.next_dates(timezone.localdate(), count=1)[0]
    assert feed.calendar_name == "Wandelen, kletsen; koffie"
    assert event["SUMMARY"] == "Wandelen, kletsen; koffie"
    assert event.start == datetime.combine(first, time(10), AMSTERDAM)
    assert event.end == datetime.combine(first, time(11, 30), AMSTERDAM)
    assert event.start.tzinfo.key == "Europe/Amsterdam"
    assert dict(event["RRULE"]) == {
        "FREQ": ["WEEKLY"],
        "INTERVAL": [2],
        "BYDAY": ["TU", "TH"],
        "UNTIL": [datetime(2027, 6, 30, 21, 59, 59, tzinfo=UTC)],
    }
    assert event["DESCRIPTION"] == "Elke dinsdag.\n\nBel even."
    assert event["LOCATION"] == "Buurthuis, Laan 1, 2271 AB, Voorburg"
    assert [tz.tz_name for tz in feed.timezones] == ["Europe/Amsterdam"]


def test_activity_ics_organiser_name_keeps_its_comma_and_quotes(resident):
    activity = full_activity(email="info@w.example.org")
    activity.organisation.name = 'Welzijn "De Brug", Voorburg'
    activity.organisation.save()

    response = resident.get(f"/sociale-kaart/activiteit/{activity.pk}/agenda.ics")

    [event] = Calendar.from_ical(response.content).events
    assert event["ORGANIZER"] == "mailto:info@w.example.org"
    assert event["ORGANIZER"].params["CN"] == 'Welzijn "De Brug", Voorburg'


def test_ics_calendar_name_stays_on_one_line(resident):
    activity = full_activity(title="Koffie\nBEGIN:VEVENT")

    response = resident.get(f"/sociale-kaart/activiteit/{activity.pk}/agenda.ics")

    feed = Calendar.from_ical(response.content)
    assert feed.calendar_name == "Koffie BEGIN:VEVENT"
    assert [event["SUMMARY"] for event in feed.events] == ["Koffie\nBEGIN:VEVENT"]


def test_ics_of_one_off_dates_uses_rdate():
    activity = make_activity(
        schedule_kind="dates", weekdays="", dates=["2026-12-01", "2026-12-15", "2027-01-05"]
    )
    activity.refresh_from_db()
    body = calendar([activity], name="x", today=date(2026, 11, 23), now=timezone.now())
    text = body.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20261201T100000" in text
    assert "RDATE;TZID=Europe/Amsterdam:20261215T100000,20270105T100000" in text
    [event] = Calendar.from_ical(body).events
    assert event.start == datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM)
    assert event.rdates == [
        (datetime(2026, 12, 15, 10, tzinfo=AMSTERDAM), None),
        (datetime(2027, 1, 5, 10, tzinfo=AMSTERDAM), None),
    ]


def test_long_lines_are_folded():
    activity = make_activity(summary="é" * 100)
    activity.refresh_from_db()
    body = calendar([activity], name="x", today=date(2026, 11, 23), now=timezone.now())
    folded = body.decode()
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert "DESCRIPTION:" + "é" * 100 in folded.replace("\r\n ", "")
    assert Calendar.from_ical(body).events[0]["DESCRIPTION"] == "é" * 100


def test_filtered_ics_feed_only_has_published_matches(resident):
    make_activity(title="Gratis", is_free=True)
    make_activity(title="Betaald", is_free=False, price=3)
    make_activity(title="Verborgen", publication_state=Activity.Publication.PENDING)
    text = resident.get("/sociale-kaart/agenda.ics", {"gratis": "on"}).content.decode()
    assert "SUMMARY:Gratis" in text
    assert "Betaald" not in text and "Verborgen" not in text


def test_csv_export_of_the_filtered_list(resident):
    make_activity(title="Gratis", is_free=True)
    make_activity(title="Betaald", is_free=False, price=3)
    response = resident.get("/sociale-kaart/export.csv", {"gratis": "on"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "naam", "organisatie"]
    assert [r[1] for r in rows[1:]] == ["Gratis"]


def test_csv_export_columns_are_typed_values_as_text(resident):
    activity = full_activity(title="Wandelen", email="info@w.example.org")
    activity.refresh_from_db()

    response = resident.get("/sociale-kaart/export.csv")

    [header, row] = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    line = dict(zip(header, row, strict=True))
    assert header == [
        "id", "naam", "organisatie", "samenvatting", "soort", "doelgroepen", "wijk", "locatie",
        "adres", "postcode", "plaats", "online", "dagen", "begintijd", "eindtijd",
        "volgende_datum", "gratis", "prijs", "aanmelden", "telefoon", "email", "website",
        "laatst_gecontroleerd", "url",
    ]  # fmt: skip
    assert line["online"] == "nee"
    assert line["gratis"] == "nee"
    assert line["prijs"] == "2.50"
    assert (line["begintijd"], line["eindtijd"]) == ("10:00", "11:30")
    assert line["volgende_datum"] == str(activity.next_dates(timezone.localdate(), count=1)[0])
    assert line["laatst_gecontroleerd"] == activity.last_verified_on.isoformat()
    assert line["email"] == "info@w.example.org"


def test_csv_and_calendar_are_in_dutch_for_a_visitor_who_chose_english(resident):
    make_activity(title="Gratis", is_free=True)
    resident.cookies["django_language"] = "en"

    export = resident.get("/sociale-kaart/export.csv")
    feed = resident.get("/sociale-kaart/agenda.ics")

    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert export["Content-Language"] == "en"
    assert rows[0][:3] == ["id", "naam", "organisatie"]
    assert rows[1][16] == "ja"
    assert Calendar.from_ical(feed.content).calendar_name == "Sociale kaart"
