"""What every signed-in request costs before the view's own work, and that it reads who the
user is anew each time: a device, a group or a permission changed counts from the next
request."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from tests.factories import make_totp_device

pytestmark = pytest.mark.django_db

PAGE = "/privacy/"  # a page that asks the database nothing of its own


def test_the_page_asks_nothing_of_its_own_for_a_visitor(resident, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = resident.get(PAGE)

    assert response.status_code == 200


def test_signed_in_coordinator_costs_four_queries(coordinator_client, django_assert_num_queries):
    coordinator_client.get(PAGE)  # counts "my work" once for this signals version

    # The session, the user, the device of the second step, the groups with their permissions.
    with django_assert_num_queries(4):
        response = coordinator_client.get(PAGE)

    assert response.status_code == 200


def test_signed_in_partner_costs_four_queries(partner_client, django_assert_num_queries):
    partner_client.get(PAGE)  # counts the waiting referrals once for this signals version

    # The session, the user, whether any second factor is set up, the groups with their
    # permissions.
    with django_assert_num_queries(4):
        response = partner_client.get(PAGE)

    assert response.status_code == 200


def test_partner_who_adds_an_authenticator_app_is_asked_for_a_code_on_the_next_request(
    partner_client, partner
):
    assert partner_client.get(PAGE).status_code == 200

    make_totp_device(partner)
    response = partner_client.get(PAGE)

    assert response["Location"] == f"{reverse('otp_verify')}?next={PAGE}"


def test_partner_with_only_recovery_codes_is_asked_for_a_code(partner_client, partner):
    StaticDevice.objects.create(user=partner, name="recovery", confirmed=True)

    response = partner_client.get(PAGE)

    assert response["Location"] == f"{reverse('otp_verify')}?next={PAGE}"


def test_partner_halfway_setting_up_an_app_is_not_asked_for_a_code(partner_client, partner):
    make_totp_device(partner, confirmed=False)

    assert partner_client.get(PAGE).status_code == 200


def test_partner_made_coordinator_must_set_up_a_second_factor_on_the_next_request(
    partner_client, partner
):
    assert partner_client.get(PAGE).status_code == 200

    partner.groups.add(Group.objects.get(name="coordinator"))
    response = partner_client.get(PAGE)

    assert response["Location"] == f"{reverse('otp_setup')}?next={PAGE}"


def test_coordinator_whose_app_is_removed_must_set_up_again_on_the_next_request(
    coordinator_client, coordinator
):
    assert coordinator_client.get(PAGE).status_code == 200

    coordinator.totpdevice_set.all().delete()
    response = coordinator_client.get(PAGE)

    assert response["Location"] == f"{reverse('otp_setup')}?next={PAGE}"


def test_partner_who_leaves_the_partner_group_loses_the_inbox_on_the_next_request(
    partner_client, partner
):
    inbox = reverse("signals:inbox")
    assert partner_client.get(inbox).status_code == 200

    partner.groups.clear()

    assert partner_client.get(inbox).status_code == 403


def test_permission_given_personally_and_through_the_group_both_count(partner_client, partner):
    queue = reverse("signals:queue")
    triage = Permission.objects.get(content_type__app_label="signals", codename="triage_signal")
    partner.user_permissions.add(triage)
    assert partner_client.get(queue).status_code == 200

    partner.user_permissions.clear()
    Group.objects.get(name="partner").permissions.add(triage)
    assert partner_client.get(queue).status_code == 200

    Group.objects.get(name="partner").permissions.remove(triage)
    assert partner_client.get(queue).status_code == 403
