"""Several app servers behind a load balancer share one database and Redis.

Two gunicorn servers on two ports, with REDIS_URL set, must behave as one platform: a login
made on one is valid on the other, and the login lock-out counts failures on both.
"""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def platform_database(tmp_path_factory, django_db_blocker):
    """A database of its own for the servers (not the test database), migrated."""
    if connection.vendor == "postgresql":
        import psycopg2

        with django_db_blocker.unblock():
            params = connection.settings_dict
        name = f"oog_scaleout_{os.getpid()}"
        admin = psycopg2.connect(
            dbname="postgres", user=params["USER"], host=params["HOST"], port=params["PORT"]
        )
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('platform') / 'db.sqlite3'}"


@pytest.fixture(scope="module")
def two_app_servers(platform_database):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_ALLOW")},
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        "DATABASE_URL": platform_database,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "EMAIL_URL": "dummy://",
        "LOG_LEVEL": "WARNING",
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from tests.factories import make_user; "
            "make_user(username='p@example.org', roles=['partner']); "
            "make_user(username='q@example.org', roles=['partner'])",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with ExitStack() as stack:
        urls = []
        for _ in range(2):
            port = free_port()
            server = subprocess.Popen(
                [str(GUNICORN), "coalition.wsgi", "--workers=1", f"--bind=127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
            )
            stack.callback(server.wait, 20)
            stack.callback(server.terminate)
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_until_up(url)
        yield urls


def wait_until_up(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)  # noqa: S310 (local http)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


class Browser:
    """A tiny cookie-keeping client that can talk to any of the servers."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, url):
        return self.open(urllib.request.Request(url))

    def post_form(self, url, data):
        page = self.get(url)[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        return self.open(request)

    def open(self, request):
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


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
        {"username": "p@example.org", "password": "correct-horse-battery"},
    )

    assert status == 429
    assert "Te vaak geprobeerd in te loggen" in page
