"""Every coordinator action refuses partners (403) and sends anonymous visitors to log in."""

import pytest

from network.models import Activity, ActivityChange, MistakeReport
from tests.factories import make_activity, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(partner):
    organisation = make_organisation(slug="eigen", users=[partner])
    activity = make_activity(organisation=organisation, publication_state="pending")
    change = ActivityChange.objects.create(activity=activity, data={"title": "X"})
    # A report on the partner's own activity is theirs to handle (issue 14); one on
    # another organisation's activity is not.
    elsewhere = make_activity(organisation=make_organisation())
    report = MistakeReport.objects.create(activity=elsewhere, message="Fout")
    return organisation, activity, change, report


def coordinator_posts(objects, partner):
    organisation, activity, change, report = objects
    return [
        (f"/netwerk/activiteiten/{activity.pk}/publiceren/", {}),
        (f"/netwerk/activiteiten/{activity.pk}/afwijzen/", {"reason": "Nee"}),
        (f"/netwerk/wijzigingen/{change.pk}/goedkeuren/", {}),
        (f"/netwerk/wijzigingen/{change.pk}/afwijzen/", {"reason": "Nee"}),
        (f"/netwerk/foutmeldingen/{report.pk}/afgehandeld/", {}),
        (f"/netwerk/organisaties/{organisation.slug}/uitnodigen/", {"email": "a@example.org"}),
        (f"/netwerk/organisaties/{organisation.slug}/gebruikers/{partner.pk}/uitzetten/", {}),
        ("/netwerk/organisaties/nieuw/", {"name": "X", "slug": "x", "sector": "zorg"}),
        ("/netwerk/import/bevestigen/", {}),
    ]


def test_partner_gets_403_on_every_coordinator_action(partner_client, partner, objects):
    for url, data in coordinator_posts(objects, partner):
        assert partner_client.post(url, data).status_code == 403, url
    activity = Activity.objects.get(pk=objects[1].pk)
    assert activity.publication_state == "pending"
    assert ActivityChange.objects.get().state == "pending"
    assert MistakeReport.objects.get().resolved_at is None
    partner.refresh_from_db()
    assert partner.is_active


def test_anonymous_is_sent_to_login_for_every_coordinator_action(resident, partner, objects):
    for url, data in coordinator_posts(objects, partner):
        response = resident.post(url, data)
        assert response.status_code == 302, url
        assert response.url.startswith("/accounts/login/"), url


def test_coordinator_without_second_step_is_sent_to_verify(client, coordinator, objects):
    from tests.conftest import login

    login(client, coordinator, verified=False)
    activity = objects[1]
    response = client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")
    assert response.status_code == 302
    assert "/accounts/tweestapsverificatie/" in response.url
    assert Activity.objects.get(pk=activity.pk).publication_state == "pending"


def test_a_coordinator_account_cannot_be_disabled_as_a_partner(coordinator_client, coordinator):
    organisation = make_organisation(users=[coordinator])
    url = f"/netwerk/organisaties/{organisation.slug}/gebruikers/{coordinator.pk}/uitzetten/"
    assert coordinator_client.post(url).status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


@pytest.mark.parametrize("path", ["reports", "organisation"])
def test_more_lists_use_a_fixed_number_of_queries(
    coordinator_client, resident, django_assert_max_num_queries, path
):
    organisation = make_organisation(slug="org")

    def add():
        activity = make_activity(organisation=organisation)
        MistakeReport.objects.create(activity=activity, message="Fout")

    client, url = (
        (coordinator_client, "/netwerk/foutmeldingen/")
        if path == "reports"
        else (resident, "/sociale-kaart/organisatie/org/")
    )
    add()
    with django_assert_max_num_queries(19) as few:
        client.get(url)
    baseline = len(few.captured_queries)
    for _ in range(29):
        add()
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200
