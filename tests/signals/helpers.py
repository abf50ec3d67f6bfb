import re

from django.test import Client

from coalition.models import Area
from signals.forms.intake import new_form_token


def report_data(**overrides) -> dict:
    """What a resident types into /melden/ about a neighbour."""
    data = {
        "reporter_kind": "concerned",
        "person_name": "Mevr. K.",
        "age_band": "76+",
        "district": "",
        "postcode": "2271ab",
        "person_aware": "no",
        "situation": "Mijn buurvrouw komt niet meer buiten sinds haar man is overleden.",
        "wishes": "Misschien een koffieochtend in de buurt.",
        "contact_route": "email",
        "contact_name": "Piet",
        "contact_email": "piet@example.org",
        "share_contact": "no",
        "consent": "on",
        "website": "",
        "form_token": new_form_token(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def district() -> Area:
    from tests.factories import make_area

    return make_area(code="WK191601", name="Voorburg-Noord")


def post_report(client: Client, follow: bool = False, **overrides):
    return client.post(
        "/melden/", report_data(**overrides), REMOTE_ADDR="203.0.113.7", follow=follow
    )


def reference_in(html: str) -> str:
    match = re.search(r"S-\d{4}-\d{5}", html)
    return match[0] if match else ""
