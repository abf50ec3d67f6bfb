import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from signals.models import Signal, SignalEvent, SignalMail
from tests.factories import target_group
from tests.signals.helpers import post_report, reference_in, report_data

pytestmark = pytest.mark.django_db


def test_report_form_is_shown_in_dutch_with_privacy_link(resident):
    response = resident.get(reverse("signals:report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Stap 1 van 5" in html
    assert 'href="/privacy/"' in html
    assert "anoniem" in html


def test_report_stores_signal_and_thanks_with_reference_only(resident, settings):
    settings.COORDINATOR_EMAIL = "servicepunt@example.org"

    response = post_report(resident, target_groups=[target_group("ouderen").pk])

    assert response.status_code == 302
    assert response["Location"] == reverse("signals:thanks")
    signal = Signal.objects.get()
    assert signal.reference.startswith("S-")
    assert signal.postcode == "2271 AB"
    assert signal.channel == Signal.Channel.WEB
    assert signal.status == Signal.Status.NEW
    assert list(signal.target_groups.all()) == [target_group("ouderen")]
    thanks = resident.get(response["Location"]).content.decode()
    assert reference_in(thanks) == signal.reference
    assert "buurvrouw" not in thanks
    assert "piet@example.org" not in thanks
    assert "Wat gebeurt er nu?" in thanks


def test_report_sends_notification_and_confirmation_without_content(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.COORDINATOR_EMAIL = "servicepunt@example.org"

    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)

    signal = Signal.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["piet@example.org", "servicepunt@example.org"]
    for message in mail.outbox:
        assert signal.reference in message.body
        assert "buurvrouw" not in message.body
    assert set(signal.mails.values_list("state", flat=True)) == {SignalMail.State.SENT}
    kinds = list(signal.events.values_list("kind", flat=True))
    assert kinds.count(SignalEvent.Kind.MAIL_SENT) == 2


def test_double_submit_stores_once(resident, django_capture_on_commit_callbacks):
    data = report_data()

    with django_capture_on_commit_callbacks(execute=True):
        first = resident.post("/melden/", data, REMOTE_ADDR="203.0.113.7")
        second = resident.post("/melden/", data, REMOTE_ADDR="203.0.113.7")

    assert Signal.objects.count() == 1
    assert first["Location"] == second["Location"] == reverse("signals:thanks")
    thanks = resident.get(reverse("signals:thanks")).content.decode()
    assert reference_in(thanks) == Signal.objects.get().reference
    assert len(mail.outbox) == 2


def test_forged_form_token_is_refused_and_nothing_stored(resident):
    response = post_report(resident, form_token="made-up")

    assert response.status_code == 200
    assert "Dit formulier is verlopen" in response.content.decode()
    assert Signal.objects.count() == 0


def test_rate_limit_answers_429_in_dutch(resident, settings):
    settings.SIGNAL_RATE_LIMIT = 2
    post_report(resident)
    post_report(resident)

    response = post_report(resident)

    assert response.status_code == 429
    assert "Wacht even" in response.content.decode()
    assert Signal.objects.count() == 2


def test_rate_limit_is_per_client_address(resident, settings):
    settings.SIGNAL_RATE_LIMIT = 1
    post_report(resident)

    response = resident.post("/melden/", report_data(), REMOTE_ADDR="198.51.100.1")

    assert response.status_code == 302
    assert Signal.objects.count() == 2


def test_honeypot_thanks_the_robot_exactly_like_a_resident(
    resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        real = Client().post("/melden/", report_data(), REMOTE_ADDR="198.51.100.9", follow=True)

        caught = post_report(resident, website="http://spam.example", follow=True)

    assert caught.redirect_chain == real.redirect_chain == [(reverse("signals:thanks"), 302)]
    assert caught.status_code == real.status_code == 200
    assert [t.name for t in caught.templates] == [t.name for t in real.templates]
    real_reference = Signal.objects.get().reference
    decoy = reference_in(caught.content.decode())
    assert decoy[:7] == real_reference[:7]
    assert int(real_reference[7:]) < int(decoy[7:]) <= int(real_reference[7:]) + 3
    assert Signal.objects.count() == 1
    assert len(mail.outbox) == 2  # the resident's two mails, none for the robot


def test_resend_after_a_lost_answer_shows_the_same_reference_even_at_the_limit(resident, settings):
    settings.SIGNAL_RATE_LIMIT = 1
    data = report_data()
    resident.post("/melden/", data, REMOTE_ADDR="203.0.113.7")  # the answer never arrives

    again = resident.post("/melden/", data, REMOTE_ADDR="203.0.113.7", follow=True)

    assert again.status_code == 200
    assert reference_in(again.content.decode()) == Signal.objects.get().reference


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"postcode": "12345"}, "Vul een postcode in zoals 2271 AB."),
        ({"postcode": "", "district": ""}, "Kies een wijk of vul een postcode in."),
        ({"contact_route": "phone", "contact_phone": ""}, "Vul een telefoonnummer in."),
        ({"contact_email": ""}, "Vul een e-mailadres in."),
        ({"contact_route": ""}, "Kies hoe we contact met u mogen opnemen"),
        (
            {"consent": None},
            "Geef toestemming. Zonder toestemming kunnen we uw melding niet bewaren.",
        ),
        ({"situation": "x" * 3001}, "niet meer dan 3000 tekens"),
        ({"age_band": "200+"}, "Selecteer een geldige keuze."),
        ({"person_aware": ""}, "Vertel ons of de persoon hiervan weet."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_kept(resident, overrides, field_message):
    response = post_report(resident, **overrides)

    assert response.status_code == 200
    html = response.content.decode()
    assert field_message in html
    assert "Controleer uw antwoorden" in html
    assert overrides.get("situation", "Mijn buurvrouw komt niet meer buiten")[:40] in html
    assert Signal.objects.count() == 0


def test_anonymous_report_keeps_no_contact_details(resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident, contact_route="anonymous", contact_email="piet@example.org")

    signal = Signal.objects.get()
    assert signal.contact_email == ""
    assert [m.to[0] for m in mail.outbox] == [signal.mails.get().to]


def test_partner_reports_as_professional(partner_client, partner):
    form = partner_client.get("/melden/").content.decode()
    assert 'value="professional" checked' in form or "checked" in form

    post_report(partner_client, reporter_kind="professional")

    signal = Signal.objects.get()
    assert signal.channel == Signal.Channel.PROFESSIONAL
    assert signal.reported_by == partner


def test_references_count_up_per_year(resident):
    post_report(resident)
    post_report(resident)

    references = sorted(Signal.objects.values_list("reference", flat=True))
    year = references[0][2:6]
    assert references == [f"S-{year}-00001", f"S-{year}-00002"]


def test_thanks_page_without_report_shows_no_reference(resident):
    html = resident.get(reverse("signals:thanks")).content.decode()

    assert "We hebben uw melding ontvangen." in html
    assert reference_in(html) == ""


def test_thanks_page_tells_when_we_contact(resident, settings):
    settings.SIGNAL_FIRST_CONTACT_DAYS = 3
    post_report(resident)
    due = Signal.objects.get().contact_due

    html = resident.get(reverse("signals:thanks")).content.decode()

    assert "binnen 3 werkdagen" in html
    assert f"uiterlijk op {due.day} " in html


def test_rate_limit_counts_visitors_behind_a_proxy_separately(resident, settings):
    from tests.signals.helpers import report_data

    settings.SIGNAL_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_HOPS = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5"}

    first = resident.post("/melden/", report_data(), HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    other = resident.post("/melden/", report_data(), HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy)
    again = resident.post("/melden/", report_data(), HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)

    assert (first.status_code, other.status_code, again.status_code) == (302, 302, 429)


def test_thanks_cookie_is_plain_so_a_client_that_rewrites_quoted_cookies_still_sees_it(resident):
    """RFC 6265 allows no backslash, comma or quote inside a cookie value; python-requests
    (the bench's load generator) drops every \\" from a quoted one. The value goes out
    unquoted, and the thank-you page shows the reference to a client that returns it as is."""
    response = post_report(resident)

    sent = response.cookies["signal_thanks"]
    assert sent.coded_value == sent.value
    assert re.fullmatch(r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+", sent.value)
    html = Client().get(reverse("signals:thanks"), HTTP_COOKIE=f"signal_thanks={sent.value}")
    assert reference_in(html.content.decode()) == Signal.objects.get().reference
