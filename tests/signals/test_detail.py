import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import ContactAttempt, Signal, SignalEvent
from tests.factories import make_signal, target_group

pytestmark = pytest.mark.django_db
S = Signal.Status
ACTIONS = [
    "take",
    "assign",
    "move",
    "note",
    "contact_attempt",
    "cancel",
    "close",
    "reopen",
    "anonymise",
    "export",
]


def url(signal, name="detail"):
    return reverse(f"signals:{name}", args=[signal.reference])


def test_detail_requires_login(resident):
    signal = make_signal()

    response = resident.get(url(signal))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_detail_is_forbidden_for_partner_even_the_reporter(partner_client, partner):
    signal = make_signal(reported_by=partner)

    assert partner_client.get(url(signal)).status_code == 403
    assert not SignalEvent.objects.filter(kind=SignalEvent.Kind.VIEWED).exists()


def test_unknown_signal_is_404(coordinator_client):
    assert coordinator_client.get("/signalen/S-2026-99999/").status_code == 404


def test_detail_shows_personal_data_and_logs_the_view(coordinator_client, coordinator):
    signal = make_signal(person_name="Mevr. Bakker", contact_phone="070 555 1234")

    response = coordinator_client.get(url(signal))

    html = response.content.decode()
    assert "Mevr. Bakker" in html
    assert "070 555 1234" in html
    event = signal.events.get(kind=SignalEvent.Kind.VIEWED)
    assert event.by == coordinator


def test_detail_warns_about_possible_duplicate(coordinator_client):
    first = make_signal(contact_phone="070 111 2222")
    second = make_signal(contact_phone="070 111 2222")

    html = coordinator_client.get(url(second)).content.decode()

    assert "misschien over dezelfde persoon" in html
    assert first.reference in html


@pytest.mark.parametrize("rows", [1, 30])
def test_detail_query_count_is_fixed(
    coordinator_client, coordinator, django_assert_max_num_queries, rows
):
    signal = make_signal(target_groups=[target_group("ouderen")], status=S.IN_PROGRESS)
    for _ in range(rows):
        ContactAttempt.objects.create(signal=signal, by=coordinator, channel="phone", reached=False)
        SignalEvent.objects.create(signal=signal, kind="note", by=coordinator, detail="Gebeld")
        SignalEvent.objects.create(signal=signal, kind="viewed", by=coordinator)

    # ... the real events, and the views folded per person and day by the database.
    with django_assert_max_num_queries(17):
        response = coordinator_client.get(url(signal))

    assert response.status_code == 200


def test_detail_folds_every_look_of_a_day_into_one_timeline_line(coordinator_client, coordinator):
    signal = make_signal()
    for _ in range(3):
        coordinator_client.get(url(signal))

    html = coordinator_client.get(url(signal)).content.decode()

    assert html.count('class="event-viewed event-folded"') == 1
    assert "4 keer, tussen" in html


@pytest.mark.parametrize("action", ACTIONS)
def test_actions_require_login(resident, action):
    signal = make_signal()

    response = resident.post(url(signal, action))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("action", ACTIONS)
def test_actions_are_forbidden_for_partners(partner_client, action):
    signal = make_signal()

    response = partner_client.post(url(signal, action), {"reason": "x", "status": "in_progress"})

    assert response.status_code == 403
    assert Signal.objects.get().status == S.NEW


@pytest.mark.parametrize("action", ACTIONS)
def test_actions_are_post_only(coordinator_client, action):
    signal = make_signal()

    assert coordinator_client.get(url(signal, action)).status_code == 405


def test_take_assigns_to_me(coordinator_client, coordinator):
    signal = make_signal()

    response = coordinator_client.post(url(signal, "take"))

    assert response["Location"] == url(signal)
    signal.refresh_from_db()
    assert (signal.status, signal.assigned_to) == (S.IN_PROGRESS, coordinator)
    page = coordinator_client.get(url(signal)).content.decode()
    assert "U behandelt deze melding nu." in page


