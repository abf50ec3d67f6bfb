from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from coalition.accountmail import may_mail, send_password_reset


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the mail left to the task worker (coalition/accountmail).

    Every request that passes the limits queues the same task with the address as typed,
    whether or not an account has it: the same work, the same answer, the same redirect. The
    task looks the account up and builds the link. At most ``PASSWORD_RESET_LIMIT_PER_ADDRESS``
    requests per address and ``PASSWORD_RESET_LIMIT_PER_CLIENT`` per client an hour queue one;
    the rest get the same answer and no mail.
    """

    def save(self, *, request=None, **kwargs):
        email = self.cleaned_data["email"]
        if may_mail(request, scope="password-reset", email=email):
            send_password_reset.enqueue(email=email)


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
