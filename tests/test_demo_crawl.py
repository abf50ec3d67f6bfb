"""Every page of every demo record answers without a server error (issue 12).

``seed_demo`` fills the test database; then every URL pattern that someone may GET is
requested for every demo record it takes, as each role that the access matrix
(``tests/test_access_matrix.py``) lets see it: anonymous for public pages, the demo partner
for partner pages, the demo coordinator (second step done) for staff pages. Each answer must
be the status the matrix gives that role, never a 5xx, with a sane number of queries and no
untranslated empty choice in a form. A new URL pattern with arguments fails the test until
it says where its arguments come from.
"""

from collections.abc import Callable, Iterable
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.http import urlencode

from coalition import setuplink
from coalition.models import Area, TargetGroup
from monitoring.models import AreaProfile, Indicator
from network.events.tokens import cancel_token
from network.models import (
    Action,
    Activity,
    ActivityType,
    Article,
    Campaign,
    EventRegistration,
    FocusGroupMember,
    FocusSession,
    Goal,
    Idea,
    Meeting,
    Organisation,
    Person,
    PublicEvent,
    Training,
)
from network.partnership.unsubscribe import unsubscribe_token
from network.socialmap import hsds
from network.socialmap.tokens import verification_token
from network.thinkalong.tokens import sign_off_token
from signals.models import Referral, Signal
from signals.services.feedback import satisfaction_token
from tests.conftest import login
from tests.test_access_matrix import MATRIX, NOT_IN_MATRIX

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ROLES = {"anonymous": (0,), "partner": (1, 2), "coordinator": (3,)}  # columns of MATRIX
MAX_QUERIES = 30  # per page (the demo needs 25 at most); list views have tight tests of their own
# The annual report reads every part of the loop (agenda, awareness, signals, figures,
# quickscan): a fixed number of queries (tests/monitoring/test_report_pdf.py), but more.
HEAVY_PAGES = {"monitoring:report": 47, "monitoring:report_pdf": 47}
UNTRANSLATED = ("- Select an option -", "---------")

Args = list[list]


def pks(queryset) -> Callable[[], Args]:
    return lambda: [[pk] for pk in queryset.values_list("pk", flat=True)]


def slugs(queryset) -> Callable[[], Args]:
    return lambda: [[slug] for slug in queryset.values_list("slug", flat=True)]


def uuids(queryset) -> Callable[[], Args]:
    return lambda: [[str(u)] for u in queryset.values_list("uuid", flat=True)]


def api_ids(url_name: str) -> Callable[[], Args]:
    """The ids the API lists itself: what a client would follow."""
    return lambda: [[item["id"]] for item in Client().get(reverse(url_name)).json()["contents"]]


def years() -> Args:
    return [[year] for year in sorted({*Action.objects.values_list("year", flat=True), 2026})]


def verification_links() -> Args:
    partner = User.objects.get(username="partner@example.org")
    activities = Activity.objects.filter(organisation__users=partner)
    return [[verification_token(a, partner)] for a in activities]


DISTRICTS = Area.objects.filter(kind=Area.Kind.DISTRICT)
PUBLISHED = Activity.objects.published()
ORGANISATIONS = Organisation.objects.all()

