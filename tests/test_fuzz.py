"""Hostile and random input through every public form, the search and the API parameters.

Whatever comes in — very long text, control characters, HTML and script, SQL fragments, odd
Unicode, wrong types, missing fields — the answer is never a server error, a refused form
stores nothing, and what is echoed back is escaped.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.models import MistakeReport
from tests.factories import make_activity

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
HOSTILE = st.sampled_from(
    [
        SCRIPT,
        '"><img src=x onerror=alert(1)>',
        "' OR 1=1 --",
        "'; DROP TABLE network_activity; --",
        "%",
        "_",
        "\\",
        "\x00",
        "\u202e\u200b\ufeff",
        "𝕂𝕠𝕗𝕗𝕚𝕖 ☕ 🧓🏽",
        "Z̸̢͉̞a̶l̷g̵o",
        "a" * 5000,
        "",
        " ",
        "-1",
        "9" * 30,
        "1e309",
        "NaN",
        "[]",
        "{}",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=300))
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SEARCH_PARAMS = [
    "q",
    "doelgroep",
    "soort",
    "wijk",
    "dag",
    "dagdeel",
    "gratis",
    "toegankelijk",
    "online",
    "sorteer",
    "page",
    "weergave",
    "lat",
    "lon",
]
API_PARAMS = [
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "page",
    "per_page",
    "minimal",
    "full",
]


def without_nul(value: str) -> str:
    # A NUL byte cannot travel in a real query string or form post from a browser; the test
    # client would refuse to build the request rather than the site answering.
    return value.replace("\x00", "")


def assert_escaped(html: str) -> None:
    assert SCRIPT not in html
    assert "onerror=alert(1)>" not in html


@pytest.fixture
def published(db):
    return make_activity(title="Koffieochtend in de buurt")


@pytest.mark.slow
@FUZZ
@given(params=st.dictionaries(st.sampled_from(SEARCH_PARAMS), TEXT, max_size=6))
def test_social_map_search_never_fails(published, params):
    response = Client().get(
        reverse("network:search"), {k: without_nul(v) for k, v in params.items()}
    )

    assert response.status_code == 200
    assert_escaped(response.content.decode())


@pytest.mark.slow
@FUZZ
@given(params=st.dictionaries(st.sampled_from(API_PARAMS), TEXT, max_size=4))
def test_hsds_api_answers_json_or_a_clear_error(published, params):
    response = Client().get(
        reverse("network:api_services"), {k: without_nul(v) for k, v in params.items()}
    )

    assert response.status_code in (200, 400)
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json(), dict)


@pytest.mark.slow
@FUZZ
@given(message=TEXT, email=TEXT)
def test_mistake_report_form_refuses_bad_input_and_stores_nothing(published, message, email):
    before = MistakeReport.objects.count()

    response = Client().post(
        reverse("network:report_mistake", args=[published.pk]),
        {"message": without_nul(message), "email": without_nul(email)},
    )

    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert MistakeReport.objects.count() == before
        assert_escaped(response.content.decode())


@FUZZ
@given(username=TEXT, password=TEXT)
def test_login_never_fails_on_odd_input(db, username, password):
    response = Client().post(
        reverse("login"), {"username": without_nul(username), "password": without_nul(password)}
    )

    assert response.status_code in (200, 429)
    assert_escaped(response.content.decode())


@FUZZ
@given(email=TEXT)
def test_password_reset_never_fails_on_odd_input(db, email):
    response = Client().post(reverse("password_reset"), {"email": without_nul(email)})

    assert response.status_code in (200, 302)
    assert_escaped(response.content.decode())


@FUZZ
@given(path_piece=TEXT)
def test_unknown_addresses_are_a_plain_404(db, path_piece):
    response = Client().get("/sociale-kaart/activiteit/" + without_nul(path_piece)[:200] + "/")

    assert response.status_code in (404, 301, 302)


SIGNAL_FIELDS = [
    "reporter_kind",
    "person_name",
    "age_band",
    "district",
    "postcode",
    "person_aware",
    "target_groups",
    "situation",
    "wishes",
    "contact_route",
    "contact_name",
    "contact_phone",
    "contact_email",
    "contact_when",
    "consent",
]


@pytest.mark.slow
@FUZZ
@given(changes=st.dictionaries(st.sampled_from(SIGNAL_FIELDS), st.one_of(TEXT, st.none())))
def test_signal_form_refuses_hostile_input_and_stores_nothing_half(db, settings, changes):
    from signals.models import Signal
    from tests.signals.helpers import report_data

    settings.SIGNAL_RATE_LIMIT = 10_000
    before = Signal.objects.count()
    data = report_data(**{k: (without_nul(v) if v else v) for k, v in changes.items()})

    response = Client().post("/melden/", data, REMOTE_ADDR="192.0.2.1")

    assert response.status_code in (200, 302)
    stored = Signal.objects.count() - before
    if response.status_code == 302:
        assert stored == 1
    else:
        assert stored == 0
        assert_escaped(response.content.decode())


@pytest.mark.django_db
def test_signal_form_refuses_an_id_no_column_can_hold(client):
    """Hypothesis found it: a target group or district id past 64 bits was a 500 on SQLite."""
    from signals.models import Signal

    too_big = str(2**64)
    response = client.post(
        "/melden/",
        {
            "situation": "Mijn buurman komt de deur niet meer uit.",
            "target_groups": [too_big],
            "district": too_big,
        },
    )

    assert response.status_code == 200
    assert Signal.objects.count() == 0
