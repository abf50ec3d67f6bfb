"""Every page of the partner network refuses who may not use it."""

import pytest

from network.models import Goal
from tests.factories import make_action, make_meeting, make_organisation, make_person, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls():
    organisation = make_organisation(slug="buurtkamer")
    action = make_action()
    meeting = make_meeting()
    person = make_person()
    training = make_training()
    goal = Goal.objects.get(number=1)
    network = [
        "/netwerk/mensen/",
        "/netwerk/actieagenda/2026/",
        "/netwerk/actieagenda/2026/afdrukken/",
        "/netwerk/actieagenda/2026/export.csv",
        f"/netwerk/actieagenda/organisatie/{organisation.slug}/",
        "/netwerk/actieagenda/doelen/",
        f"/netwerk/acties/{action.pk}/",
        "/netwerk/bijeenkomsten/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/",
        "/netwerk/bijeenkomsten/agenda.ics",
        "/netwerk/trainingen/",
        f"/netwerk/trainingen/{training.pk}/",
        "/netwerk/trainingen/cascade/",
    ]
    coordinator_only = [
        "/netwerk/leden/",
        "/netwerk/leden/export.csv",
        "/netwerk/leden/groei/",
        f"/netwerk/leden/{organisation.slug}/",
        "/netwerk/mensen/export.csv",
        "/netwerk/mensen/nieuw/",
        f"/netwerk/mensen/{person.pk}/",
        f"/netwerk/organisaties/{organisation.slug}/verwijderen/",
        "/netwerk/acties/nieuw/",
        f"/netwerk/acties/{action.pk}/bewerken/",
        f"/netwerk/actieagenda/doelen/{goal.pk}/",
        "/netwerk/bijeenkomsten/nieuw/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/bewerken/",
        "/netwerk/trainingen/nieuw/",
        f"/netwerk/trainingen/{training.pk}/bewerken/",
    ]
    coordinator_posts = [
        f"/netwerk/mensen/{person.pk}/anonimiseren/",
        f"/netwerk/organisaties/{organisation.slug}/archiveren/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanwezig/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/vervolg/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/uitnodigen/",
        f"/netwerk/trainingen/{training.pk}/deelnemer/",
    ]
    member_posts = [
        f"/netwerk/acties/{action.pk}/voortgang/",
        f"/netwerk/bijeenkomsten/{meeting.pk}/aanmelden/",
    ]
    return network, coordinator_only, coordinator_posts, member_posts


def test_anonymous_is_sent_to_the_login_page_everywhere(resident, urls):
    network, coordinator_only, coordinator_posts, member_posts = urls
    for url in network + coordinator_only:
        response = resident.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/accounts/login/"), url
    for url in coordinator_posts + member_posts:
        assert resident.post(url).url.startswith("/accounts/login/"), url


def test_partner_sees_the_network_but_not_the_coordinator_pages(partner_client, urls):
    network, coordinator_only, coordinator_posts, _member_posts = urls
    for url in network:
        assert partner_client.get(url).status_code == 200, url
    for url in coordinator_only:
        assert partner_client.get(url).status_code == 403, url
    for url in coordinator_posts:
        assert partner_client.post(url).status_code == 403, url


def test_coordinator_opens_every_page(coordinator_client, urls):
    network, coordinator_only, _posts, _member_posts = urls
    for url in network + coordinator_only:
        assert coordinator_client.get(url).status_code == 200, url


def test_logged_in_user_without_a_role_is_refused(client, urls):
    from tests.conftest import login
    from tests.factories import make_user

    login(client, make_user(), verified=False)
    network, _coordinator_only, _posts, member_posts = urls
    for url in network:
        assert client.get(url).status_code == 403, url
    for url in member_posts:
        assert client.post(url).status_code == 403, url
