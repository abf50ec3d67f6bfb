"""Every absolute link in mail and feeds starts with SITE_URL (http://localhost:8000 in
development), not with the host a request happened to name."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from coalition.lib import absolute_url
from network.socialmap.services import send_verification_reminders
from tests.factories import make_activity, make_meeting, make_organisation

pytestmark = pytest.mark.django_db


def invite(client) -> str:
    organisation = make_organisation()
    client.post(
        reverse("network:partner_invite", args=[organisation.slug]),
        {"email": "sanne@example.org", "first_name": "Sanne"},
    )
    return re.search(r"\S+/accounts/reset/\S+", mail.outbox[0].body).group()


def test_absolute_url_starts_with_the_site_url(settings):
    settings.SITE_URL = "https://kaart.example.org"

    assert absolute_url("/sociale-kaart/") == "https://kaart.example.org/sociale-kaart/"


def test_partner_invitation_links_to_localhost_with_the_port_by_default(coordinator_client):
    link = invite(coordinator_client)

    assert link.startswith("http://localhost:8000/accounts/reset/")


def test_partner_invitation_links_to_the_configured_site(coordinator_client, settings):
    settings.SITE_URL = "https://kaart.example.org"

    link = invite(coordinator_client)

    assert link.startswith("https://kaart.example.org/accounts/reset/")


def test_verification_reminder_links_to_localhost_with_the_port_by_default(partner):
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)

    send_verification_reminders(today=date(2026, 11, 23))

    assert "http://localhost:8000/sociale-kaart/controleren/" in mail.outbox[0].body


def test_reminder_command_needs_no_base_url_and_follows_the_setting(partner, settings):
    settings.SITE_URL = "https://kaart.example.org"
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)

    call_command("send_verification_reminders")

    assert "https://kaart.example.org/sociale-kaart/controleren/" in mail.outbox[0].body


def test_reminder_command_still_takes_a_base_url(partner):
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)

    call_command("send_verification_reminders", "--base-url", "https://x.example.org/")

    assert "https://x.example.org/sociale-kaart/controleren/" in mail.outbox[0].body


def test_feeds_and_downloads_link_to_the_site_url_not_the_request_host(
    client, partner_client, settings
):
    settings.SITE_URL = "https://kaart.example.org"
    activity = make_activity()
    meeting = make_meeting()
    page = f"https://kaart.example.org/sociale-kaart/activiteit/{activity.pk}/"

    ics = client.get(reverse("network:activity_ics", args=[activity.pk])).content.decode()
    csv = b"".join(client.get(reverse("network:export_csv")).streaming_content).decode()
    meetings = partner_client.get(reverse("network:meetings_ics")).content.decode()

    assert f"URL:{page}" in ics.replace("\r\n ", "")
    assert page in csv
    assert "testserver" not in ics + csv + meetings
    assert f"URL:https://kaart.example.org{meeting.get_absolute_url()}" in meetings.replace(
        "\r\n ", ""
    )
