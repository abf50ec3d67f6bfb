from datetime import date

import pytest
from django.core import mail

from network.models import Activity, ActivityChange, ActivityEvent
from tests.factories import make_activity, make_activity_type, make_organisation

pytestmark = pytest.mark.django_db


def activity_post(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "title": "Samen wandelen",
        "summary": "Elke week een rondje door het park.",
        "activity_types": [make_activity_type("bewegen").pk],
        "venue_name": "Park Vreugd en Rust",
        "street": "Parkweg 1",
        "postcode": "2271ab",
        "city": "Voorburg",
        "latitude": "52.0700",
        "longitude": "4.3600",
        "schedule_kind": "weekly",
        "weekdays": ["TU"],
        "interval": "1",
        "start_time": "10:00",
        "end_time": "11:30",
        "is_free": "on",
        "status": "active",
    }
    data.update(overrides)
    return data


@pytest.fixture
def own(partner):
    return make_organisation(name="Welzijn Voorburg", users=[partner])


def test_partner_adds_activity_that_waits_for_review(partner_client, own, resident):
    response = partner_client.post("/netwerk/activiteiten/nieuw/", activity_post(own))
    activity = Activity.objects.get(title="Samen wandelen")
    assert response.status_code == 302
    assert response.url == f"/netwerk/activiteiten/{activity.pk}/"
    assert activity.publication_state == Activity.Publication.PENDING
    assert activity.postcode == "2271 AB"
    assert activity.weekdays == "TU"
    assert activity.events.get().action == ActivityEvent.Action.CREATED
    assert resident.get(activity.get_absolute_url()).status_code == 404


def test_partner_cannot_add_activity_for_another_organisation(partner_client, partner):
    other = make_organisation(name="Andere stichting")
    response = partner_client.post("/netwerk/activiteiten/nieuw/", activity_post(other))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Activity.objects.exists()


def test_bad_input_gets_dutch_messages_next_to_the_fields(partner_client, own):
    response = partner_client.post(
        "/netwerk/activiteiten/nieuw/",
        activity_post(
            own,
            postcode="22711",
            end_time="09:00",
            latitude="40.0",
            email="geen-mail",
            website="geen url",
            is_free="",
            price="-3",
        ),
    )
    errors = response.context["form"].errors
    assert errors["postcode"] == ["Vul een postcode in zoals 2271 AB."]
    assert errors["end_time"] == ["De eindtijd moet na de begintijd liggen."]
    assert errors["latitude"] == ["Deze plek ligt niet in Nederland."]
    assert "email" in errors and "website" in errors and "price" in errors
    assert not Activity.objects.exists()


def test_coordinator_publishes_pending_activity(coordinator_client, partner, own, resident):
    activity = make_activity(organisation=own, publication_state=Activity.Publication.PENDING)
    response = coordinator_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")
    assert response.url == "/netwerk/moderatie/"
    activity.refresh_from_db()
    assert activity.publication_state == Activity.Publication.PUBLISHED
    assert resident.get(activity.get_absolute_url()).status_code == 200
    assert mail.outbox[0].to == [partner.email]


def test_coordinator_rejects_with_a_reason(coordinator_client, own, partner):
    activity = make_activity(organisation=own, publication_state=Activity.Publication.PENDING)
    coordinator_client.post(
        f"/netwerk/activiteiten/{activity.pk}/afwijzen/", {"reason": "Geen adres"}
    )
    activity.refresh_from_db()
    assert activity.publication_state == Activity.Publication.REJECTED
    assert activity.rejection_reason == "Geen adres"
    assert "Geen adres" in mail.outbox[0].body


def test_partner_cannot_publish(partner_client, own):
    activity = make_activity(organisation=own, publication_state=Activity.Publication.PENDING)
    response = partner_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.publication_state == Activity.Publication.PENDING


