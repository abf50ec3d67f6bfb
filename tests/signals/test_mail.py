import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from signals.models import Signal, SignalEvent, SignalMail
from tests.signals.helpers import post_report

pytestmark = pytest.mark.django_db
DOWN = {"default": {"BACKEND": "tests.signals.mailers.DownBackend"}}
UP = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def test_mail_server_down_keeps_signal_and_marks_mail_failed(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = DOWN

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(resident)

    assert response.status_code == 302
    mails = SignalMail.objects.all()
    assert [m.state for m in mails] == [SignalMail.State.FAILED, SignalMail.State.FAILED]
    assert mails[0].last_error == "Connection unexpectedly closed"
    kinds = list(SignalEvent.objects.values_list("kind", flat=True))
    assert kinds.count(SignalEvent.Kind.MAIL_FAILED) == 2
    assert SignalEvent.Kind.MAIL_SENT not in kinds


def test_failed_mail_is_sent_by_retry_command(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = DOWN
    settings.SIGNAL_MAIL_RETRY_MINUTES = 0
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)
    settings.MAILERS = UP

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 2
    assert set(SignalMail.objects.values_list("state", "attempts")) == {(SignalMail.State.SENT, 2)}
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.MAIL_SENT).count() == 2


def test_sent_mail_is_not_sent_twice(resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)
    from signals.tasks import deliver_mail

    deliver_mail(mail_id=SignalMail.objects.first().pk)

    assert len(mail.outbox) == 2


def test_retry_gives_up_after_the_attempt_limit(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = DOWN
    settings.SIGNAL_MAIL_MAX_ATTEMPTS = 2
    settings.SIGNAL_MAIL_RETRY_MINUTES = 0
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(SignalMail.objects.values_list("attempts", flat=True)) == {2}


def test_mail_stuck_in_queue_is_queued_again(resident, settings):
    # Without running the on-commit hook the mails stay queued, as when a worker died.
    post_report(resident)
    SignalMail.objects.update(created_at=timezone.now() - datetime.timedelta(hours=2))

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(SignalMail.objects.values_list("state", flat=True)) == {SignalMail.State.SENT}
    assert len(mail.outbox) == 2


def test_failed_mail_alert_on_queue(
    coordinator_client, resident, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = DOWN
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)

    html = coordinator_client.get("/signalen/").content.decode()

    assert "2 e-mails over meldingen konden niet worden verstuurd" in html


def test_coordinators_mail_links_to_the_signal_on_site_url(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://localhost:8000"
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)

    signal = Signal.objects.get()
    to_coordinators = next(m for m in mail.outbox if m.to == [settings.COORDINATOR_EMAIL])
    assert f"http://localhost:8000/signalen/{signal.reference}/" in to_coordinators.body


def test_every_attempt_of_a_mail_carries_the_same_message_id(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = DOWN
    settings.SIGNAL_MAIL_RETRY_MINUTES = 0
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)
    settings.MAILERS = UP
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notification = SignalMail.objects.get(kind=SignalMail.Kind.NOTIFICATION)
    from signals.tasks import deliver_mail

    SignalMail.objects.filter(pk=notification.pk).update(state=SignalMail.State.FAILED)
    deliver_mail(mail_id=notification.pk)  # as if the first success was never recorded

    sent_ids = [m.message()["Message-ID"] for m in mail.outbox if m.to == [notification.to]]
    stamp = f"{notification.created_at:%Y%m%d%H%M%S}"
    assert sent_ids == [f"<signal-mail.{notification.pk}.{stamp}@localhost>"] * 2


def test_mail_in_the_hands_of_a_worker_is_not_sent_by_another(resident, settings):
    post_report(resident)  # the on-commit hooks do not run: the tasks are not queued
    claimed = timezone.now() + datetime.timedelta(seconds=60)
    SignalMail.objects.update(claimed_until=claimed, attempts=1)
    from signals.tasks import deliver_mail

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    states = [deliver_mail(mail_id=pk) for pk in SignalMail.objects.values_list("pk", flat=True)]

    assert states == ["queued", "queued"]
    assert mail.outbox == []


def test_mail_of_a_worker_that_died_is_sent_once_its_claim_has_run_out(resident, settings):
    post_report(resident)  # the on-commit hooks do not run: the tasks are not queued
    SignalMail.objects.update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1), attempts=1
    )

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(SignalMail.objects.values_list("state", "attempts")) == {(SignalMail.State.SENT, 2)}
    assert len(mail.outbox) == 2
    assert SignalEvent.objects.filter(kind=SignalEvent.Kind.MAIL_SENT).count() == 2


def test_unclaimed_mail_is_left_to_its_task_for_one_claim_period(resident, settings):
    settings.SIGNAL_MAIL_LEASE_SECONDS = 120
    post_report(resident)  # the tasks are not queued (yet): only the sweep could send them
    SignalMail.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=60))
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []

    SignalMail.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=180))
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 2


def test_failed_mail_waits_the_retry_pause(resident, settings, django_capture_on_commit_callbacks):
    settings.MAILERS = DOWN
    settings.SIGNAL_MAIL_RETRY_MINUTES = 10
    with django_capture_on_commit_callbacks(execute=True):
        post_report(resident)
    settings.MAILERS = UP

    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []
    SignalMail.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    call_command("retry_signal_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 2
