"""The pages the benchmark measures, and how a visitor asks for each."""

import datetime
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.exactly_once import log_accepted


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    needs_login: bool = False
    # Signed in as the partner whose organisation gets the referrals (else as a coordinator).
    as_partner: bool = False
    # For pages that need more than a GET (a form submission): fn(client, page, name).
    custom: Callable | None = field(default=None, compare=False)
    # For a form that stores signals: every submission the site accepted (logged to
    # BENCH_ACCEPTED_LOG, see bench/exactly_once.py) must be stored exactly once.
    stored_once: bool = False
    # Timed as one request, not under load: a PDF made on the server (then cached).
    single: bool = False

    def request(self, client, name: str, path: str | None = None):
        if self.custom is not None:
            return self.custom(client, self, name)
        return client.get(path or self.path, name=name)


def submit_form(client, page: Page, name: str):
    """GET the form for its CSRF token and one-time token, POST it (timed under ``name``
    alone: the redirect is not followed), then open the thank-you page the answer points to,
    as a browser does, and log the reference it shows for the "stored exactly once" check."""
    form = client.get(page.path, name=f"{name} (form)")
    fields = dict(re.findall(r'name="([a-z_]+token)" value="([^"]+)"', form.text))
    data = {**page_form_data(), **fields}
    answer = client.post(
        page.path,
        data=data,
        name=name,
        headers={"Referer": page.path},
        allow_redirects=False,
    )
    if answer.status_code == 302:
        thanks = client.get(answer.headers["Location"], name=f"{name} (thank-you page)")
        log_accepted(fields.get("form_token", ""), thanks.text)
    return answer


def page_form_data() -> dict:
    """A resident reporting about a neighbour on /melden/ (the public signal form)."""
    return {
        "reporter_kind": "concerned",
        "person_name": "Mevr. K.",
        "age_band": "76+",
        "postcode": "2271 AB",
        "person_aware": "no",
        "situation": "Mijn buurvrouw komt niet meer buiten sinds haar man is overleden.",
        "contact_route": "phone",
        "contact_phone": "070 123 4567",
        "share_contact": "yes",
        "consent": "on",
        "website": "",
    }


# Words and word pairs a resident types into the social map's search box: every request of
# the cold search takes the next combination of a term and filters, so none comes from the
# catalogue cache (the run starts a new catalogue version after each fill).
SEARCH_WORDS = [
    "wandelen",
    "koffie",
    "ontmoeten",
    "bewegen",
    "taalcafé",
    "schilderen",
    "eten",
    "computerhulp",
    "mantelzorg",
    "maatje",
    "zingen",
    "tuinieren",
    "breien",
    "kaarten",
    "biljart",
    "koor",
    "dans",
    "yoga",
    "gym",
    "fietsen",
    "zwemmen",
    "lezen",
    "bibliotheek",
    "soep",
    "lunch",
    "diner",
    "buurthuis",
    "kerk",
    "moskee",
    "jongeren",
    "ouderen",
    "vrijwilliger",
    "rouw",
    "verlies",
    "weduwe",
    "alleen",
    "eenzaam",
    "praten",
    "luisteren",
    "telefoon",
    "bezoek",
    "vervoer",
    "boodschappen",
    "klussen",
    "tuin",
    "muziek",
    "theater",
    "film",
    "museum",
    "spelletjes",
    "schaken",
    "sjoelen",
    "bingo",
    "handwerk",
    "naaien",
    "koken",
    "bakken",
    "markt",
    "wijk",
    "voorburg",
    "leidschendam",
    "stompwijk",
    "taal",
    "nederlands",
    "sport",
    "bewegen",
    "beweegmaatje",
    "geheugen",
    "dementie",
    "gezondheid",
]
SEARCH_PAIRS = [
    f"{a} {b}"
    for offset in (7, 13, 23)
    for a, b in zip(SEARCH_WORDS, SEARCH_WORDS[offset:], strict=False)
]
SEARCH_FILTERS = ["", "&gratis=on", "&toegankelijk=on", "&dagdeel=morning", "&dag=TU"]


def search_paths(mark: str = ""):
    """An endless sequence of search addresses, no two alike in one run; ``mark`` (a
    parameter the search ignores but its cache key holds) keeps another sequence apart."""
    import itertools
    import random

    terms = SEARCH_WORDS + SEARCH_PAIRS
    combos = [(term, extra) for term in terms for extra in SEARCH_FILTERS]
    random.Random(os.getpid()).shuffle(combos)
    for n in itertools.count():
        term, extra = combos[n % len(combos)]
        yield f"/sociale-kaart/?q={term.replace(' ', '+')}{extra}" + (
            f"&p={mark}{n // len(combos)}" if n >= len(combos) or mark else ""
        )


def counted_searches():
    """The cold search's addresses whose queries ``make bench`` counts: never asked by the
    load (``p`` is ignored by the search but part of its cache key), each a word that finds
    activities at every size, so the count is that of a page of results built afresh."""
    return iter(f"/sociale-kaart/?q={word}&p=counted" for word in ("koffie", "wandelen"))


_SEARCHES = None


def cold_search(client, page: Page, name: str):
    global _SEARCHES  # noqa: PLW0603 (one sequence per load-generator process)
    if _SEARCHES is None:
        _SEARCHES = search_paths()
    return client.get(next(_SEARCHES), name=name)


# The baseline: a Django view that touches no database (the theme stylesheet).
TRIVIAL = Page("trivial view", "/theme.css")

PAGES: dict[str, Page] = {
    page.name: page
    for page in [
        TRIVIAL,
        Page("home", "/"),
        Page(
            "social map: text search + filters", "/sociale-kaart/?q=wandelen&doelgroep=1&gratis=on"
        ),
        Page(
            "social map: cold search (a new query each time)", "/sociale-kaart/", custom=cold_search
        ),
        Page("activity page", "/sociale-kaart/activiteit/{activity}/"),
        Page("HSDS API: services list", "/api/hsds/services?per_page=20"),
        Page("agenda", "/agenda/"),
        Page("agenda: month + district filter", "/agenda/?maand={month}&wijk=WK191601"),
        Page("event page", "/agenda/{event}/"),
        Page("event registration form", "/agenda/{event}/aanmelden/"),
        Page("monitor dashboard", "/monitor/"),
        Page("signal form", "/melden/", custom=submit_form, stored_once=True),
        Page("signal queue", "/signalen/", needs_login=True),
        Page(
            "signal queue: filter + search",
            "/signalen/?status=new&q=2271ab",
            needs_login=True,
        ),
        Page("my work", "/signalen/mijn-werk/", needs_login=True),
        Page("signal detail page", "/signalen/{signal}/", needs_login=True),
        Page("quickscan: every district", "/monitor/wijken/", needs_login=True),
        Page(
            "partner's referral inbox",
            "/netwerk/doorverwijzingen/",
            needs_login=True,
            as_partner=True,
        ),
        Page(
            "annual report PDF (one request)",
            f"/monitor/rapport/{datetime.date.today().year}.pdf",
            needs_login=True,
            single=True,
        ),
        Page("social-map booklet PDF (one request)", "/sociale-kaart/boekje/", single=True),
    ]
}
