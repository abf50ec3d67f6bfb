import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from signals.models import Signal
from signals.workdays import add_working_days
from tests.factories import make_signal

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 11, 23), 3, D(2026, 11, 26)),  # Monday → Thursday
        (D(2026, 11, 26), 3, D(2026, 12, 1)),  # Thursday → Tuesday, over the weekend
        (D(2026, 12, 23), 3, D(2026, 12, 29)),  # over Christmas (Friday 25 December)
        (D(2026, 4, 2), 1, D(2026, 4, 7)),  # Good Friday and Easter Monday skipped
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # King's Day (Monday 27 April) skipped
    ],
)
def test_add_working_days_skips_weekends_and_dutch_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_first_contact_due_uses_setting(settings):
    settings.SIGNAL_FIRST_CONTACT_DAYS = 5

    assert Signal.first_contact_due(D(2026, 11, 23)) == D(2026, 11, 30)


def test_overdue_only_open_signals_without_first_contact():
    today = D(2026, 11, 23)
    late = make_signal(contact_due=D(2026, 11, 20))
    make_signal(contact_due=D(2026, 11, 23))
    make_signal(contact_due=D(2026, 11, 20), status=Signal.Status.CLOSED)
    make_signal(
        contact_due=D(2026, 11, 20),
        first_contact_at=datetime.datetime(2026, 11, 19, 10, tzinfo=datetime.UTC),
    )

    assert list(Signal.objects.overdue(today)) == [late]
    assert late.is_overdue(today)


def test_overdue_digest_mails_coordinators_references_only(settings):
    settings.COORDINATOR_EMAIL = "servicepunt@example.org"
    late = make_signal(contact_due=D(2020, 1, 6), person_name="Mevr. Bakker")

    call_command("send_overdue_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["servicepunt@example.org"]
    assert message.subject == "1 meldingen zijn te laat"
    assert f"{late.reference}: eerste contact had op 6 januari 2020 moeten zijn" in message.body
    assert "Bakker" not in message.body


def test_no_digest_without_overdue_signals():
    make_signal(contact_due=D(2099, 1, 1))

    call_command("send_overdue_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert mail.outbox == []
