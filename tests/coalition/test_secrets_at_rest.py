"""No secret at rest (issue 13): the links of password resets, invitations and freshness
reminders are made when the mail is sent and stored in no table, not even in the arguments
of the queued task. Finished task results are pruned."""

import contextlib
import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from network.socialmap.services import send_verification_reminders
from tests.factories import make_activity, make_organisation

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"[0-9a-z]+-[0-9a-f]{32}")
RESET_LINK = reverse("password_reset_confirm", args=["uid", "token"]).split("uid")[0]
VERIFY_LINK = reverse("network:verify_link", args=["token"]).split("token")[0]


@pytest.fixture
def stored_tasks(settings):
    """The database task backend of production: queued tasks are rows, with their arguments."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def stored_values() -> list[tuple[str, str]]:
    """``(table, value)`` for every value of every column of every table, as text."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            found += [(table, str(value)) for row in cursor.fetchall() for value in row]
    return found


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_reset_and_invitation_links_are_stored_in_no_table(
    stored_tasks, resident, partner, coordinator_client
):
    organisation = make_organisation()
    resident.post(reverse("password_reset"), {"email": partner.email})
    coordinator_client.post(
        reverse("network:partner_invite", args=[organisation.slug]),
        {"email": "sanne@example.org", "first_name": "Sanne"},
    )
    invited = organisation.users.get(username="sanne@example.org")

    values = stored_values()

    assert DBTaskResult.objects.filter(status="READY").count() == 2  # the two mails, queued
    assert [(table, v) for table, v in values if RESET_LINK in v] == []
    working_tokens = [
        (table, token)
        for table, value in values
        for token in TOKEN.findall(value)
        for user in (partner, invited)
        if default_token_generator.check_token(user, token)
    ]
    assert working_tokens == []


def test_reminder_links_are_stored_in_no_table(stored_tasks, partner):
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)

    assert send_verification_reminders(today=timezone.localdate()) == 1

    assert [(table, v) for table, v in stored_values() if VERIFY_LINK in v] == []


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_reset_mail_made_by_the_worker_has_a_link_that_sets_a_new_password(
    stored_tasks, resident, partner
):
    resident.post(reverse("password_reset"), {"email": partner.email})
    assert mail.outbox == []

    run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [partner.email]
    assert mail.outbox[0].subject == "Kies een nieuw wachtwoord voor Oog voor elkaar"
    link = re.search(r"http://localhost:8000(/accounts/reset/\S+/)", mail.outbox[0].body)[1]
    form_page = resident.get(link, follow=True)
    assert form_page.status_code == 200
    response = resident.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "een-nieuw-lang-wachtwoord",
            "new_password2": "een-nieuw-lang-wachtwoord",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")
    partner.refresh_from_db()
    assert partner.check_password("een-nieuw-lang-wachtwoord")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_invitation_made_by_the_worker_links_to_choosing_a_password(
    stored_tasks, coordinator_client
):
    organisation = make_organisation(name="Buurthuis De Brug")
    coordinator_client.post(
        reverse("network:partner_invite", args=[organisation.slug]),
        {"email": "sanne@example.org", "first_name": "Sanne"},
    )

    run_worker()

    assert [m.to for m in mail.outbox] == [["sanne@example.org"]]
    assert "Buurthuis De Brug" in mail.outbox[0].body
    link = re.search(r"http://localhost:8000(/accounts/reset/\S+/)", mail.outbox[0].body)[1]
    assert "new_password1" in coordinator_client.get(link, follow=True).content.decode()


def test_prune_task_results_deletes_what_finished_long_ago(settings):
    settings.TASK_RESULTS_KEEP_DAYS = 14
    now = timezone.now()

    def result(status, days_ago):
        moment = now - datetime.timedelta(days=days_ago)
        return DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [], "kwargs": {"subject": f"{status} {days_ago}"}},
            task_path="coalition.tasks.send_email",
            backend_name="default",
            run_after=moment,
            started_at=moment,
            finished_at=None if status in ("READY", "RUNNING") else moment,
        )

    old = [result("SUCCESSFUL", 20), result("FAILED", 15), result("RUNNING", 30)]
    kept = [result("SUCCESSFUL", 3), result("FAILED", 13), result("READY", 30)]
    output = run_check_platform()
    assert "Afgeronde achtergrondtaken die te lang bewaard zijn" in output

    call_command("prune_task_results", verbosity=0)

    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {r.pk for r in kept}
    assert not remaining & {r.pk for r in old}
    assert "Afgeronde achtergrondtaken die te lang bewaard zijn" not in run_check_platform()


def run_check_platform() -> str:
    from io import StringIO

    out = StringIO()
    with contextlib.suppress(SystemExit):
        call_command("check_platform", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if not line.endswith(": 0")]
    return "\n".join(lines)
