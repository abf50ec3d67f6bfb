"""The coordinator pages of the signals app follow Django permissions, not the group name."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import make_signal

pytestmark = pytest.mark.django_db


def permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="signals", codename=codename)


def test_a_coordinator_whose_group_loses_triage_is_refused(coordinator_client):
    signal = make_signal()
    assert coordinator_client.get("/signalen/").status_code == 200

    Group.objects.get(name="coordinator").permissions.remove(permission("triage_signal"))

    assert coordinator_client.get("/signalen/").status_code == 403
    assert coordinator_client.get(f"/signalen/{signal.reference}/").status_code == 403
    assert coordinator_client.post(f"/signalen/{signal.reference}/oppakken/").status_code == 403


def test_a_partner_granted_triage_personally_opens_the_queue(partner_client, partner):
    signal = make_signal()
    assert partner_client.get("/signalen/").status_code == 403

    partner.user_permissions.add(permission("triage_signal"))

    assert partner_client.get("/signalen/").status_code == 200
    assert partner_client.get(f"/signalen/{signal.reference}/").status_code == 200


def test_the_desk_report_follows_add_signal(coordinator_client, partner_client, partner):
    Group.objects.get(name="coordinator").permissions.remove(permission("add_signal"))
    partner.user_permissions.add(permission("add_signal"))

    assert coordinator_client.get("/signalen/nieuw/").status_code == 403
    assert partner_client.get("/signalen/nieuw/").status_code == 200


def test_anonymising_needs_its_own_permission_too(coordinator_client):
    signal = make_signal(status="closed")
    Group.objects.get(name="coordinator").permissions.remove(permission("anonymise_signal"))

    response = coordinator_client.post(f"/signalen/{signal.reference}/anonimiseren/")

    assert response.status_code == 403
    signal.refresh_from_db()
    assert signal.anonymised_at is None
