import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(resident):
    response = resident.get(reverse("home"))

    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp


def test_pages_forbid_framing_and_sniffing_and_limit_referrers(resident):
    response = resident.get(reverse("home"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_another_host(resident):
    html = resident.get(reverse("home")).content.decode()

    assert "http://" not in html.replace("http://www.w3.org", "")
    assert 'src="https://' not in html
    assert 'href="https://' not in html


def test_bootstrap_is_served_by_us(resident):
    response = resident.get("/static/vendor/bootstrap/css/bootstrap.min.css")

    assert response.status_code == 200
    assert b"Bootstrap" in b"".join(response.streaming_content)[:400]
