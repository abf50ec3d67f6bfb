"""Every page reflows at 320 px (WCAG 1.4.10); public and main staff pages at 375 and 1280 px
are axe clean too (issue 18).

The pages are the demo crawl's (tests/test_demo_crawl.py): every URL pattern someone may
GET, with the first demo record it takes, opened as each role the access matrix lets see it.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from tests.conftest import login
from tests.e2e.conftest import assert_accessible, log_in
from tests.test_demo_crawl import pages, readers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

DEMO_USERS = {"partner": "partner@example.org", "coordinator": "coordinator@example.org"}
MAIN_STAFF_PAGES = {
    "coordinator": [
        "/signalen/",
        "/signalen/mijn-werk/",
        "/netwerk/",
        "/monitor/wijken/",
        "/netwerk/foutmeldingen/",
    ],
    "partner": ["/netwerk/doorverwijzingen/", "/netwerk/"],
}
PUBLIC_PAGES = [
    "/",
    "/sociale-kaart/",
    "/sociale-kaart/?weergave=kaart",
    "/melden/",
    "/monitor/",
    "/netwerk/partners/",
    "/privacy/",
    "/accounts/login/",
]


def html_pages() -> list[tuple[str, str]]:
    """(role, url) of every HTML page, one per URL pattern and role that may read it."""
    clients = {"anonymous": Client()}
    for role, username in DEMO_USERS.items():
        clients[role] = login(Client(), User.objects.get(username=username), verified=True)
    found, seen = [], set()
    for name, url in pages():
        if name in seen:
            continue
        seen.add(name)
        for role in readers(name):
            response = clients[role].get(url)
            html = "text/html" in response.get("Content-Type", "")
            if response.status_code == 200 and html and not response.streaming:
                found.append((role, url))
    return found


def open_as(page, live_server, role: str, url: str) -> None:
    page.context.clear_cookies()
    if role != "anonymous":
        log_in(page, live_server, User.objects.get(username=DEMO_USERS[role]))
    page.goto(live_server.url + url)


def document_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# What sticks out: the outermost elements whose right edge is past the viewport.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.getBoundingClientRect().right <= width + 1) continue;
    if (found.some(outer => outer.contains(el))) continue;
    found.push(el);
  }
  return found.slice(0, 3).map(el => el.tagName.toLowerCase() + "." + [...el.classList].join("."));
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=StringIO())


def test_every_page_reflows_at_320_pixels(page, live_server, demo):
    page.set_viewport_size({"width": 320, "height": 640})
    checked, too_wide = html_pages(), []
    for role, url in checked:
        open_as(page, live_server, role, url)
        if document_width(page) > 320:
            too_wide.append((role, url, document_width(page), page.evaluate(STICKING_OUT)))

    assert too_wide == []
    assert len(checked) > 80


@pytest.mark.parametrize("width", [375, 1280])
def test_public_and_main_staff_pages_fit_and_pass_axe(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 812})
    visits = [("anonymous", url) for url in PUBLIC_PAGES] + [
        (role, url) for role, urls in MAIN_STAFF_PAGES.items() for url in urls
    ]
    for role, url in visits:
        open_as(page, live_server, role, url)
        assert document_width(page) <= width, (role, url)
        assert_accessible(page)