def test_forged_transition_is_refused_with_dutch_message_and_logged(coordinator_client):
    signal = make_signal()

    response = coordinator_client.post(url(signal, "move"), {"status": "referred"}, follow=True)

    html = response.content.decode()
    assert "Een melding kan niet van nieuw naar doorverwezen." in html
    assert Signal.objects.get().status == S.NEW
    assert signal.events.filter(kind=SignalEvent.Kind.REFUSED).count() == 1


def test_unknown_status_is_refused_next_to_the_field(coordinator_client):
    signal = make_signal()

    response = coordinator_client.post(url(signal, "move"), {"status": "gone"})

    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_note_is_added_to_timeline(coordinator_client):
    signal = make_signal()

    coordinator_client.post(url(signal, "note"), {"text": "Huisarts ingelicht."})

    html = coordinator_client.get(url(signal)).content.decode()
    assert "Huisarts ingelicht." in html
    assert signal.events.get(kind=SignalEvent.Kind.NOTE).detail == "Huisarts ingelicht."


def test_contact_attempt_is_stored(coordinator_client, coordinator):
    signal = make_signal(status=S.IN_PROGRESS, assigned_to=coordinator)
    at = timezone.localtime().replace(second=0, microsecond=0)

    coordinator_client.post(
        url(signal, "contact_attempt"),
        {"at": at.strftime("%Y-%m-%dT%H:%M"), "channel": "phone", "reached": "yes", "details": ""},
    )

    attempt = ContactAttempt.objects.get()
    assert (attempt.channel, attempt.reached, attempt.at) == ("phone", True, at)
    assert Signal.objects.get().status == S.CONTACTED


def test_contact_attempt_in_future_is_refused(coordinator_client):
    signal = make_signal(status=S.IN_PROGRESS)
    later = timezone.localtime() + timezone.timedelta(days=1)

    response = coordinator_client.post(
        url(signal, "contact_attempt"),
        {"at": later.strftime("%Y-%m-%dT%H:%M"), "channel": "phone", "reached": "no"},
    )

    assert response.status_code == 400
    assert "Een contactpoging kan niet in de toekomst liggen." in response.content.decode()
    assert not ContactAttempt.objects.exists()


def test_close_without_outcome_shows_error(coordinator_client):
    signal = make_signal(status=S.CONTACTED)

    response = coordinator_client.post(url(signal, "close"), {"outcome": ""})

    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert Signal.objects.get().status == S.CONTACTED


def test_close_and_reopen(coordinator_client):
    signal = make_signal(status=S.CONTACTED)

    coordinator_client.post(url(signal, "close"), {"outcome": "not_needed", "note": ""})
    assert Signal.objects.get().status == S.CLOSED
    coordinator_client.post(url(signal, "reopen"), {"reason": "Zoon belde terug."})

    signal.refresh_from_db()
    assert signal.status == S.IN_PROGRESS
    assert "Zoon belde terug." in coordinator_client.get(url(signal)).content.decode()


def test_cancel_as_duplicate_by_reference(coordinator_client):
    first = make_signal()
    second = make_signal()

    coordinator_client.post(
        url(second, "cancel"), {"reason": "duplicate", "duplicate_of": first.reference.lower()}
    )

    second.refresh_from_db()
    assert (second.status, second.duplicate_of) == (S.CANCELLED, first)


def test_cancel_as_duplicate_of_unknown_reference_is_refused(coordinator_client):
    signal = make_signal()

    response = coordinator_client.post(
        url(signal, "cancel"), {"reason": "duplicate", "duplicate_of": "S-1999-00001"}
    )

    assert response.status_code == 400
    assert "Er is geen melding met dit nummer." in response.content.decode()
    assert Signal.objects.get().status == S.NEW


def test_desk_report_by_coordinator(coordinator_client, coordinator):
    from tests.signals.helpers import report_data

    response = coordinator_client.post(
        reverse("signals:desk_report"),
        report_data(channel="phone", contact_route="phone", contact_phone="070 123 4567"),
    )

    signal = Signal.objects.get()
    assert response["Location"] == signal.get_absolute_url()
    assert (signal.channel, signal.reported_by) == ("phone", coordinator)


def test_desk_report_forbidden_for_partner(partner_client):
    assert partner_client.get(reverse("signals:desk_report")).status_code == 403
