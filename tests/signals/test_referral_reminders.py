"""Unanswered referrals (issue 14): a reminder to the partner after
REFERRAL_ANSWER_WORKING_DAYS working days, a notice to the coordinator after as many again;
each once (manage.py remind_referrals)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from signals.models import Signal, SignalEvent
from signals.services.handshake import accept_referral
from signals.services.reminders import remind_referrals
from tests.factories import make_activity, make_organisation, make_referral, make_signal

pytestmark = pytest.mark.django_db
TZ = datetime.UTC
MONDAY = datetime.datetime(2026, 11, 2, 9, tzinfo=TZ)


def at(day: int) -> datetime.datetime:
    """A moment in the week of MONDAY 2 November 2026 (no public holidays)."""
    return MONDAY + datetime.timedelta(days=day)


@pytest.fixture
def referral(partner, coordinator):
    organisation = make_organisation(users=[partner])
    signal = make_signal(status=Signal.Status.REFERRED, assigned_to=coordinator)
    return make_referral(
        signal=signal, activity=make_activity(organisation=organisation), created_at=MONDAY
    )


def run(now, capture):
    with capture(execute=True):
        return remind_referrals(now=now)


def test_nothing_before_the_answer_term(referral, django_capture_on_commit_callbacks, settings):
    settings.REFERRAL_ANSWER_WORKING_DAYS = 3

    assert run(at(2), django_capture_on_commit_callbacks) == (0, 0)
    assert mail.outbox == []


def test_partner_reminded_once_then_coordinator_told_once(
    referral, partner, coordinator, django_capture_on_commit_callbacks, settings
):
    settings.REFERRAL_ANSWER_WORKING_DAYS = 3

    assert run(at(3), django_capture_on_commit_callbacks) == (1, 0)
    assert run(at(3), django_capture_on_commit_callbacks) == (0, 0)
    assert [m.to for m in mail.outbox] == [[partner.email]]
    assert "Herinnering" in mail.outbox[0].subject
    # Reminded on Thursday; 3 working days later is Tuesday, not Monday.
    assert run(at(7), django_capture_on_commit_callbacks) == (0, 0)
    assert run(at(8), django_capture_on_commit_callbacks) == (0, 1)
    assert run(at(9), django_capture_on_commit_callbacks) == (0, 0)
    assert [m.to for m in mail.outbox] == [[partner.email], [coordinator.email]]
    assert referral.signal.reference in mail.outbox[1].body
    assert referral.signal.person_name not in mail.outbox[1].body
    reminded = referral.signal.events.filter(kind=SignalEvent.Kind.REMINDED)
    assert reminded.count() == 2


def test_answered_referral_gets_no_reminder(
    referral, partner, django_capture_on_commit_callbacks, settings
):
    settings.REFERRAL_ANSWER_WORKING_DAYS = 3
    accept_referral(referral=referral, by=partner)

    assert run(at(10), django_capture_on_commit_callbacks) == (0, 0)


def test_command_reports_what_it_sent(referral, settings):
    settings.REFERRAL_ANSWER_WORKING_DAYS = 0
    out = StringIO()

    call_command("remind_referrals", stdout=out)

    assert out.getvalue().strip() == "1 partner reminder(s), 0 coordinator notice(s)."
