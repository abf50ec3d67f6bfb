import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from signals.models import SignalMail
from tests.factories import make_activity, make_signal

pytestmark = pytest.mark.django_db


def run(*args):
    """The command's output and exit status."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("check_platform", *args, stdout=out)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return out.getvalue(), status


def test_all_well_exits_zero():
    make_activity(last_verified_on=timezone.localdate())
    make_signal(contact_due=timezone.localdate() + datetime.timedelta(days=3))

    output, status = run()

    assert status == 0
    assert "Signalen zonder eerste contact binnen de beloofde termijn: 0" in output
    assert "Alles is in orde." in output


def test_reports_everything_that_needs_attention():
    today = timezone.localdate()
    late = make_signal(contact_due=today - datetime.timedelta(days=2))
    make_signal(
        contact_due=today - datetime.timedelta(days=2), first_contact_at=timezone.now()
    )  # contacted: fine
    make_activity(title="Oude koffieochtend", last_verified_on=today - datetime.timedelta(days=400))
    make_activity(last_verified_on=today - datetime.timedelta(days=30))
    DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="coalition.tasks.send_email",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="smtplib.SMTPException",
        traceback="...",
    )
    SignalMail.objects.create(
        signal=late,
        kind="notification",
        to="ssp@example.org",
        subject="Nieuw signaal",
        body="...",
        state=SignalMail.State.FAILED,
        last_error="Connection refused",
    )

    output, status = run()

    assert status == 1
    assert "Signalen zonder eerste contact binnen de beloofde termijn: 1" in output
    assert "Gepubliceerde activiteiten die 12 maanden niet zijn gecontroleerd: 1" in output
    assert "Achtergrondtaken die zijn mislukt: 1" in output
    assert "E-mails over signalen die niet verstuurd konden worden: 1" in output
    assert f"{late.reference} (eerste contact uiterlijk" in output
    assert "Oude koffieochtend (laatst gecontroleerd:" in output
    assert "coalition.tasks.send_email" in output
    assert "Connection refused" in output
    assert "Er is iets dat aandacht nodig heeft." in output


def test_json_output():
    make_signal(contact_due=timezone.localdate() - datetime.timedelta(days=1))

    output, status = run("--json")

    data = json.loads(output)
    assert status == 1
    assert data["ok"] is False
    assert data["checks"]["overdue_signals"]["count"] == 1
    assert data["checks"]["failed_tasks"]["count"] == 0
    assert set(data["checks"]) == {
        "overdue_signals",
        "stale_activities",
        "failed_tasks",
        "failed_signal_mails",
        "old_task_results",
    }
