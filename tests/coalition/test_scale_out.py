"""Several app servers behind a load balancer share one database and Redis.

Two gunicorn servers on two ports, with REDIS_URL set, must behave as one platform: a login
made on one is valid on the other, and the login lock-out counts failures on both.
"""

import os

import pytest
from django.db import connection

from tests.servers import Browser, app_servers, manage, own_database, server_env

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_app_servers(tmp_path_factory, django_db_blocker):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        database = own_database(connection, tmp_path_factory.mktemp("db"), "oog_scaleout")
    with database as database_url:
        env = server_env(database_url, REDIS_URL=REDIS_URL)
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
