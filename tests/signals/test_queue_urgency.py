"""The queue's "needs action first" order from the dates stored on the signal
(signals/models/urgency.py): kept by every writer, read page by page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from signals.models import Signal
from signals.services.referrals import record_follow_up, refer_signal
from signals.services.triage import close_signal, log_contact_attempt, move_signal, reopen_signal
from tests.factories import make_activity, make_signal

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
QUEUE = "/signalen/"


def urgency_class(signal, today):
    """The class the queue sorts the signal in: 0 overdue contact, 1 due today, 2 the rest."""
    signal.refresh_from_db()
    if signal.open_contact_due and signal.open_contact_due < today:
        return 0
    due = [d for d in (signal.action_on, signal.follow_up_on) if d]
    return 1 if due and min(due) <= today else 2


def test_stored_dates_follow_every_step_of_the_workflow(coordinator):
    today, now = timezone.localdate(), timezone.now()
    signal = make_signal(contact_due=today - DAY)
    assert urgency_class(signal, today) == 0
    assert Signal.objects.needs_action(today).get() == signal

    move_signal(signal=signal, by=coordinator, status=Signal.Status.IN_PROGRESS)
    log_contact_attempt(signal=signal, by=coordinator, at=now, channel="phone", reached=True)
    assert urgency_class(signal, today) == 2  # first contact made: it leaves class 0
    assert signal.open_contact_due is None and signal.action_on is None

    (referral,) = refer_signal(
        signal=signal,
        by=coordinator,
        activities=[make_activity()],
        organisations=[],
        note="",
        person_agreed=False,
        follow_up_on=today,
    )
    assert urgency_class(signal, today) == 1  # the referral's follow-up is due
    assert signal.action_on == today

    close_signal(signal=signal, by=coordinator, outcome=Signal.Outcome.REFERRED_ACTIVITY)
    signal.refresh_from_db()
    assert signal.action_on is None and signal.open_contact_due is None
    assert not Signal.objects.needs_action(today).exists()

    reopen_signal(signal=signal, by=coordinator, reason="Toch nog iets nodig.")
    signal.refresh_from_db()
    assert signal.action_on == today  # the open follow-up counts again

    record_follow_up(referral=referral, by=coordinator, went="yes", helps="yes", more_needed=False)
    signal.refresh_from_db()
    assert (signal.follow_up_on, signal.action_on) == (None, None)


def test_a_new_signal_from_the_form_is_due_for_first_contact(resident):
    from tests.signals.helpers import report_data

    resident.post("/melden/", report_data())

    signal = Signal.objects.get()
    assert signal.open_contact_due == signal.action_on == signal.contact_due


def _mixed_set(today, now):
    """Signals of every class, received on different days (two of them closed)."""
    made = []
    for n in range(30):
        received = now - (40 - n) * DAY
        kind = n % 5
        if kind == 0:  # overdue first contact
            made.append(make_signal(created_at=received, contact_due=today - DAY))
        elif kind == 1:  # first contact due today
            made.append(make_signal(created_at=received, contact_due=today))
        elif kind == 2:  # contacted, call-back today
            made.append(
                make_signal(
                    created_at=received, contact_due=today, first_contact_at=now, call_back_on=today
                )
            )
        elif kind == 3:  # contacted, nothing due
            made.append(make_signal(created_at=received, contact_due=today, first_contact_at=now))
        else:  # not due yet
            made.append(make_signal(created_at=received, contact_due=today + 3 * DAY))
    make_signal(status=Signal.Status.CLOSED, contact_due=today - DAY)
    make_signal(status=Signal.Status.CANCELLED)
    return made


def test_queue_pages_show_every_open_signal_once_in_urgency_order(coordinator_client):
    today, now = timezone.localdate(), timezone.now()
    made = _mixed_set(today, now)
    expected = sorted(made, key=lambda s: (urgency_class(s, today), s.created_at, s.pk))

    shown = []
    for page in (1, 2):
        html = coordinator_client.get(QUEUE, {"page": page}).content.decode()
        on_page = [s for s in made if f"/signalen/{s.reference}/" in html]
        shown += sorted(on_page, key=lambda s: html.index(f"/signalen/{s.reference}/"))

    assert [s.reference for s in shown] == [s.reference for s in expected]
    assert [urgency_class(s, today) for s in shown[:6]] == [0] * 6


def test_urgency_slices_equal_the_sorted_queryset(db):
    today, now = timezone.localdate(), timezone.now()
    _mixed_set(today, now)
    ordered = Signal.objects.open().by_urgency(today)

    whole = [s.pk for s in ordered.ordered_queryset()]
    pages = [s.pk for start in range(0, 30, 7) for s in ordered[start : start + 7]]

    assert pages == whole
    assert len(whole) == 30


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the plan is PostgreSQL's; runs in the PG pass"
)
def test_default_queue_query_is_read_from_indexes_without_a_sort_of_the_table(db):
    today, now = timezone.localdate(), timezone.now()
    _mixed_set(today, now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE signals_signal")
    ordered = Signal.objects.open().by_urgency(today)
    with CaptureQueriesContext(connection) as queries:
        ordered[0:25]
    captured = [q["sql"] for q in queries.captured_queries if "UNION ALL" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny table: as the planner does at 100k
        cursor.execute("EXPLAIN " + captured[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")

    # Each of the five ranges is read in index order and stopped after a page (a Limit
    # each); only those rows (at most 5 × 25) are sorted, never the whole table.
    assert plan.count("->  Limit") == 5
    assert "Seq Scan on signals_signal" not in plan