def test_partner_edit_of_published_activity_is_held_for_review(
    partner_client, own, resident, coordinator_client
):
    activity = make_activity(organisation=own, title="Koffieochtend")
    data = activity_post(own, title="Koffieochtend op woensdag", weekdays=["WE"])
    response = partner_client.post(f"/netwerk/activiteiten/{activity.pk}/bewerken/", data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Koffieochtend"
    assert resident.get(activity.get_absolute_url()).context["activity"].title == "Koffieochtend"
    change = ActivityChange.objects.get()
    assert change.state == ActivityChange.State.PENDING

    page = coordinator_client.get(f"/netwerk/activiteiten/{activity.pk}/")
    rows = {row["field"]: (row["old"], row["new"]) for row in page.context["diff"]}
    assert rows["title"] == ("Koffieochtend", "Koffieochtend op woensdag")
    assert rows["weekdays"] == ("TU", "WE")
    assert "Koffieochtend op woensdag" in page.content.decode()

    coordinator_client.post(f"/netwerk/wijzigingen/{change.pk}/goedkeuren/")
    activity.refresh_from_db()
    assert activity.title == "Koffieochtend op woensdag"
    assert activity.weekdays == "WE"
    assert activity.publication_state == Activity.Publication.PUBLISHED
    change.refresh_from_db()
    assert change.state == ActivityChange.State.APPROVED
    approved = activity.events.get(action=ActivityEvent.Action.APPROVED)
    assert approved.changes["naam"] == ["Koffieochtend", "Koffieochtend op woensdag"]


def test_rejected_change_leaves_the_activity_and_tells_the_partner(
    partner_client, partner, own, coordinator_client
):
    activity = make_activity(organisation=own, title="Koffieochtend")
    partner_client.post(
        f"/netwerk/activiteiten/{activity.pk}/bewerken/", activity_post(own, title="Fout")
    )
    change = ActivityChange.objects.get()
    coordinator_client.post(
        f"/netwerk/wijzigingen/{change.pk}/afwijzen/", {"reason": "Titel klopt niet"}
    )
    activity.refresh_from_db()
    change.refresh_from_db()
    assert activity.title == "Koffieochtend"
    assert change.state == ActivityChange.State.REJECTED
    assert change.reason == "Titel klopt niet"
    assert mail.outbox[-1].to == [partner.email]
    assert "Titel klopt niet" in mail.outbox[-1].body


def test_second_edit_replaces_the_pending_change(partner_client, own):
    activity = make_activity(organisation=own)
    url = f"/netwerk/activiteiten/{activity.pk}/bewerken/"
    partner_client.post(url, activity_post(own, title="Eerste"))
    partner_client.post(url, activity_post(own, title="Tweede"))
    assert ActivityChange.objects.get().data["title"] == "Tweede"


def test_coordinator_edit_applies_at_once(coordinator_client, own):
    activity = make_activity(organisation=own)
    coordinator_client.post(
        f"/netwerk/activiteiten/{activity.pk}/bewerken/", activity_post(own, title="Direct")
    )
    activity.refresh_from_db()
    assert activity.title == "Direct"
    assert not ActivityChange.objects.exists()


def test_partner_edit_of_a_pending_activity_is_saved_directly(partner_client, own):
    activity = make_activity(organisation=own, publication_state=Activity.Publication.REJECTED)
    partner_client.post(
        f"/netwerk/activiteiten/{activity.pk}/bewerken/", activity_post(own, title="Verbeterd")
    )
    activity.refresh_from_db()
    assert activity.title == "Verbeterd"
    assert activity.publication_state == Activity.Publication.PENDING


def test_history_shows_who_did_what(partner_client, own, coordinator_client, partner):
    partner_client.post("/netwerk/activiteiten/nieuw/", activity_post(own))
    activity = Activity.objects.get()
    coordinator_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")
    page = coordinator_client.get(f"/netwerk/activiteiten/{activity.pk}/")
    body = page.content.decode()
    assert [e.action for e in page.context["events"]] == ["published", "created"]
    assert "Henk" in body and "Fatima" in body


def test_other_partner_gets_403_everywhere(other_partner_client, own):
    activity = make_activity(organisation=own)
    for url in (
        f"/netwerk/activiteiten/{activity.pk}/",
        f"/netwerk/activiteiten/{activity.pk}/bewerken/",
        f"/netwerk/organisaties/{own.slug}/",
        f"/netwerk/organisaties/{own.slug}/bewerken/",
    ):
        assert other_partner_client.get(url).status_code == 403, url
    assert (
        other_partner_client.post(f"/netwerk/activiteiten/{activity.pk}/controleren/").status_code
        == 403
    )


@pytest.mark.parametrize(
    "url",
    [
        "/netwerk/",
        "/netwerk/activiteiten/nieuw/",
        "/netwerk/moderatie/",
        "/netwerk/verouderd/",
        "/netwerk/foutmeldingen/",
        "/netwerk/organisaties/",
    ],
)
def test_anonymous_is_sent_to_login(resident, url):
    response = resident.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize(
    "url",
    [
        "/netwerk/moderatie/",
        "/netwerk/verouderd/",
        "/netwerk/foutmeldingen/",
        "/netwerk/organisaties/",
    ],
)
def test_coordinator_pages_are_closed_to_partners(partner_client, url):
    assert partner_client.get(url).status_code == 403


def test_workspace_is_closed_to_users_without_a_role(client, db):
    from tests.conftest import login
    from tests.factories import make_user

    login(client, make_user(), verified=False)
    assert client.get("/netwerk/").status_code == 403


def test_partner_workspace_lists_only_own_activities(partner_client, own):
    make_activity(organisation=own, title="Van mij")
    make_activity(title="Van een ander")
    response = partner_client.get("/netwerk/")
    assert [a.title for a in response.context["page"]] == ["Van mij"]


def test_moderation_queue_lists_new_activities_and_changes(coordinator_client, own, partner):
    make_activity(organisation=own, title="Nieuw", publication_state="pending")
    published = make_activity(organisation=own, title="Gepubliceerd")
    ActivityChange.objects.create(activity=published, data={"title": "X"}, proposed_by=partner)
    response = coordinator_client.get("/netwerk/moderatie/")
    assert [a.title for a in response.context["new"]] == ["Nieuw"]
    assert [c.activity.title for c in response.context["changes"]] == ["Gepubliceerd"]


@pytest.mark.parametrize("url", ["/netwerk/", "/netwerk/moderatie/", "/netwerk/verouderd/"])
def test_workspace_lists_use_a_fixed_number_of_queries(
    coordinator_client, own, django_assert_max_num_queries, url
):
    make_activity(organisation=own, publication_state="pending", last_verified_on=date(2020, 1, 1))
    with django_assert_max_num_queries(19) as few:
        coordinator_client.get(url)
    baseline = len(few.captured_queries)
    for _ in range(29):
        make_activity(
            organisation=own, publication_state="pending", last_verified_on=date(2020, 1, 1)
        )
    with django_assert_max_num_queries(baseline):
        assert coordinator_client.get(url).status_code == 200


def test_edit_form_starts_from_the_change_waiting_for_review(partner_client, own):
    activity = make_activity(organisation=own, title="Koffieochtend")
    url = f"/netwerk/activiteiten/{activity.pk}/bewerken/"
    partner_client.post(url, activity_post(own, title="Voorstel", weekdays=["WE", "FR"]))
    form = partner_client.get(url).context["form"]
    assert form["title"].value() == "Voorstel"
    assert form["weekdays"].value() == ["WE", "FR"]
    assert "wacht nog op controle" in partner_client.get(url).content.decode()


def test_search_result_marks_activity_unchecked_for_a_year(resident):
    make_activity(title="Oud", last_verified_on=date(2020, 1, 1))
    body = resident.get("/sociale-kaart/").content.decode()
    assert "mogelijk verouderd" in body


def test_activity_on_separate_dates_is_found_by_their_weekday(
    partner_client, coordinator_client, own, resident
):
    # 5 and 19 December 2026 are Saturdays; "dates" takes one Dutch date per line.
    data = activity_post(
        own, schedule_kind="dates", weekdays=[], dates="5-12-2026\n19-12-2026", title="Kerstmarkt"
    )
    partner_client.post("/netwerk/activiteiten/nieuw/", data)
    activity = Activity.objects.get(title="Kerstmarkt")
    coordinator_client.post(f"/netwerk/activiteiten/{activity.pk}/publiceren/")

    saturday = resident.get("/sociale-kaart/", {"dag": "SA"}).context["page"]
    tuesday = resident.get("/sociale-kaart/", {"dag": "TU"}).context["page"]

    assert activity.weekdays == "SA"
    assert activity.dates == ["2026-12-05", "2026-12-19"]
    assert [a.title for a in saturday] == ["Kerstmarkt"]
    assert list(tuesday) == []