# URL name: where its arguments come from, one list of arguments per request.
ARGUMENTS: dict[str, Callable[[], Args]] = {
    "network:activity": pks(PUBLISHED),
    "network:activity_ics": pks(PUBLISHED),
    "network:api_service": uuids(PUBLISHED),
    "network:api_service_at_location": lambda: [
        [hsds.service_at_location_id(u)] for u in PUBLISHED.values_list("uuid", flat=True)
    ],
    "network:workspace_activity": pks(Activity.objects.all()),
    "network:activity_edit": pks(Activity.objects.all()),
    "network:verify_link": verification_links,
    "network:organisation": slugs(Organisation.objects.active()),
    "network:api_organization": uuids(Organisation.objects.active()),
    "network:workspace_organisation": slugs(ORGANISATIONS),
    "network:organisation_edit": slugs(ORGANISATIONS),
    "network:partner_invite": slugs(ORGANISATIONS),
    "network:membership_edit": slugs(ORGANISATIONS),
    "network:organisation_delete": slugs(ORGANISATIONS),
    "network:commitments": slugs(ORGANISATIONS),
    "network:api_taxonomy": api_ids("network:api_taxonomies"),
    "network:api_taxonomy_term": api_ids("network:api_taxonomy_terms"),
    "network:activity_type_edit": pks(ActivityType.objects.all()),
    "network:action": pks(Action.objects.all()),
    "network:action_edit": pks(Action.objects.all()),
    "network:agenda": years,
    "network:agenda_csv": years,
    "network:agenda_xlsx": years,
    "network:agenda_print": years,
    "network:goal_edit": pks(Goal.objects.all()),
    "network:meeting": pks(Meeting.objects.all()),
    "network:meeting_edit": pks(Meeting.objects.all()),
    "network:training": pks(Training.objects.all()),
    "network:training_edit": pks(Training.objects.all()),
    "network:person_edit": pks(Person.objects.all()),
    "network:article": slugs(Article.objects.published()),
    "network:article_edit": slugs(Article.objects.all()),
    "network:article_image": slugs(Article.objects.published().exclude(image_type="")),
    "signals:detail": lambda: [[ref] for ref in Signal.objects.values_list("reference", flat=True)],
    "signals:refer": lambda: [[ref] for ref in Signal.objects.values_list("reference", flat=True)],
    "signals:inbox_detail": pks(
        Referral.objects.filter(
            organisation__users__username="partner@example.org", signal__anonymised_at=None
        )
    ),
    "monitoring:group": slugs(TargetGroup.objects.active()),
    "monitoring:district": lambda: [[code] for code in DISTRICTS.values_list("code", flat=True)],
    "monitoring:district_csv": lambda: [[DISTRICTS.first().code]],
    "monitoring:report_pdf": lambda: [[2024], [date.today().year]],
    "monitoring:district_xlsx": lambda: [[DISTRICTS.first().code]],
    "otp_setup_link": lambda: [
        [setuplink.make_token(User.objects.get(username="partner@example.org"))]
    ],
    "signals:satisfaction": lambda: [
        [satisfaction_token(signal, "closed")] for signal in Signal.objects.all()[:3]
    ],
    "network:unsubscribe": lambda: [
        [unsubscribe_token(person)] for person in Person.objects.ambassadors()[:3]
    ],
    # Residents think along (issue 16).
    "network:thinkalong_leave": lambda: [
        [sign_off_token(pk)] for pk in FocusGroupMember.objects.values_list("pk", flat=True)[:3]
    ],
    "network:thinkalong_member": pks(FocusGroupMember.objects.all()),
    "network:thinkalong_member_export": pks(FocusGroupMember.objects.all()[:2]),
    "network:thinkalong_session": pks(FocusSession.objects.all()),
    "network:thinkalong_idea": pks(Idea.objects.all()),
    "network:thinkalong_idea_export": pks(Idea.objects.all()[:2]),
    # The public agenda and campaigns (issue 16); the PDFs of one campaign only.
    "network:event": pks(PublicEvent.objects.published()),
    "network:event_ics": pks(PublicEvent.objects.published()),
    "network:event_register": pks(PublicEvent.objects.published()),
    "network:event_cancel": lambda: [
        [cancel_token(registration)] for registration in EventRegistration.objects.all()[:3]
    ],
    "network:event_registrations": pks(PublicEvent.objects.all()),
    "network:event_edit": pks(PublicEvent.objects.all()),
    "network:event_export": pks(PublicEvent.objects.all()),
    "network:registration_export": pks(EventRegistration.objects.all()[:2]),
    "network:campaign": slugs(Campaign.objects.all()),
    "network:campaign_poster": slugs(Campaign.objects.published()[:1]),
    "network:campaign_flyer": slugs(Campaign.objects.published()[:1]),
    "network:campaign_edit": pks(Campaign.objects.all()),
}

