"""The doors of the network app are Django permissions: the roles hold them through the data
migration, and a permission taken from a group or given to one person moves the door with it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from network.models import Activity
from tests.conftest import login
from tests.factories import (
    make_activity,
    make_meeting,
    make_organisation,
    make_person,
    make_user,
)

pytestmark = pytest.mark.django_db

MIGRATION = ("network", "0012_access_permissions")
NEW_CODENAMES = {
    "use_workspace",
    "manage_organisation",
    "moderate_activity",
    "manage_membership",
    "export_person",
}

# A coordinator-only page behind each new coordinator permission.
PAGES = {
    "manage_organisation": "/netwerk/organisaties/",
    "moderate_activity": "/netwerk/moderatie/",
    "manage_membership": "/netwerk/leden/",
    "export_person": "/netwerk/mensen/export.csv",
}


def permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="network", codename=codename)


def new_codenames_of(group_name: str) -> set[str]:
    permissions = Group.objects.get(name=group_name).permissions.filter(
        content_type__app_label="network", codename__in=NEW_CODENAMES
    )
    return set(permissions.values_list("codename", flat=True))


def test_the_migration_gives_each_role_exactly_its_new_permissions():
    assert new_codenames_of("coordinator") == NEW_CODENAMES
    assert new_codenames_of("partner") == {"use_workspace"}


def test_the_migration_reverses_and_grants_again_without_touching_other_permissions():
    from importlib import import_module

    migration = import_module("network.migrations.0012_access_permissions")
    state_apps = MigrationLoader(connection).project_state(MIGRATION).apps
    partner_before = Group.objects.get(name="partner").permissions.count()

    migration.revoke_permissions(state_apps, None)

    assert new_codenames_of("coordinator") == set()
    assert new_codenames_of("partner") == set()
    assert Group.objects.get(name="partner").permissions.count() == partner_before - 1

    migration.grant_permissions(state_apps, None)
    migration.grant_permissions(state_apps, None)

    assert new_codenames_of("coordinator") == NEW_CODENAMES
    assert new_codenames_of("partner") == {"use_workspace"}
    assert Group.objects.get(name="partner").permissions.count() == partner_before


@pytest.mark.parametrize("codename", sorted(PAGES))
def test_a_coordinator_whose_group_loses_the_permission_is_refused(coordinator_client, codename):
    assert coordinator_client.get(PAGES[codename]).status_code == 200

    Group.objects.get(name="coordinator").permissions.remove(permission(codename))

    assert coordinator_client.get(PAGES[codename]).status_code == 403


@pytest.mark.parametrize("codename", sorted(PAGES))
def test_a_partner_granted_the_permission_personally_gets_in(partner_client, partner, codename):
    assert partner_client.get(PAGES[codename]).status_code == 403

    partner.user_permissions.add(permission(codename))

    assert partner_client.get(PAGES[codename]).status_code == 200


def test_the_workspace_follows_use_workspace(client, coordinator_client):
    user = make_user()
    login(client, user, verified=False)
    assert client.get("/netwerk/").status_code == 403

    user.user_permissions.add(permission("use_workspace"))
    Group.objects.get(name="coordinator").permissions.remove(permission("use_workspace"))

    assert client.get("/netwerk/").status_code == 200
    assert coordinator_client.get("/netwerk/").status_code == 403


def test_a_coordinator_without_moderate_activity_cannot_publish(coordinator_client):
    activity = make_activity(publication_state=Activity.Publication.PENDING)
    Group.objects.get(name="coordinator").permissions.remove(permission("moderate_activity"))

    response = coordinator_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")

    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.publication_state == Activity.Publication.PENDING


def test_a_partner_granted_moderate_activity_publishes_and_sees_the_review_links(
    partner_client, partner
):
    activity = make_activity(publication_state=Activity.Publication.PENDING)
    assert "Te controleren" not in partner_client.get("/netwerk/").content.decode()
    partner.user_permissions.add(permission("moderate_activity"))

    home = partner_client.get("/netwerk/").content.decode()
    response = partner_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")

    assert "Te controleren" in home
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.publication_state == Activity.Publication.PUBLISHED


def test_a_partner_granted_moderate_activity_edits_any_activity(partner_client, partner):
    activity = make_activity(organisation=make_organisation(name="Niet van mij"))
    url = f"/netwerk/activiteiten/{activity.pk}/"
    assert partner_client.get(url).status_code == 403

    partner.user_permissions.add(permission("moderate_activity"))

    assert partner_client.get(url).status_code == 200


def people_listed_for(client) -> list[str]:
    return [person.name for person in client.get("/netwerk/mensen/").context["page"]]


def test_who_may_change_people_sees_the_unlisted_ones(partner_client, partner):
    make_person(name="Op de lijst", consent_to_list=True, consent_on="2026-01-05")
    make_person(name="Niet op de lijst")
    assert people_listed_for(partner_client) == ["Op de lijst"]

    partner.user_permissions.add(permission("change_person"))

    assert people_listed_for(partner_client) == ["Niet op de lijst", "Op de lijst"]


def test_planning_a_meeting_and_changing_one_are_separate_permissions(coordinator_client):
    meeting = make_meeting()
    assert (
        "Bijeenkomst plannen" in coordinator_client.get("/netwerk/bijeenkomsten/").content.decode()
    )
    Group.objects.get(name="coordinator").permissions.remove(permission("add_meeting"))

    page = coordinator_client.get("/netwerk/bijeenkomsten/").content.decode()

    assert coordinator_client.get("/netwerk/bijeenkomsten/nieuw/").status_code == 403
    assert (
        coordinator_client.get(f"/netwerk/bijeenkomsten/{meeting.pk}/bewerken/").status_code == 200
    )
    assert "Bijeenkomst plannen" not in page
