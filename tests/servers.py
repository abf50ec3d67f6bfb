"""Real app servers for tests that need more than the test client: gunicorn processes on
free ports, with a database of their own (not the test database), and a tiny browser."""

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
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def own_database(connection, tmp_dir: Path, name: str):
    """A fresh, migrated database beside the test database: PostgreSQL when the tests run
    on PostgreSQL, else an SQLite file. Yields its DATABASE_URL. Under pytest-xdist each
    worker gets a name of its own (``oog_faults_gw1``)."""
    if worker := os.environ.get("PYTEST_XDIST_WORKER"):
        name = f"{name}_{worker}"
    if connection.vendor == "postgresql":
        import psycopg2

        params = connection.settings_dict
        admin = psycopg2.connect(
            dbname="postgres", user=params["USER"], host=params["HOST"], port=params["PORT"]
        )
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
        finally:
            with admin.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    else:
        yield f"sqlite:///{tmp_dir / f'{name}.sqlite3'}"


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production-like settings for a local server (no TLS, mail nowhere)."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_ALLOW")},
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "EMAIL_URL": "dummy://",
        "LOG_LEVEL": "WARNING",
        "REQUEST_LOG_LEVEL": "WARNING",
        "STATICFILES_MANIFEST": "0",  # no collectstatic step for a test server
        **extra,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


@contextmanager
def app_servers(env: dict, count: int = 1, workers: int = 1):
    """Start ``count`` gunicorn servers on free ports; yields their base URLs."""
    with ExitStack() as stack:
        urls = []
        for _ in range(count):
            port = free_port()
            server = subprocess.Popen(
                [
                    str(GUNICORN),
                    "coalition.wsgi",
                    f"--workers={workers}",
                    "--threads=4",
                    f"--bind=127.0.0.1:{port}",
                ],
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
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


class Browser:
    """A cookie-keeping client that can talk to any of the servers; follows no redirects."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, url: str) -> tuple[int, str]:
        return self.open(urllib.request.Request(url))

    def post_form(
        self, url: str, data: dict, form_url: str | None = None, follow: bool = False
    ) -> tuple[int, str]:
        """GET the form (for its CSRF and other hidden tokens), then POST ``data`` with them;
        with ``follow``, also GET the page a redirect points to."""
        status, page = self.get(form_url or url)
        if status != 200:
            return status, page
        hidden = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page))
        body = urllib.parse.urlencode({**hidden, **data}, doseq=True).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        status, page = self.open(request)
        if follow and status in (301, 302, 303) and self.location:
            return self.get(urllib.parse.urljoin(url, self.location))
        return status, page

    def open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                self.location = response.headers.get("Location")
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            self.location = error.headers.get("Location")
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
