"""The outbox is the source of truth (issue 13): a task worker killed in the middle of an SMTP
send, or a task lost because the database connection died right after the commit, delays a
signal's mail by minutes, not hours, and never makes it two different messages.

Real processes: ``manage.py`` commands and a ``db_worker`` on a database of their own (an
SQLite file, or PostgreSQL in the PostgreSQL pass), talking SMTP to a server in this process.
The claim (``SIGNAL_MAIL_LEASE_SECONDS``) is a few seconds here instead of two minutes.
"""

import ast
import signal as os_signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from tests.servers import ROOT, manage, own_database, server_env
from tests.signals.mailers import SMTPServer

pytestmark = pytest.mark.slow

LEASE = 6
NOTIFICATION_TO = "ssp@example.org"
WORKER = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]


@pytest.fixture(scope="module")
def database(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        database = own_database(connection, tmp_path_factory.mktemp("db"), "oog_outbox")
    with database as database_url:
        manage(server_env(database_url), "migrate", "-v0")
        yield database_url


def env_for(database_url: str, smtp: SMTPServer) -> dict:
    return server_env(
        database_url,
        EMAIL_URL=smtp.url,
        EMAIL_TIMEOUT=str(LEASE - 2),
        SIGNAL_MAIL_LEASE_SECONDS=str(LEASE),
        COORDINATOR_EMAIL=NOTIFICATION_TO,
    )


def run(env: dict, *args: str, check: bool = True) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
    )
    return result.stdout


SUBMIT = (
    "from signals.services.intake import submit_signal\n"
    "signal = submit_signal(data={{'reporter_kind': 'self', 'postcode': '2271 AB',"
    " 'situation': 'Mijn buurvrouw komt de deur niet meer uit.', 'contact_route': 'email',"
    " 'contact_email': '{email}', 'consent': True}}, target_groups=[], channel='web')\n"
)


def sweep(env: dict) -> int:
    """Run the cron job once; how many mails it queued."""
    return int(run(env, "retry_signal_mail").split()[0])


def mail_states(env: dict, email: str) -> list[str]:
    out = run(
        env,
        "shell",
        "-c",
        "from signals.models import SignalMail; "
        f"print(sorted(SignalMail.objects.filter(signal__contact_email='{email}')"
        ".values_list('state', flat=True)))",
    )
    return ast.literal_eval(out.strip().splitlines()[-1])


def test_worker_killed_mid_send_the_mail_comes_again_soon_with_the_same_message_id(database):
    with SMTPServer(stall=True) as smtp:
        env = env_for(database, smtp)
        run(env, "shell", "-c", SUBMIT.format(email="killed@example.org"))
        worker = subprocess.Popen(WORKER, cwd=ROOT, env=env)
        try:
            assert smtp.stalled.wait(60), "the worker never reached the mail server"
        finally:
            worker.send_signal(os_signal.SIGKILL)
            worker.wait()
        killed_at = time.monotonic()
        smtp.release()

        queued_while_claimed = sweep(env)  # the claim still holds: nobody sends it yet
        time.sleep(max(0, killed_at + LEASE + 0.5 - time.monotonic()))
        queued_after_claim = sweep(env)
        run(env, *WORKER[2:], "--batch")
        delivered_after = time.monotonic() - killed_at

    assert queued_while_claimed == 0
    assert queued_after_claim == 1
    assert delivered_after < 5 * 60
    assert mail_states(env, "killed@example.org") == ["sent", "sent"]
    # The server took the mail once before the kill and once after: the same message.
    notification_ids = smtp.message_ids(NOTIFICATION_TO)
    assert len(notification_ids) == 2
    assert len(set(notification_ids)) == 1
    assert notification_ids[0].startswith("<signal-mail.")
    assert notification_ids[0].endswith("@127.0.0.1>")
    assert len(smtp.message_ids("killed@example.org")) == 1


CUT_AFTER_COMMIT = (
    "from django.db import connection, transaction\n"
    "with transaction.atomic():\n"
    "    transaction.on_commit(lambda: connection.connection.close())\n"
    "    " + SUBMIT.replace("\n", "\n    ")
)


def test_task_lost_after_the_commit_is_queued_by_the_next_sweep(database):
    with SMTPServer() as smtp:
        env = env_for(database, smtp)
        # The database connection dies right after the commit, before the tasks are queued.
        run(env, "shell", "-c", CUT_AFTER_COMMIT.format(email="lost@example.org"), check=False)
        stored_at = time.monotonic()
        run(env, *WORKER[2:], "--batch")
        assert mail_states(env, "lost@example.org") == ["queued", "queued"]
        assert smtp.messages == []

        time.sleep(max(0, stored_at + LEASE + 0.5 - time.monotonic()))
        queued = sweep(env)
        run(env, *WORKER[2:], "--batch")

    assert queued == 2
    assert mail_states(env, "lost@example.org") == ["sent", "sent"]
    assert len(smtp.message_ids(NOTIFICATION_TO)) == 1
    assert len(smtp.message_ids("lost@example.org")) == 1