# A page's other faces: its filters, one query string per record of a vocabulary.
QUERIES: dict[str, Callable[[], Iterable[dict]]] = {
    "network:search": lambda: [
        *({"wijk": code} for code in DISTRICTS.values_list("code", flat=True)),
        *({"doelgroep": g.slug} for g in TargetGroup.objects.active()),
        *({"soort": t.slug} for t in ActivityType.objects.filter(is_active=True)),
        {"q": "koffie", "sorteer": "date"},
        {"dichtbij": DISTRICTS.first().code},
    ],
    "signals:queue": lambda: [
        *({"district": pk} for pk in DISTRICTS.values_list("pk", flat=True)),
        *({"q": term} for term in ("S-2026-00001", "Jansen", "070 123 45 67", "a@b.nl", "2271ab")),
        {"sort": "newest"},
    ],
    "monitoring:dashboard": lambda: [
        {"indicator": code} for code in Indicator.objects.values_list("code", flat=True)
    ],
    "monitoring:districts": lambda: [
        *({"jaar": year} for year in AreaProfile.objects.values_list("year", flat=True).distinct()),
        *({"kaart": measure} for measure in ["signals_per_1000", "activities"]),
        *({"doelgroep": g.slug} for g in TargetGroup.objects.active()),
    ],
    "monitoring:report": lambda: [{"jaar": 2024}, {"jaar": date.today().year}],
    "network:booklet": lambda: [
        *({"wijk": code} for code in DISTRICTS.values_list("code", flat=True)[:2]),
        {"soort": ActivityType.objects.filter(is_active=True).first().slug},
    ],
}


def url_patterns(resolver=None, namespace=""):
    """(name, pattern) of every named URL outside the admin."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if entry.namespace in NOT_IN_MATRIX or module in NOT_IN_MATRIX:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name, entry


def takes_arguments(pattern: URLPattern) -> bool:
    return bool(pattern.pattern.converters)


def expected_codes(name: str, role: str) -> set[int]:
    codes = MATRIX[name][0].split()
    return {int(codes[column]) for column in ROLES[role]}


def readers(name: str) -> list[str]:
    """The roles that may see the page: the matrix gives them a 200."""
    return [role for role in ROLES if 200 in expected_codes(name, role)]


def pages() -> list[tuple[str, str]]:
    """(url name, url) of every page to request."""
    found = []
    for name, pattern in url_patterns():
        if not readers(name) or (takes_arguments(pattern) and name not in ARGUMENTS):
            continue
        for args in ARGUMENTS[name]() if takes_arguments(pattern) else [None]:
            url = reverse(name, args=args)
            found.append((name, url))
            found += [(name, f"{url}?{urlencode(query)}") for query in QUERIES.get(name, list)()]
    return found


def test_every_readable_url_pattern_with_arguments_says_where_they_come_from():
    missing = [
        name
        for name, pattern in url_patterns()
        if takes_arguments(pattern) and readers(name) and name not in ARGUMENTS
    ]

    assert missing == []


def test_every_page_of_every_demo_record_answers_without_a_server_error():
    call_command("seed_demo", stdout=StringIO())
    # A view that raises answers 500 and the crawl goes on: every failing page is listed.
    clients = {role: Client(raise_request_exception=False) for role in ROLES}
    login(clients["partner"], User.objects.get(username="partner@example.org"), verified=False)
    login(clients["coordinator"], User.objects.get(username="coordinator@example.org"))
    crawled = pages()

    wrong, heavy, untranslated = [], [], []
    for name, url in crawled:
        for role in readers(name):
            reset_queries()  # the log keeps 9000 queries at most; each page counts its own
            with CaptureQueriesContext(connection) as queries:
                response = clients[role].get(url)
                body = b"".join(response) if response.streaming else response.content
            if response.status_code not in expected_codes(name, role):
                wrong.append((role, url, response.status_code))
            if len(queries) > HEAVY_PAGES.get(name, MAX_QUERIES):
                heavy.append((role, url, len(queries)))
            if "text/html" in response.get("Content-Type", ""):
                html = body.decode()
                untranslated += [(role, url, text) for text in UNTRANSLATED if text in html]

    assert wrong == []
    assert heavy == []
    assert untranslated == []
    assert len(crawled) > 400
    # Every source of arguments gave records; the demo's articles have no pictures.
    assert set(ARGUMENTS) - {name for name, _url in crawled} == {"network:article_image"}
