"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Helpers:
- ``assert_accessible(page)`` runs axe-core (bundled with axe-playwright-python) and fails
  with the list of violations.
- Mark modules ``pytest.mark.django_db(transaction=True)``; tests/conftest.py runs the
  data migrations again before each transactional test (they must be idempotent).
- ``log_in(page, live_server, user)`` puts a signed-in session cookie (second step done)
  into the browser, so a test starts where a coordinator or partner would.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.conftest import login

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Dutch visitor who asked for reduced motion: Bootstrap then skips its colour
    transitions, so axe never measures a button's contrast halfway through one (a clicked
    summary measured #98bad0 on #679aba under load)."""
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "reduced_motion": "reduce",
    }


@pytest.fixture(autouse=True)
def _page_timeouts(request):
    if "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        page.set_default_timeout(10_000)


def assert_accessible(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def log_in(page, live_server, user, *, verified: bool = True) -> None:
    client = login(Client(), user, verified=verified)
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_id, "url": live_server.url}]
    )
