"""The blank signal form is rendered once per language and catalogue version: every visitor
still gets a CSRF token and a one-time form token of their own, a new district shows at once,
and nothing a visitor typed ever lands in the cache."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from coalition.models import TargetGroup
from network.socialmap import catalogue
from signals.forms.intake import ReportForm, read_form_token
from signals.models import Signal
from signals.views.intake import _report_page
from tests.factories import make_area
from tests.signals.helpers import report_data

pytestmark = pytest.mark.django_db

TOKENS = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"')


def tokens(html: str) -> dict:
    return dict(TOKENS.findall(html))


def test_each_visitor_gets_fresh_tokens():
    first, second = Client(), Client()

    one = tokens(first.get("/melden/").content.decode())
    two = tokens(second.get("/melden/").content.decode())

    assert set(one) == set(two) == {"csrfmiddlewaretoken", "form_token"}
    assert one["form_token"] != two["form_token"]
    assert one["csrfmiddlewaretoken"] != two["csrfmiddlewaretoken"]
    assert read_form_token(one["form_token"]) != read_form_token(two["form_token"])


def test_a_form_from_the_cache_is_stored_once():
    client = Client(enforce_csrf_checks=True)
    client.get("/melden/")  # builds the cache
    page = tokens(client.get("/melden/").content.decode())

    data = report_data(
        form_token=page["form_token"], csrfmiddlewaretoken=page["csrfmiddlewaretoken"]
    )
    assert client.post("/melden/", data).status_code == 302
    assert client.post("/melden/", data).status_code == 302  # the resend

    assert Signal.objects.count() == 1


def test_a_second_visit_does_not_read_the_vocabularies():
    Client().get("/melden/")

    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/melden/")

    assert response.status_code == 200
    assert [q["sql"] for q in queries if "coalition_area" in q["sql"]] == []
    assert [q["sql"] for q in queries if "coalition_targetgroup" in q["sql"]] == []


def test_a_new_district_shows_at_once():
    assert "Wijk Nieuwland" not in Client().get("/melden/").content.decode()

    make_area(name="Wijk Nieuwland")

    assert "Wijk Nieuwland" in Client().get("/melden/").content.decode()


def test_the_cached_page_is_the_page_rendered_afresh():
    Client().get("/melden/")  # builds the cache
    cached = Client().get("/melden/").content.decode()
    request = RequestFactory().get("/melden/")
    request.user = AnonymousUser()
    fresh = _report_page(request, ReportForm()).content.decode()

    def without_tokens(html):
        return TOKENS.sub(r'name="\1" value=""', html)

    assert _form_part(without_tokens(cached)) == _form_part(without_tokens(fresh))


def _form_part(html: str) -> str:
    start = html.index('<form method="post" action="/melden/"')
    return re.sub(r">\s+<", "><", html[start : html.index("</form>", start)]).strip()


def test_a_refused_form_keeps_the_visitors_text_out_of_the_cache():
    client = Client()
    client.get("/melden/")
    secret = "Mijn buurman Jansen op nummer 12 huilt elke avond."

    refused = client.post("/melden/", report_data(situation=secret, consent=None))
    blank = Client().get("/melden/").content.decode()

    assert secret in refused.content.decode()  # shown back to who typed it
    assert secret not in blank
    cached = [repr(value) for _version, value in catalogue._local.values()]
    cached += [repr(caches["catalogue"].get(key)) for key in caches["catalogue"]._cache]
    assert cached and all("Jansen" not in text for text in cached)


def test_a_target_group_switched_off_is_refused_at_once():
    group = TargetGroup.objects.filter(is_active=True).first()
    Client().post("/melden/", report_data(target_groups=[group.pk]))  # the choices are cached
    assert Signal.objects.count() == 1

    group.is_active = False
    group.save()
    refused = Client().post("/melden/", report_data(target_groups=[group.pk]))

    assert refused.status_code == 200
    assert "target_groups" in refused.context["form"].errors
    assert Signal.objects.count() == 1


def test_a_new_district_is_accepted_at_once():
    Client().post("/melden/", report_data())  # the choices are cached
    area = make_area(name="Wijk Nieuwland")

    response = Client().post("/melden/", report_data(district=area.pk, postcode=""))

    assert response.status_code == 302
    assert Signal.objects.latest("pk").district == area
