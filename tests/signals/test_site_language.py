"""What the signals app writes for others (mails, the timeline) is in the site's language,
whatever language the visitor reads the site in."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from signals.models import Signal, SignalEvent
from signals.services import mail as signal_mail
from tests.factories import make_signal
from tests.signals.helpers import post_report

pytestmark = pytest.mark.django_db
Kind = SignalEvent.Kind


@pytest.fixture(autouse=True)
def _language_restored(settings):
    """A request activates the visitor's language in this thread and leaves it on; the tests
    after these expect the language that was active before."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def read_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_report_of_a_resident_reading_english_is_mailed_and_logged_in_dutch(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.COORDINATOR_EMAIL = "servicepunt@example.org"
    read_in_english(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(resident)

    signal = Signal.objects.get()
    notification, confirmation = sorted(
        mail.outbox, key=lambda m: m.to != [settings.COORDINATOR_EMAIL]
    )
    assert notification.subject == f"Nieuwe melding {signal.reference}"
    assert notification.body.splitlines()[0] == (
        f"Er is een nieuwe melding {signal.reference} binnengekomen via website."
    )
    assert confirmation.subject == f"We hebben uw melding {signal.reference} ontvangen"
    assert confirmation.body.splitlines()[0] == (
        f"Bedankt voor uw melding. Uw meldingsnummer is {signal.reference}."
    )
    assert list(signal.events.order_by("pk").values_list("kind", "detail")) == [
        (Kind.CREATED, "Binnengekomen via website."),
        (Kind.MAIL_QUEUED, "bericht aan het Sociaal Servicepunt"),
        (Kind.MAIL_QUEUED, "bevestiging aan de melder"),
        (Kind.MAIL_SENT, "bericht aan het Sociaal Servicepunt"),
        (Kind.MAIL_SENT, "bevestiging aan de melder"),
    ]
    # The resident still reads the site in English.
    assert "What happens next?" in resident.get(response["Location"]).content.decode()


def test_coordinator_reading_english_writes_the_timeline_in_dutch(coordinator, coordinator_client):
    read_in_english(coordinator_client)
    signal = make_signal()

    coordinator_client.post(reverse("signals:take", args=[signal.reference]))

    assert list(signal.events.order_by("pk").values_list("kind", "detail")) == [
        (Kind.ASSIGNED, f"Toegewezen aan {coordinator.get_full_name()}."),
        (Kind.STATUS, "Van nieuw naar in behandeling."),
    ]


def test_refusal_is_shown_in_english_and_logged_in_dutch(coordinator_client):
    read_in_english(coordinator_client)
    signal = make_signal()

    response = coordinator_client.post(
        reverse("signals:move", args=[signal.reference]), {"status": "referred"}, follow=True
    )

    assert "A signal cannot go from new to referred." in response.content.decode()
    refusal = signal.events.get(kind=Kind.REFUSED)
    assert refusal.detail == "Een melding kan niet van nieuw naar doorverwezen."


def test_overdue_digest_is_in_dutch_whatever_language_is_active(settings):
    settings.COORDINATOR_EMAIL = "servicepunt@example.org"
    today = timezone.localdate()
    make_signal(reference="S-2026-00001", contact_due=today - datetime.timedelta(days=1))

    with translation.override("en"):
        signal_mail.send_overdue_digest(today=today)

    (digest,) = mail.outbox
    assert digest.subject == "1 meldingen zijn te laat"
    assert (
        digest.body.splitlines()[0] == "Bij deze meldingen is niet op tijd eerste contact gelegd:"
    )
