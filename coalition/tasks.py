"""Background work shared by every app. Mail leaves through here, never inside a request."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(*, subject: str, body: str, to: list[str], html: str = "") -> int:
    """Send one e-mail. Raises when the mail server refuses, so the worker records a failure."""
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
