import hashlib

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

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


class BoundField(forms.BoundField):
    """A field as our field template (``templates/coalition/forms/field.html``) draws it, with
    Bootstrap's classes on its inputs: ``form-control``, ``form-select`` or
    ``form-check-input``, and ``is-invalid`` while it has an error."""

    @property
    def kind(self) -> str:
        """How the template lays the field out: ``check`` (one checkbox), ``choices`` (radio
        buttons or checkboxes, in a fieldset), ``select`` or ``control`` (every other input)."""
        widget = self.field.widget
        if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
            return "choices"
        if isinstance(widget, forms.CheckboxInput):
            return "check"
        if isinstance(widget, forms.Select):
            return "select"
        return "control"

    def _classes(self, bootstrap: str) -> str:
        own = self.field.widget.attrs.get("class", "").split()
        wanted = bootstrap.split() + (["is-invalid"] if self.errors else [])
        return " ".join(own + [name for name in wanted if name not in own])

    @property
    def control(self):
        """The input itself (not for ``choices``: see ``options``)."""
        bootstrap = {"check": "form-check-input", "select": "form-select"}.get(
            self.kind, "form-control"
        )
        return self.as_widget(attrs={"class": self._classes(bootstrap)})

    @property
    def options(self):
        """The radio buttons or checkboxes of a ``choices`` field; the field template draws
        each input itself, as Django's ``input.html`` would (one template, not three a choice)."""
        classes = self._classes("form-check-input")
        for option in self.subwidgets:
            option.data["attrs"]["class"] = classes
        return self.subwidgets


class DrawnOnce:
    """A form mixin: the blank form is drawn once per process for each language, set of ids,
    initial values and choices, and after that read from memory (the ``template_fragments``
    cache, which every process keeps for itself and forgets when it restarts).

    Only for forms whose blank HTML depends on nothing else: no per-request labels, help or
    widgets. A bound form (what a visitor typed, with its errors) is drawn afresh, unless the
    form is a filter of choices (``drawn_bound``): then a valid one is drawn once per set of
    values too. ``drawn_fields`` names the fields its template draws, when not all of them
    (never a free text, which would be kept in memory). Choices from the database are read
    once for the key and then drawn from that list, so a drawing costs the same queries as
    before."""

    drawn_bound = False
    drawn_fields: tuple[str, ...] | None = None

    def render(self, template_name=None, context=None, renderer=None):
        fresh = self.is_bound and not (self.drawn_bound and self.is_valid())
        if fresh or template_name or context or renderer:
            return super().render(template_name, context, renderer)
        cache = caches["template_fragments"]
        key = self._drawing_key()
        html = cache.get(key)
        if html is None:
            html = str(super().render())
            cache.set(key, html, None)
        return mark_safe(html)  # noqa: S308 (our own templates' output, with no visitor input)

    __str__ = __html__ = render

    def _drawing_key(self) -> str:
        parts = [type(self).__module__, type(self).__qualname__, self.auto_id, self.prefix]
        parts.append(get_language())
        for name in self.drawn_fields or self.fields:
            field = self.fields[name]
            choices = None
            if hasattr(field, "choices"):
                choices = list(iter(field.choices))  # iter: no COUNT query first
                field.widget.choices = choices
                choices = [(str(value), str(label)) for value, label in choices]
            parts.append((name, str(self[name].value()), choices))
        return "drawn-once:" + hashlib.sha256(repr(parts).encode()).hexdigest()


class FormRenderer(TemplatesSetting):
    """Django's renderer (``FORM_RENDERER``), with the project's templates for a form and a
    field (``{{ form }}``, ``{{ form.field.as_field_group }}``: label, input, errors and help
    in Bootstrap's markup), and one change for every form: a text area with a length limit
    shows how many characters are left (static/js/forms.js reads the ``data-charcount``
    attributes) and is never cut off. The HTML ``maxlength`` goes, so a browser cannot drop
    pasted text without a word; the server refuses a text that is too long and says so."""

    form_template_name = "coalition/forms/form.html"
    field_template_name = "coalition/forms/field.html"
    bound_field_class = BoundField

    def render(self, template_name, context, request=None):
        widget = context.get("widget") or {}
        if template_name == TEXTAREA and "maxlength" in widget.get("attrs", {}):
            attrs = widget["attrs"]
            attrs.update(
                {
                    "data-charcount": attrs.pop("maxlength"),
                    "data-charcount-left": _("You have %(n)s characters left"),
                    "data-charcount-left-one": _("You have 1 character left"),
                    "data-charcount-over": _("You have %(n)s characters too many"),
                    "data-charcount-over-one": _("You have 1 character too many"),
                }
            )
        return super().render(template_name, context, request=request)


TEXTAREA = "django/forms/widgets/textarea.html"


def explain_length_limits(form: forms.BaseForm) -> None:
    """A text over its limit is refused with how much too long it is."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea) and getattr(field, "max_length", None):
            field.error_messages["max_length"] = TOO_LONG


class TooLong:
    """The message for a text over its limit; Django passes ``limit_value`` and ``show_value``."""

    def __mod__(self, params):
        over = params["show_value"] - params["limit_value"]
        return ngettext(
            "Your text is too long: no more than %(limit)s characters, you wrote %(count)s. "
            "Make it %(over)s character shorter.",
            "Your text is too long: no more than %(limit)s characters, you wrote %(count)s. "
            "Make it %(over)s characters shorter.",
            over,
        ) % {"limit": params["limit_value"], "count": params["show_value"], "over": over}


TOO_LONG = TooLong()
