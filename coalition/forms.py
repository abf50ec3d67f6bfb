from django.contrib.auth.forms import PasswordResetForm
from django.template import loader

from coalition.tasks import send_email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the mail sent by the task worker instead of the request."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(subject=subject, body=body, to=[to_email])
