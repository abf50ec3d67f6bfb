from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import Activity, ActivityEvent
from network.socialmap.services import send_verification_reminders
from network.socialmap.tokens import verification_token
from tests.factories import make_activity, make_organisation

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def test_reminder_goes_to_partners_of_activities_unchecked_for_six_months(partner, settings):
    settings.SITE_URL = "https://kaart.example.org"
    organisation = make_organisation(users=[partner])
    make_activity(organisation=organisation, title="Oud", last_verified_on=date(2026, 5, 1))
    make_activity(organisation=organisation, title="Vers", last_verified_on=date(2026, 10, 1))
    make_activity(
        organisation=organisation,
        title="Niet gepubliceerd",
        last_verified_on=date(2020, 1, 1),
        publication_state="pending",
    )
    sent = send_verification_reminders(today=TODAY)
    assert sent == 1
    assert mail.outbox[0].to == [partner.email]
    assert "“Oud”" in mail.outbox[0].subject
    assert "https://kaart.example.org/sociale-kaart/controleren/" in mail.outbox[0].body


def test_reminder_is_not_repeated_within_a_month(partner):
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)
    send_verification_reminders(today=TODAY)
    assert send_verification_reminders(today=TODAY + timedelta(days=10)) == 0
    assert send_verification_reminders(today=TODAY + timedelta(days=31)) == 1


def test_command_queues_reminders(partner):
    make_activity(organisation=make_organisation(users=[partner]), last_verified_on=None)
    call_command("send_verification_reminders", "--base-url", "https://x.example.org")
    assert len(mail.outbox) == 1


def test_signed_link_marks_the_activity_as_checked(client, partner):
    activity = make_activity(
        organisation=make_organisation(users=[partner]), last_verified_on=date(2025, 1, 1)
    )
    url = f"/sociale-kaart/controleren/{verification_token(activity, partner)}/"
    page = client.get(url)
    assert "Ja, alles klopt nog" in page.content.decode()
    activity.refresh_from_db()
    assert activity.last_verified_on == date(2025, 1, 1)  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.last_verified_on == timezone.localdate()
    assert activity.last_verified_by == partner
    assert activity.events.get().action == ActivityEvent.Action.VERIFIED


def test_tampered_link_is_refused(client, partner):
    activity = make_activity(organisation=make_organisation(users=[partner]))
    token = verification_token(activity, partner)
    assert client.get(f"/sociale-kaart/controleren/{token}x/").status_code == 403


def test_link_of_a_removed_partner_is_refused(client, partner):
    organisation = make_organisation(users=[partner])
    activity = make_activity(organisation=organisation)
    token = verification_token(activity, partner)
    organisation.users.remove(partner)
    assert client.post(f"/sociale-kaart/controleren/{token}/").status_code == 403


def test_partner_confirms_in_workspace(partner_client, partner):
    activity = make_activity(
        organisation=make_organisation(users=[partner]), last_verified_on=date(2024, 1, 1)
    )
    partner_client.post(f"/netwerk/activiteiten/{activity.pk}/controleren/")
    activity.refresh_from_db()
    assert activity.last_verified_on == timezone.localdate()


def test_stale_list_shows_activities_unchecked_for_twelve_months(coordinator_client):
    old = timezone.localdate() - timedelta(days=400)
    make_activity(title="Heel oud", last_verified_on=old)
    make_activity(title="Recent", last_verified_on=timezone.localdate())
    response = coordinator_client.get("/netwerk/verouderd/")
    assert [a.title for a in response.context["page"]] == ["Heel oud"]
    assert Activity.objects.stale(timezone.localdate()).count() == 1
