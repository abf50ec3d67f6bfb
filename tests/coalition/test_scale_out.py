"""Several app servers behind a load balancer share one database and Redis.

Two gunicorn servers on two ports, with REDIS_URL set, must behave as one platform: a login
made on one is valid on the other, and the login lock-out counts failures on both.
"""

import os
import re
import subprocess
import sys

import pytest
from django.db import connection

from tests.servers import ROOT, Browser, app_servers, manage, own_database, server_env

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.slow
SERVER_ENV = {}


@pytest.fixture(scope="module")
def two_app_servers(tmp_path_factory, django_db_blocker):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        database = own_database(connection, tmp_path_factory.mktemp("db"), "oog_scaleout")
    with database as database_url:
        env = server_env(database_url, REDIS_URL=REDIS_URL, SIGNAL_RATE_LIMIT="3")
        SERVER_ENV["env"] = env
        manage(env, "migrate", "-v0")
        manage(
            env,
            "shell",
            "-c",
            "from tests.factories import make_user; "
            "make_user(username='p@example.org', roles=['partner']); "
            "make_user(username='q@example.org', roles=['partner'])",
        )
        with app_servers(env, count=2) as urls:
            yield urls


@pytest.fixture(scope="module")
def coordinator_key(two_app_servers):
    """A coordinator's session (second step done), made on the servers' own database."""
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from bench.fill import coordinator_session; print(coordinator_session())",
        ],
        cwd=ROOT,
        env=SERVER_ENV["env"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]


def test_a_login_on_one_server_is_valid_on_the_other(two_app_servers):
    first, second = two_app_servers
    browser = Browser()

    status, _ = browser.post_form(
        first + "/accounts/login/",
        {"username": "p@example.org", "password": "correct-horse-battery"},
    )
    account_status, account_page = browser.get(second + "/accounts/tweestapsverificatie/")

    assert status == 302
    assert account_status == 200
    assert "Uw account" in account_page


def test_login_lock_out_counts_failures_on_both_servers(two_app_servers):
    first, second = two_app_servers
    wrong = {"username": "q@example.org", "password": "geraden"}
    for url in (first, second, first, second, first):
        Browser().post_form(url + "/accounts/login/", wrong)

    status, page = Browser().post_form(
        second + "/accounts/login/",
        {"username": "q@example.org", "password": "correct-horse-battery"},
    )

    assert status == 429
    assert "Te vaak geprobeerd in te loggen" in page


def test_a_signal_sent_to_one_server_is_in_the_queue_on_the_other(two_app_servers, coordinator_key):
    from tests.signals.helpers import report_data

    first, second = two_app_servers
    data = report_data(situation="Mijn buurman is veel alleen.")
    data.pop("form_token")
    thanks = Browser().post_form(first + "/melden/", data, follow=True)[1]
    reference = re.search(r"S-\d{4}-\d{5}", thanks)[0]

    coordinator = Browser()
    coordinator.opener.addheaders = [("Cookie", f"sessionid={coordinator_key}")]
    status, queue = coordinator.get(second + "/signalen/?status=new")

    assert status == 200
    assert reference in queue


def test_the_signal_rate_limit_holds_across_both_servers(two_app_servers):
    import redis

    from tests.signals.helpers import report_data

    redis.Redis.from_url(REDIS_URL).flushdb()  # earlier tests submitted from this address too
    first, second = two_app_servers
    statuses = []
    for n in range(4):  # the servers allow 3 reports per address per hour (see the fixture)
        data = report_data(situation=f"Melding {n}")
        data.pop("form_token")
        statuses.append(Browser().post_form((first, second)[n % 2] + "/melden/", data)[0])

    assert statuses == [302, 302, 302, 429]
