from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.template import loader
from django.urls import reverse
from django.utils import translation

from coalition.lib import absolute_url
from coalition.tasks import send_email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the mail sent by the task worker instead of the request.

    The mail is in the site's language, whatever language the visitor chose, and its link
    starts with ``SITE_URL``, not with the host the request named.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        link = reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        context = {**context, "site_name": settings.COALITION_NAME, "link": absolute_url(link)}
        with translation.override(settings.LANGUAGE_CODE):
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


BIGGEST_ID = 2**63 - 1


def _too_big(value) -> bool:
    try:
        return abs(int(str(value))) > BIGGEST_ID
    except ValueError:
        return False  # not a number at all: Django's own check reports it


class IdChoiceField(forms.ModelChoiceField):
    """A choice of one record that refuses ids no database column can hold.

    Django passes such a number on to the query, where SQLite raises ``OverflowError``.
    """

    def to_python(self, value):
        if _too_big(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several records that refuses ids no database column can hold."""

    def _check_values(self, value):
        for pk in value:
            if _too_big(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
