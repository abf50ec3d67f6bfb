"""A mistake reported on an activity reaches its organisation's partner users (issue 14): a
mail with only a link, the report in their workspace, where they mark it as handled; the
coordinator sees who handled what."""

import pytest
from django.core import mail
from django.urls import reverse

from network.models import MistakeReport
from tests.factories import make_activity, make_organisation, make_user

pytestmark = pytest.mark.django_db

MESSAGE = "De tijd klopt niet, het is nu om 14 uur. Bel mij: 06 12345678"
EMAIL = "melder@example.org"


@pytest.fixture
def activity(partner):
    colleague = make_user(username="kees@example.org", roles=["partner"])
    gone = make_user(username="weg@example.org", roles=["partner"], is_active=False)
    organisation = make_organisation(users=[partner, colleague, gone])
    return make_activity(organisation=organisation, title="Breiclub")


def report(resident, activity, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = resident.post(
            reverse("network:report_mistake", args=[activity.pk]),
            {"message": MESSAGE, "email": EMAIL},
        )
    assert response.status_code == 302
    return MistakeReport.objects.get()


def test_report_mails_the_organisations_active_partner_users_without_reporter_data(
    resident, activity, django_capture_on_commit_callbacks
):
    report(resident, activity, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["kees@example.org", "partner@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Er is een fout gemeld in “Breiclub”"
    assert "http://localhost:8000/netwerk/" in message.body
    for private in (EMAIL, "06 12345678", "14 uur"):
        assert private not in message.subject + message.body


def test_no_mail_before_the_report_is_stored(resident, activity):
    resident.post(
        reverse("network:report_mistake", args=[activity.pk]), {"message": MESSAGE, "email": ""}
    )

    assert mail.outbox == []  # only after the commit (the test's transaction never commits)


def test_partner_sees_and_resolves_the_report_in_the_workspace(
    resident, activity, partner, partner_client, django_capture_on_commit_callbacks
):
    stored = report(resident, activity, django_capture_on_commit_callbacks)

    home = partner_client.get(reverse("network:workspace"))
    assert [r.pk for r in home.context["reports"]] == [stored.pk]
    assert MESSAGE in home.content.decode()
    assert EMAIL not in home.content.decode()

    response = partner_client.post(reverse("network:report_resolve", args=[stored.pk]))

    assert response.url == reverse("network:workspace")
    stored.refresh_from_db()
    assert stored.resolved_by == partner
    assert stored.resolved_at is not None
    assert list(partner_client.get(reverse("network:workspace")).context["reports"]) == []


def test_partner_of_another_organisation_cannot_resolve(
    resident, activity, other_partner_client, django_capture_on_commit_callbacks
):
    stored = report(resident, activity, django_capture_on_commit_callbacks)

    home = other_partner_client.get(reverse("network:workspace"))
    assert list(home.context["reports"]) == []
    assert (
        other_partner_client.post(reverse("network:report_resolve", args=[stored.pk])).status_code
        == 403
    )
    stored.refresh_from_db()
    assert stored.resolved_at is None


def test_coordinator_list_shows_who_resolved_what(
    resident, activity, partner_client, coordinator_client, django_capture_on_commit_callbacks
):
    stored = report(resident, activity, django_capture_on_commit_callbacks)
    partner_client.post(reverse("network:report_resolve", args=[stored.pk]))

    page = coordinator_client.get(reverse("network:reports"))

    assert list(page.context["page"]) == []
    assert list(page.context["handled"]) == [stored]
    text = page.content.decode()
    assert "Henk" in text  # the partner's first name
    assert "Onlangs afgehandeld" in text


def test_coordinator_list_uses_a_fixed_number_of_queries(
    coordinator_client, coordinator, django_assert_max_num_queries
):
    for n in range(30):
        item = MistakeReport.objects.create(activity=make_activity(), message=f"Fout {n}")
        if n % 2:
            item.resolved_by = coordinator
            item.resolved_at = item.created_at
            item.save()

    with django_assert_max_num_queries(11):
        assert coordinator_client.get(reverse("network:reports")).status_code == 200
