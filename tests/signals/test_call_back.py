import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from signals.models import Signal, SignalEvent
from tests.factories import make_signal

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def call_back(client, signal, **data):
    return client.post(reverse("signals:call_back", args=[signal.reference]), data)


def test_coordinator_agrees_a_call_back_recorded_on_the_timeline(coordinator_client, coordinator):
    signal = make_signal(status="in_progress", contact_when="liever niet op maandag")
    day = timezone.localdate() + 2 * DAY

    response = call_back(coordinator_client, signal, on=day.isoformat(), part="afternoon")

    signal.refresh_from_db()
    event = signal.events.get(kind=SignalEvent.Kind.CALL_BACK)
    with translation.override("nl"):
        expected = f"Terugbellen op {date_format(day, 'DATE_FORMAT')}, in de middag."
    assert response["Location"] == signal.get_absolute_url()
    assert (signal.call_back_on, signal.call_back_part) == (day, "afternoon")
    assert (event.by, event.detail) == (coordinator, expected)
    assert signal.contact_when == "liever niet op maandag"


def test_signal_page_shows_the_agreement_next_to_what_the_resident_wrote(coordinator_client):
    day = timezone.localdate() + DAY
    signal = make_signal(contact_when="na 18 uur", call_back_on=day, call_back_part="evening")

    html = coordinator_client.get(signal.get_absolute_url()).content.decode()

    with translation.override("nl"):
        shown = date_format(day, "DATE_FORMAT")
    assert 'Beste tijd (zoals de melder het schreef)</dt><dd class="col-sm-8">na 18 uur' in html
    assert f'<dd class="col-sm-8" id="signal-call-back">{shown}, avond</dd>' in html
    assert "Terugbellen afspreken" in html


def test_call_back_in_the_past_is_refused_in_dutch(coordinator_client):
    signal = make_signal(status="in_progress")
    yesterday = timezone.localdate() - DAY

    response = call_back(coordinator_client, signal, on=yesterday.isoformat(), part="morning")

    signal.refresh_from_db()
    assert response.status_code == 400
    assert "Kies vandaag of een latere dag om terug te bellen." in response.content.decode()
    assert signal.call_back_on is None
    assert not signal.events.filter(kind=SignalEvent.Kind.CALL_BACK).exists()


def test_call_back_needs_a_part_of_the_day(coordinator_client):
    signal = make_signal(status="in_progress")

    response = call_back(coordinator_client, signal, on=timezone.localdate().isoformat())

    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()


def test_call_back_on_a_closed_signal_is_refused(coordinator_client):
    signal = make_signal(status=Signal.Status.CLOSED)

    response = call_back(
        coordinator_client, signal, on=timezone.localdate().isoformat(), part="morning"
    )

    signal.refresh_from_db()
    assert signal.call_back_on is None
    assert signal.events.get().kind == SignalEvent.Kind.REFUSED
    follow = coordinator_client.get(response["Location"]).content.decode()
    assert "Heropen de melding voordat u iets toevoegt." in follow


def test_a_contact_attempt_on_the_day_settles_the_call_back(coordinator_client):
    today = timezone.localdate()
    signal = make_signal(status="in_progress", call_back_on=today, call_back_part="morning")

    coordinator_client.post(
        reverse("signals:contact_attempt", args=[signal.reference]),
        {
            "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "channel": "phone",
            "reached": "no",
        },
    )

    signal.refresh_from_db()
    assert (signal.call_back_on, signal.call_back_part, signal.failed_attempts) == (None, "", 1)


def test_partner_may_not_agree_a_call_back(partner_client):
    signal = make_signal()

    response = call_back(
        partner_client, signal, on=timezone.localdate().isoformat(), part="evening"
    )

    assert response.status_code == 403
