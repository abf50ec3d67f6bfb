import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from signals.models import ContactAttempt, Signal, SignalEvent
from signals.services import mail, triage
from tests.conftest import login
from tests.factories import (
    make_activity,
    make_area,
    make_organisation,
    make_referral,
    make_signal,
    make_user,
    target_group,
)

pytestmark = pytest.mark.django_db
S = Signal.Status


def closed_signal(days_ago: int, **overrides) -> Signal:
    closed_at = timezone.now() - datetime.timedelta(days=days_ago)
    overrides.setdefault("status", S.CLOSED)
    overrides.setdefault("outcome", Signal.Outcome.REFERRED_ACTIVITY)
    return make_signal(closed_at=closed_at, created_at=closed_at, **overrides)


def test_anonymise_command_blanks_personal_data_and_keeps_statistics(coordinator):
    wijk = make_area()
    signal = closed_signal(
        400,
        district=wijk,
        target_groups=[target_group("ouderen")],
        contact_email="piet@example.org",
        wishes="Een maatje",
    )
    ContactAttempt.objects.create(
        signal=signal, by=coordinator, channel="phone", reached=True, details="Sprak dochter"
    )
    triage.add_note(signal=signal, by=coordinator, text="Woont alleen boven de bakker")
    mail.queue_mail(
        signal=signal, kind="confirmation", to="piet@example.org", subject="S", body="B"
    )
    recent = closed_signal(100)

    call_command("anonymise_signals", stdout=open("/dev/null", "w"))  # noqa: SIM115

    signal.refresh_from_db()
    for field in Signal.PERSONAL_FIELDS:
        assert getattr(signal, field) == "", field
    assert signal.anonymised_at is not None
    assert (signal.district, signal.outcome, signal.status) == (wijk, "referred_activity", S.CLOSED)
    assert list(signal.target_groups.all()) == [target_group("ouderen")]
    assert signal.contact_attempts.get().details == ""
    assert signal.contact_attempts.get().reached is True
    assert signal.events.get(kind=SignalEvent.Kind.NOTE).detail == ""
    assert signal.mails.get().to == ""
    assert signal.events.get(kind=SignalEvent.Kind.ANONYMISED).detail == (
        "De bewaartermijn van 12 maanden is voorbij."
    )
    recent.refresh_from_db()
    assert recent.anonymised_at is None
    assert recent.person_name == "Mevr. J."


def test_anonymise_command_leaves_open_signals(settings):
    settings.SIGNAL_RETENTION_MONTHS = 1
    signal = make_signal(created_at=timezone.now() - datetime.timedelta(days=400))

    call_command("anonymise_signals", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Signal.objects.get(pk=signal.pk).anonymised_at is None


def test_anonymise_now_action(coordinator_client, coordinator):
    signal = make_signal(status=S.IN_PROGRESS)

    response = coordinator_client.post(
        reverse("signals:anonymise", args=[signal.reference]),
        {"reason": "Op verzoek van de persoon.", "confirm": "on"},
    )

    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.person_name == signal.contact_phone == signal.situation == ""
    event = signal.events.get(kind=SignalEvent.Kind.ANONYMISED)
    assert (event.by, event.detail) == (coordinator, "Op verzoek van de persoon.")


def test_anonymise_needs_confirmation(coordinator_client):
    signal = make_signal()

    response = coordinator_client.post(
        reverse("signals:anonymise", args=[signal.reference]), {"reason": "Verzoek"}
    )

    assert response.status_code == 400
    assert Signal.objects.get().anonymised_at is None


def test_export_is_a_logged_file_with_everything(coordinator_client, coordinator):
    signal = make_signal(person_name="Mevr. Bakker")
    ContactAttempt.objects.create(signal=signal, by=coordinator, channel="phone", reached=False)

    response = coordinator_client.post(reverse("signals:export", args=[signal.reference]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{signal.reference}.json"'
    data = json.loads(response.content)
    assert data["signal"]["person_name"] == "Mevr. Bakker"
    assert data["contact_attempts"][0]["channel"] == "phone"
    assert signal.events.get(kind=SignalEvent.Kind.EXPORTED).by == coordinator


def test_admin_hides_personal_fields_from_staff_who_are_not_superusers():
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_signal"))
    signal = make_signal(person_name="Mevr. Bakker", contact_phone="070 555 1234")
    client = login(Client(), staff, verified=False)

    response = client.get(reverse("admin:signals_signal_change", args=[signal.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert signal.reference in html
    assert "Mevr. Bakker" not in html
    assert "070 555 1234" not in html


MINE = "/signalen/mijn-meldingen/"


def test_my_reports_requires_login(resident):
    response = resident.get(MINE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_my_reports_is_only_for_partners(coordinator_client):
    assert coordinator_client.get(MINE).status_code == 403


def test_partner_sees_only_status_of_own_reports(partner_client, partner, other_partner):
    own = make_signal(reported_by=partner, status=S.CONTACTED, situation="Geheim verhaal")
    other = make_signal(reported_by=other_partner)

    html = partner_client.get(MINE).content.decode()

    assert own.reference in html
    assert "Contact gelegd" in html
    assert "Geheim verhaal" not in html
    assert own.person_name not in html
    assert other.reference not in html


@pytest.mark.parametrize("rows", [1, 30])
def test_my_reports_query_count_is_fixed(
    partner_client, partner, django_assert_max_num_queries, rows
):
    organisation = make_organisation(users=[partner])
    for _ in range(rows):
        make_signal(reported_by=partner)
        make_referral(organisation=organisation, activity=make_activity(organisation=organisation))

    # +1: the count of referrals waiting for an answer in the navigation.
    with django_assert_max_num_queries(9):
        response = partner_client.get(MINE)

    assert response.status_code == 200


def test_partner_finds_my_reports_in_navigation(partner_client):
    html = partner_client.get("/").content.decode()

    assert 'href="/signalen/mijn-meldingen/"' in html
