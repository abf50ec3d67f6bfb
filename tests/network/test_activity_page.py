from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from network.models import Activity, MistakeReport
from tests.factories import make_activity, make_user

pytestmark = pytest.mark.django_db


def test_activity_page_shows_dates_venue_accessibility_and_last_checked(resident):
    activity = make_activity(
        title="Koffieochtend De Plataan",
        venue_name="Buurthuis De Plataan",
        street="Plataanlaan 3",
        postcode="2271 AB",
        city="Voorburg",
        latitude="52.0700",
        longitude="4.3600",
        step_free=True,
        hearing_loop=True,
        how_to_join="Loop gewoon binnen.",
        weekdays="TU",
        start_time=time(10),
        end_time=time(12),
        last_verified_on=date(2026, 9, 1),
    )
    response = resident.get(activity.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Buurthuis De Plataan" in body
    assert "Drempelvrije ingang" in body
    assert "Ringleiding" in body
    assert "Loop gewoon binnen." in body
    assert "Laatst gecontroleerd op 1 september 2026" in body
    assert 'id="activity-map"' in body
    next_dates = response.context["next_dates"]
    assert len(next_dates) == 5
    assert all(day.weekday() == 1 for day in next_dates)


def test_last_checked_comes_from_verification_not_from_modification(resident):
    activity = make_activity(last_verified_on=date(2025, 3, 2))
    activity.summary = "Net aangepast"
    activity.save()
    body = resident.get(activity.get_absolute_url()).content.decode()
    assert "Laatst gecontroleerd op 2 maart 2025" in body


def test_activity_not_checked_for_a_year_is_marked_possibly_out_of_date(resident):
    old = timezone.localdate() - timedelta(days=400)
    activity = make_activity(last_verified_on=old)
    body = resident.get(activity.get_absolute_url()).content.decode()
    assert "kan verouderd zijn" in body


@pytest.mark.parametrize("state", ["draft", "pending", "rejected"])
def test_unpublished_activity_is_not_public(resident, state):
    activity = make_activity(publication_state=state)
    assert resident.get(activity.get_absolute_url()).status_code == 404


def test_report_a_mistake_is_stored_for_coordinators(resident, coordinator_client):
    activity = make_activity(title="Breiclub")
    response = resident.post(
        f"/sociale-kaart/activiteit/{activity.pk}/fout/",
        {"message": "De tijd is veranderd naar 14 uur.", "email": ""},
    )
    assert response.status_code == 302
    assert response.url == activity.get_absolute_url()
    report = MistakeReport.objects.get()
    assert report.message == "De tijd is veranderd naar 14 uur."
    listing = coordinator_client.get("/netwerk/foutmeldingen/")
    assert "De tijd is veranderd naar 14 uur." in listing.content.decode()


def test_empty_mistake_report_shows_error(resident):
    activity = make_activity()
    response = resident.post(f"/sociale-kaart/activiteit/{activity.pk}/fout/", {"message": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not MistakeReport.objects.exists()


def test_coordinator_marks_report_handled(coordinator_client, coordinator):
    report = MistakeReport.objects.create(activity=make_activity(), message="Fout adres")
    coordinator_client.post(f"/netwerk/foutmeldingen/{report.pk}/afgehandeld/")
    report.refresh_from_db()
    assert report.resolved_by == coordinator
    assert list(coordinator_client.get("/netwerk/foutmeldingen/").context["page"]) == []


def test_report_pages_closed_to_partner(partner_client):
    report = MistakeReport.objects.create(activity=make_activity(), message="Fout")
    response = partner_client.post(f"/netwerk/foutmeldingen/{report.pk}/afgehandeld/")
    assert response.status_code == 403


def test_organisation_page_lists_published_activities(resident):
    activity = make_activity(title="Zichtbaar")
    make_activity(
        organisation=activity.organisation, title="Verborgen", publication_state="pending"
    )
    response = resident.get(activity.organisation.get_absolute_url())
    assert [a.title for a in response.context["activities"]] == ["Zichtbaar"]


def test_activity_model_rules():
    activity = Activity(
        schedule_kind="weekly", weekdays="MO", status=Activity.Status.TEMPORARILY_CLOSED
    )
    assert activity.next_dates(date(2026, 11, 23)) == []
    assert activity.is_stale(date(2026, 11, 23))
    user = make_user()
    assert user.organisations.count() == 0
