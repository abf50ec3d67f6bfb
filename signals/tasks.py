"""Background work of the signals app: sending the outbox mails."""

from django.tasks import task


@task
def send_signal_mail(*, mail_id: int) -> str:
    """Send one outbox mail and record sent or failed; ``retry_signal_mail`` queues it again."""
    from signals.services import deliver_mail

    return deliver_mail(mail_id=mail_id)
