import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_home_speaks_dutch_and_routes_to_help(resident):
    response = resident.get(reverse("home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Oog voor elkaar" in html
    assert "Ik voel me eenzaam, of ik maak me zorgen om iemand" in html
    assert 'href="/melden/"' in html
    assert 'href="/sociale-kaart/"' in html
    assert "Ouderen" in html


def test_home_shows_configured_coalition_and_municipality(resident, settings):
    settings.COALITION_NAME = "Samen tegen eenzaamheid"
    settings.MUNICIPALITY_NAME = "Zoetermeer"

    html = resident.get(reverse("home")).content.decode()

    assert "Samen tegen eenzaamheid" in html
    assert "Zoetermeer" in html


def test_home_uses_a_fixed_number_of_queries(resident, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):  # +2: the coming events and the running campaign
        resident.get(reverse("home"))


def test_privacy_page_explains_storage_access_and_retention(resident):
    html = resident.get(reverse("privacy")).content.decode()

    assert "Wat we bewaren" in html
    assert "Wie het kan zien" in html
    assert "12 maanden" in html


def test_unknown_page_is_a_dutch_404(resident, settings):
    settings.DEBUG = False

    response = resident.get("/bestaat-niet/")

    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_server_error_page_is_dutch(resident):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Er ging iets mis" in html


def test_healthz_answers_when_the_database_does(resident):
    response = resident.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "oldest_waiting_task_seconds": None,
    }


def test_healthz_reports_how_long_the_oldest_task_waits(resident, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from coalition.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_email.enqueue(subject="Test", body="Test", to=["a@example.org"])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))

    waiting = resident.get("/healthz").json()["oldest_waiting_task_seconds"]

    assert 299 <= waiting <= 330


def test_healthz_is_503_when_the_database_does_not_answer(resident, monkeypatch):
    from django.db import DatabaseError

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = resident.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_theme_stylesheet_carries_the_municipal_colours(resident, settings):
    settings.BRAND_COLOR = "#123456"

    response = resident.get(reverse("theme_css"))

    assert response["Content-Type"] == "text/css"
    assert "--brand: #123456;" in response.content.decode()


def test_language_switch_turns_the_site_english(resident):
    response = resident.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)

    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "I feel lonely, or I worry about someone" in html


def test_every_request_is_logged_in_one_line_without_the_query_string(resident, caplog):
    with caplog.at_level("INFO", logger="coalition.requests"):
        resident.get(reverse("privacy") + "?q=naam")

    (record,) = [r for r in caplog.records if r.name == "coalition.requests"]
    assert record.getMessage().startswith("method=GET path=/privacy/ status=200 duration_ms=")
    assert "naam" not in record.getMessage()


def test_request_log_counts_queries_in_debug(resident, caplog, settings):
    settings.DEBUG = True

    with caplog.at_level("INFO", logger="coalition.requests"):
        resident.get(reverse("home"))

    (record,) = [r for r in caplog.records if r.name == "coalition.requests"]
    assert record.queries >= 1


def test_site_stays_dutch_for_an_english_browser(resident):
    response = resident.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="nl">' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_database_outage_gives_a_dutch_try_again_page(monkeypatch):
    from django.db import OperationalError
    from django.test import Client

    from coalition import security

    def outage(user):
        raise OperationalError("server closed the connection unexpectedly")

    # The outage strikes in a middleware, before any view runs.
    monkeypatch.setattr(security, "needs_second_factor", outage)
    client = Client(raise_request_exception=False)
    client.force_login(make_user(), backend="coalition.roles.Backend")

    response = client.get(reverse("privacy"))

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Probeer het later opnieuw" in html
    assert "wordt nooit twee keer opgeslagen" in html


def test_other_errors_stay_a_dutch_500(monkeypatch):
    from django.test import Client

    from coalition import views

    monkeypatch.setattr(views, "render", lambda *args, **kwargs: 1 / 0)

    response = Client(raise_request_exception=False).get(reverse("privacy"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
