"""The coordinator's queue and timeline (issue 18, point 5): status as a badge with its word,
a one-line summary per signal, and the "personal data viewed" rows folded per person per day."""

import datetime
import re
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse

from signals.models import Signal, SignalEvent
from signals.models.timeline import fold_views
from tests.conftest import login
from tests.factories import make_signal, make_user

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
VIEWED, NOTE = SignalEvent.Kind.VIEWED, SignalEvent.Kind.NOTE


def at(day, hour, minute=0):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=AMS)


def event(signal, kind, by, when, detail=""):
    return SignalEvent.objects.create(signal=signal, kind=kind, by=by, at=when, detail=detail)


def test_views_fold_into_one_line_per_person_per_day_at_the_latest(coordinator):
    other = make_user(roles=["coordinator"])
    signal = make_signal()
    event(signal, VIEWED, coordinator, at(2, 9))
    event(signal, NOTE, coordinator, at(2, 10), "Gebeld, geen gehoor.")
    event(signal, VIEWED, coordinator, at(2, 11))
    event(signal, VIEWED, other, at(2, 12))
    event(signal, VIEWED, coordinator, at(2, 15, 30))
    event(signal, VIEWED, coordinator, at(3, 8))
    events = list(signal.events.order_by("-at", "-pk"))

    lines = [
        (line.kind, line.by, getattr(line, "count", None), line.at) for line in fold_views(events)
    ]

    assert lines == [
        (VIEWED, coordinator, 1, at(3, 8)),
        (VIEWED, coordinator, 3, at(2, 15, 30)),
        (VIEWED, other, 1, at(2, 12)),
        (NOTE, coordinator, None, at(2, 10)),
    ]


def test_timeline_shows_folded_views_with_count_and_the_real_events(coordinator):
    signal = make_signal()
    event(signal, VIEWED, coordinator, at(2, 9, 5))
    event(signal, NOTE, coordinator, at(2, 10), "Gebeld, geen gehoor.")
    event(signal, VIEWED, coordinator, at(2, 14, 40))
    client = login(Client(), coordinator)

    html = client.get(reverse("signals:detail", args=[signal.reference])).content.decode()
    timeline = html.split('<ol class="timeline"')[1].split("</ol>")[0]
    items = [
        re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", li)).strip()
        for li in re.findall(r"<li[^>]*>(.*?)</li>", timeline, re.S)
    ]

    name = coordinator.get_full_name()
    assert items[1:] == [
        f"Persoonsgegevens bekeken · 2 november 2026 · {name} · 2 keer, tussen 09:05 en 14:40",
        f"Notitie · 2 november 2026 10:00 · {name} Gebeld, geen gehoor.",
    ]
    assert items[0].startswith("Persoonsgegevens bekeken · ")  # this very look, today


def test_queue_shows_status_badge_with_its_word_and_a_summary_line(coordinator_client):
    make_signal(status=Signal.Status.IN_PROGRESS)
    make_signal(
        reporter_kind=Signal.ReporterKind.SELF,
        age_band=Signal.AgeBand.AGE_18_25,
        person_aware="",
        contact_route=Signal.ContactRoute.EMAIL,
        contact_email="a@example.org",
    )

    html = coordinator_client.get("/signalen/").content.decode()

    assert '<span class="status-badge status-in_progress">In behandeling</span>' in html
    assert '<span class="status-badge status-new">Nieuw</span>' in html
    summaries = re.findall(r'<span class="queue-summary">([^<]+)</span>', html)
    assert sorted(summaries) == [
        "Iemand maakt zich zorgen · leeftijd ouder dan 75 · de persoon weet het niet"
        " · wil gebeld worden",
        "Over zichzelf · leeftijd 18 tot en met 25 · wil een e-mail",
    ]
    assert "buurvrouw" not in html  # the free text stays on the audited signal page
