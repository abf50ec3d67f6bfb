from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from coalition.tasks import send_password_reset


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the mail sent by the task worker instead of the request.

    The task gets only the user's id: it makes the link (a secret) and the text when it runs,
    in the site's language and starting with ``SITE_URL`` (coalition/tasks.py).
    """

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        send_password_reset.enqueue(user_id=context["user"].pk)


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
