"""The queue's counts per status come from a cache kept per signals version: a new or moved
signal shows in them at once, a coordinator restricted to a district never sees another's
counts, and a hit does not count the signals table again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signals.models import CoordinatorDistrict, Signal
from signals.services.triage import move_signal
from tests.conftest import login
from tests.factories import make_area, make_signal, make_user

pytestmark = pytest.mark.django_db
QUEUE = "/signalen/"


def count_in(html: str, label: str) -> str:
    return html.split(f"{label}</a>: <strong>", 1)[1].split("<", 1)[0]


def test_a_new_signal_shows_in_the_counts_at_once(coordinator_client):
    make_signal(status=Signal.Status.NEW)
    assert count_in(coordinator_client.get(QUEUE).content.decode(), "Nieuw") == "1"

    make_signal(status=Signal.Status.NEW)

    assert count_in(coordinator_client.get(QUEUE).content.decode(), "Nieuw") == "2"


def test_a_moved_signal_shows_in_the_counts_at_once(coordinator_client, coordinator):
    signal = make_signal(status=Signal.Status.NEW)
    coordinator_client.get(QUEUE)

    move_signal(signal=signal, status=Signal.Status.IN_PROGRESS, by=coordinator)

    html = coordinator_client.get(QUEUE).content.decode()
    assert count_in(html, "Nieuw") == "0"
    assert count_in(html, "In behandeling") == "1"


def test_a_district_team_sees_only_its_own_counts(coordinator_client, coordinator):
    north = make_area(code="WK191601", name="Noord")
    south = make_area(code="WK191602", name="Zuid")
    make_signal(district=north)
    make_signal(district=south)
    make_signal(district=south)
    assert count_in(coordinator_client.get(QUEUE).content.decode(), "Nieuw") == "3"
    team = make_user(username="noord@example.org", roles=["coordinator"])
    CoordinatorDistrict.objects.create(user=team, district=north)

    html = login(coordinator_client.__class__(), team).get(QUEUE).content.decode()

    assert count_in(html, "Nieuw") == "1"


def test_a_cached_queue_does_not_count_the_signals_again(coordinator_client):
    for _ in range(3):
        make_signal()
    coordinator_client.get(QUEUE)

    with CaptureQueriesContext(connection) as queries:
        response = coordinator_client.get(QUEUE)

    assert response.status_code == 200
    # Only the "Mijn werk" badge counts, among the coordinator's own signals (an index).
    counting = [
        q["sql"]
        for q in queries
        if "COUNT(" in q["sql"]
        and "signals_signal" in q["sql"]
        and '"signals_signal"."assigned_to_id" =' not in q["sql"]
    ]
    assert counting == [], counting
