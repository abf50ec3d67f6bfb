"""Partners help themselves (issue 14): an administrator of an organisation invites and
disables colleagues of that organisation only; the coordinator keeps the last word."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from network.models import OrganisationUser
from tests.conftest import login
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def make_admin(organisation, user):
    OrganisationUser.objects.filter(organisation=organisation, user=user).update(is_admin=True)


@pytest.fixture
def organisation(partner):
    organisation = make_organisation(name="Buurtkamer", users=[partner])
    make_admin(organisation, partner)
    return organisation


@pytest.fixture
def colleague(organisation):
    user = make_user(username="kees@example.org", first_name="Kees", roles=["partner"])
    organisation.users.add(user)
    return user


def invite_url(organisation):
    return reverse("network:partner_invite", args=[organisation.slug])


def disable_url(organisation, user):
    return reverse("network:partner_disable", args=[organisation.slug, user.pk])


def test_admin_invites_a_colleague_with_a_working_set_password_link(
    partner_client, organisation, client
):
    response = partner_client.post(
        invite_url(organisation), {"email": "Sanne@Example.org", "first_name": "Sanne"}
    )

    assert response.status_code == 302
    invited = User.objects.get(username="sanne@example.org")
    assert list(invited.organisations.all()) == [organisation]
    assert invited.groups.filter(name="partner").exists()
    assert mail.outbox[0].to == ["sanne@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    page = client.get(link.split("http://localhost:8000", 1)[1], follow=True)
    assert "new_password1" in page.content.decode()


def test_admin_cannot_invite_an_existing_account(partner_client, organisation, other_partner):
    other_partner.is_active = False
    other_partner.save()

    response = partner_client.post(
        invite_url(organisation), {"email": other_partner.email, "first_name": "X"}
    )

    assert response.status_code == 200
    assert "Vraag het Sociaal Servicepunt" in response.content.decode()
    other_partner.refresh_from_db()
    assert not other_partner.is_active
    assert list(other_partner.organisations.all()) == []


def test_admin_disables_a_colleague(partner_client, organisation, colleague):
    response = partner_client.post(disable_url(organisation, colleague))

    assert response.url == reverse("network:workspace_organisation", args=[organisation.slug])
    colleague.refresh_from_db()
    assert not colleague.is_active


def test_admin_of_a_cannot_touch_the_users_of_b(partner_client, organisation, other_partner):
    elsewhere = make_organisation(users=[other_partner])

    assert partner_client.get(invite_url(elsewhere)).status_code == 403
    assert partner_client.post(disable_url(elsewhere, other_partner)).status_code == 403
    response = partner_client.post(
        invite_url(elsewhere), {"email": "nieuw@example.org", "first_name": "N"}
    )
    assert response.status_code == 403
    other_partner.refresh_from_db()
    assert other_partner.is_active
    assert not User.objects.filter(username="nieuw@example.org").exists()


def test_admin_cannot_disable_a_colleague_who_also_works_elsewhere(
    partner_client, organisation, colleague
):
    make_organisation(users=[colleague])

    assert partner_client.post(disable_url(organisation, colleague)).status_code == 403
    colleague.refresh_from_db()
    assert colleague.is_active


def test_admin_cannot_disable_a_coordinator(partner_client, organisation, coordinator):
    organisation.users.add(coordinator)

    assert partner_client.post(disable_url(organisation, coordinator)).status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_last_admin_cannot_disable_themselves(partner_client, organisation, partner, colleague):
    assert partner_client.post(disable_url(organisation, partner)).status_code == 403
    partner.refresh_from_db()
    assert partner.is_active

    make_admin(organisation, colleague)
    response = partner_client.post(disable_url(organisation, partner))

    assert response.url == reverse("home")
    partner.refresh_from_db()
    assert not partner.is_active


def test_admin_cannot_disable_another_admin(partner_client, organisation, colleague):
    make_admin(organisation, colleague)

    assert partner_client.post(disable_url(organisation, colleague)).status_code == 403
    colleague.refresh_from_db()
    assert colleague.is_active


def test_a_partner_who_is_no_admin_cannot_invite_or_disable(client, organisation, colleague):
    login(client, colleague, verified=False)

    assert client.get(invite_url(organisation)).status_code == 403
    assert client.post(disable_url(organisation, colleague)).status_code == 403
    page = client.get(reverse("network:workspace_organisation", args=[organisation.slug]))
    assert invite_url(organisation) not in page.content.decode()


def test_coordinator_makes_and_unmakes_an_admin(coordinator_client, organisation, colleague):
    url = reverse("network:partner_admin", args=[organisation.slug, colleague.pk])

    coordinator_client.post(url, {"is_admin": "on"})
    assert colleague in organisation.active_admins()
    assert OrganisationUser.objects.get(organisation=organisation, user=colleague).is_admin

    coordinator_client.post(url, {})
    assert not OrganisationUser.objects.get(organisation=organisation, user=colleague).is_admin


def test_admin_cannot_make_admins_or_switch_accounts_on(partner_client, organisation, colleague):
    colleague.is_active = False
    colleague.save()

    admin_url = reverse("network:partner_admin", args=[organisation.slug, colleague.pk])
    enable_url = reverse("network:partner_enable", args=[organisation.slug, colleague.pk])
    assert partner_client.post(admin_url, {"is_admin": "on"}).status_code == 403
    assert partner_client.post(enable_url).status_code == 403
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert not OrganisationUser.objects.get(organisation=organisation, user=colleague).is_admin


def test_coordinator_switches_on_an_account_an_admin_disabled(
    partner_client, coordinator_client, organisation, colleague, client
):
    partner_client.post(disable_url(organisation, colleague))

    page = coordinator_client.get(
        reverse("network:workspace_organisation", args=[organisation.slug])
    )
    assert "uitgezet" in page.content.decode()
    coordinator_client.post(
        reverse("network:partner_enable", args=[organisation.slug, colleague.pk])
    )

    colleague.refresh_from_db()
    assert colleague.is_active
    login(client, colleague, verified=False)
    assert client.get(reverse("network:workspace")).status_code == 200


def test_organisation_page_shows_the_admin_the_invitation_form(partner_client, organisation):
    page = partner_client.get(reverse("network:workspace_organisation", args=[organisation.slug]))

    text = page.content.decode()
    assert "beheerder" in text
    assert invite_url(organisation) in text
