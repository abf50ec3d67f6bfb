import pytest
from django.urls import reverse

from signals.models import CoordinatorDistrict, Signal
from tests.conftest import login
from tests.factories import make_area, make_signal, make_user
from tests.signals.helpers import report_data

pytestmark = pytest.mark.django_db
DESK = "/signalen/nieuw/"


def desk_data(**overrides):
    return report_data(
        channel="phone", contact_route="phone", contact_phone="0701234567", **overrides
    )


def test_desk_warns_about_an_open_signal_with_the_same_phone_before_saving(coordinator_client):
    known = make_signal(contact_phone="070 123 45 67", person_name="Iemand anders")

    response = coordinator_client.post(DESK, desk_data())

    html = response.content.decode()
    assert response.status_code == 200
    assert Signal.objects.count() == 1
    assert "Deze melding gaat misschien over dezelfde persoon als een open melding" in html
    assert f'<a href="{known.get_absolute_url()}">{known.reference}</a>' in html
    assert "Toch opslaan als nieuw signaal" in html


def test_desk_warns_about_the_same_name_and_postcode(coordinator_client):
    known = make_signal(person_name="mevr. k.", postcode="2271 AB", contact_phone="")

    html = coordinator_client.post(DESK, desk_data()).content.decode()

    assert known.reference in html
    assert Signal.objects.count() == 1


def test_save_anyway_stores_the_new_signal(coordinator_client, coordinator):
    make_signal(contact_phone="070 123 45 67")
    data = desk_data()
    coordinator_client.post(DESK, data)

    response = coordinator_client.post(DESK, {**data, "save_anyway": "on"})

    new = Signal.objects.get(reported_by=coordinator)
    assert response["Location"] == new.get_absolute_url()
    assert Signal.objects.count() == 2


def test_no_warning_without_an_open_match(coordinator_client):
    make_signal(contact_phone="070 123 45 67", status=Signal.Status.CLOSED)
    make_signal(contact_phone="070 999 99 99", person_name="Dhr. X")

    response = coordinator_client.post(DESK, desk_data())

    assert response.status_code == 302
    assert Signal.objects.count() == 3


def test_warning_never_shows_a_signal_of_another_district(client):
    restricted = make_user(roles=["coordinator"])
    own = make_area(code="WK191608")
    CoordinatorDistrict.objects.create(user=restricted, district=own)
    elsewhere = make_signal(contact_phone="070 123 45 67", district=make_area(code="WK191601"))
    login(client, restricted)

    response = client.post(DESK, desk_data(district=own.pk, postcode=""))

    assert response.status_code == 302
    assert elsewhere.reference not in client.get(response["Location"]).content.decode()
    assert Signal.objects.count() == 2


def test_desk_form_is_forbidden_for_partners(partner_client):
    assert partner_client.post(reverse("signals:desk_report"), desk_data()).status_code == 403
