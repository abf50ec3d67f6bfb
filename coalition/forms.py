from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
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


class LoginForm(AuthenticationForm):
    """Django's login form, with the username's length checked before anything looks it up.

    Django only sets the HTML ``maxlength``; without a validator a very long username reaches
    the lock-out records (varchar 255) and fails there.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
