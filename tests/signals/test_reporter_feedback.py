"""The reporter hears back (issue 14, part 6): a short message after the first contact and
after closing, with one question answered through a signed link, once, without logging in."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from signals.models import SatisfactionAnswer, Signal, SignalMail
from signals.services.feedback import satisfaction_token
from signals.services.privacy import anonymise_signal
from tests.factories import make_signal

pytestmark = pytest.mark.django_db

S = Signal.Status
QUESTION = "Bent u tevreden over hoe wij uw melding hebben opgepakt?"
PRIVATE = ("Mevr. J.", "niet meer buiten", "070 123 9999", "Piet de Buurman", "2271 AB")


@pytest.fixture
def signal(coordinator):
    return make_signal(
        status=S.IN_PROGRESS,
        assigned_to=coordinator,
        contact_route=Signal.ContactRoute.EMAIL,
        contact_email="piet@example.org",
        contact_name="Piet de Buurman",
        contact_phone="070 123 9999",
    )


def url(signal, name):
    return reverse(f"signals:{name}", args=[signal.reference])


def reach(client, signal, callbacks, reached="yes"):
    at = timezone.localtime().replace(second=0, microsecond=0)
    with callbacks(execute=True):
        client.post(
            url(signal, "contact_attempt"),
            {"at": at.strftime("%Y-%m-%dT%H:%M"), "channel": "phone", "reached": reached},
        )


def close(client, signal, callbacks):
    with callbacks(execute=True):
        client.post(url(signal, "close"), {"outcome": "referred_activity"})


def link_in(message) -> str:
    line = next(line for line in message.body.splitlines() if "/melden/tevreden/" in line)
    return line.split("http://localhost:8000", 1)[1]


def assert_no_personal_detail(message):
    for detail in PRIVATE:
        assert detail not in message.subject
        assert detail not in message.body


def test_first_contact_mails_the_reporter_without_personal_detail(
    coordinator_client, signal, django_capture_on_commit_callbacks
):
    reach(coordinator_client, signal, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["piet@example.org"]]
    message = mail.outbox[0]
    assert message.subject == (
        f"Het Sociaal Servicepunt heeft contact gehad over uw melding {signal.reference}"
    )
    assert "14 070" in message.body
    assert QUESTION in message.body
    assert_no_personal_detail(message)
    assert SignalMail.objects.get(kind="reporter_contact").state == SignalMail.State.SENT


def test_failed_attempt_sends_nothing_and_a_second_contact_no_second_mail(
    coordinator_client, signal, django_capture_on_commit_callbacks
):
    reach(coordinator_client, signal, django_capture_on_commit_callbacks, reached="no")
    assert mail.outbox == []

    reach(coordinator_client, signal, django_capture_on_commit_callbacks)
    reach(coordinator_client, signal, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1


def test_status_contact_made_by_hand_also_tells_the_reporter(
    coordinator_client, signal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url(signal, "move"), {"status": S.CONTACTED})

    assert [m.to for m in mail.outbox] == [["piet@example.org"]]


def test_closing_mails_the_reporter_once(
    coordinator_client, signal, django_capture_on_commit_callbacks
):
    reach(coordinator_client, signal, django_capture_on_commit_callbacks)
    close(coordinator_client, signal, django_capture_on_commit_callbacks)

    message = mail.outbox[1]
    assert message.subject == (
        f"Het Sociaal Servicepunt heeft uw melding {signal.reference} afgerond"
    )
    assert QUESTION in message.body
    assert_no_personal_detail(message)
    assert link_in(message) != link_in(mail.outbox[0])  # one link per moment

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url(signal, "reopen"), {"reason": "Belt opnieuw"})
    close(coordinator_client, signal, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_anonymous_reporter_gets_no_mail(coordinator_client, django_capture_on_commit_callbacks):
    signal = make_signal(
        status=S.IN_PROGRESS, contact_route=Signal.ContactRoute.ANONYMOUS, contact_email="x@y.nl"
    )
    reach(coordinator_client, signal, django_capture_on_commit_callbacks)
    close(coordinator_client, signal, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not signal.mails.exists()


def test_satisfaction_link_works_once_without_login(
    coordinator_client, signal, client, django_capture_on_commit_callbacks
):
    reach(coordinator_client, signal, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert QUESTION in page.content.decode()
    assert "Een beetje" in page.content.decode()

    response = client.post(link, {"answer": "a_little", "remark": " Het duurde lang. "})
    assert response.url == reverse("signals:satisfaction_thanks")
    answer = SatisfactionAnswer.objects.get()
    assert (answer.signal, answer.moment, answer.answer, answer.remark) == (
        signal,
        "first_contact",
        "a_little",
        "Het duurde lang.",
    )

    again = client.post(link, {"answer": "no", "remark": ""})
    assert again.status_code == 200
    assert "U heeft al geantwoord" in again.content.decode()
    assert SatisfactionAnswer.objects.get().answer == "a_little"


def test_tampered_link_gets_a_dutch_400_page(client, signal):
    token = satisfaction_token(signal, "first_contact")
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    for bad in (tampered, "not-a-link"):
        response = client.get(reverse("signals:satisfaction", args=[bad]))
        assert response.status_code == 400
        assert "Deze link werkt niet" in response.content.decode()
    assert client.post(reverse("signals:satisfaction", args=[tampered]), {}).status_code == 400
    assert not SatisfactionAnswer.objects.exists()


def test_remark_too_long_gets_a_dutch_error(client, signal):
    link = reverse("signals:satisfaction", args=[satisfaction_token(signal, "closed")])

    response = client.post(link, {"answer": "yes", "remark": "x" * 1001})

    assert response.status_code == 200
    assert (
        "Uw opmerking is te lang: maximaal 1000 tekens, u schreef er 1001."
        in response.content.decode()
    )
    assert not SatisfactionAnswer.objects.exists()


def test_no_answer_chosen_gets_a_dutch_error(client, signal):
    link = reverse("signals:satisfaction", args=[satisfaction_token(signal, "closed")])

    response = client.post(link, {"remark": "Prima"})

    assert "Kies ja, een beetje of nee." in response.content.decode()
    assert not SatisfactionAnswer.objects.exists()


def test_coordinator_sees_the_answer_and_remark_on_the_signal_page(coordinator_client, signal):
    SatisfactionAnswer.objects.create(
        signal=signal, moment="closed", answer="yes", remark="Fijn dat u belde."
    )

    html = coordinator_client.get(url(signal, "detail")).content.decode()

    assert "Is de melder tevreden?" in html
    assert "Fijn dat u belde." in html


def test_partner_cannot_see_the_remark(partner_client, signal):
    SatisfactionAnswer.objects.create(signal=signal, moment="closed", answer="yes", remark="Fijn")

    assert partner_client.get(url(signal, "detail")).status_code == 403


def test_anonymising_blanks_the_remark_and_closes_the_link(client, coordinator, signal):
    SatisfactionAnswer.objects.create(
        signal=signal, moment="first_contact", answer="no", remark="Niemand belde terug."
    )

    anonymise_signal(signal=signal, by=coordinator, reason="Verzoek")

    answer = SatisfactionAnswer.objects.get()
    assert (answer.answer, answer.remark) == ("no", "")
    link = reverse("signals:satisfaction", args=[satisfaction_token(signal, "closed")])
    assert client.get(link).status_code == 400
