"""Intake: the report form of residents and partners, and the desk form of coordinators. A signed
token in each form lets a double submit store once."""

import re
import uuid

from django import forms
from django.core import signing
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coalition.forms import IdChoiceField, IdMultipleChoiceField, explain_length_limits
from coalition.models import Area, TargetGroup
from network.socialmap import catalogue
from signals.models import Signal

TOKEN_SALT = "signals.report-form"  # noqa: S105 (a signing salt, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{8,17}$")


def new_form_token() -> str:
    return signing.dumps(uuid.uuid4().hex, salt=TOKEN_SALT)


def read_form_token(signed: str) -> str | None:
    """The token inside a signed form token; ``None`` when forged or expired."""
    try:
        return signing.loads(signed, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


def vocabulary() -> dict[str, dict[int, object]]:
    """The districts and active target groups a report may name, by id, once per catalogue
    version (a change to either starts a new one, see ``network.apps``): a submission checks
    its choices against this instead of asking the database for each."""

    def build():
        return {
            "district": {area.pk: area for area in Area.objects.filter(kind=Area.Kind.DISTRICT)},
            "target_groups": {group.pk: group for group in TargetGroup.objects.active()},
        }

    return catalogue.cached(("signal-form-vocabulary",), build)


class VocabularyChoiceField(IdChoiceField):
    """A district: rendered from its queryset, checked against ``known`` (by id) when set."""

    known: dict | None = None

    def to_python(self, value):
        if self.known is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.known[int(value)]
        except (KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class VocabularyMultipleChoiceField(IdMultipleChoiceField):
    """Target groups: rendered from the queryset, checked against ``known`` (by id) when set;
    the cleaned value is then a list of groups (no query)."""

    known: dict | None = None

    def clean(self, value):
        if self.known is None or not value:
            return super().clean(value)
        if not isinstance(value, list | tuple):
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        chosen = []
        for pk in dict.fromkeys(value):
            try:
                chosen.append(self.known[int(pk)])
            except (KeyError, TypeError, ValueError):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                ) from None
        self.run_validators(chosen)
        return chosen


ROUTES_WITH_CONTACT = [
    Signal.ContactRoute.PHONE,
    Signal.ContactRoute.EMAIL,
    Signal.ContactRoute.VISIT,
]
OTHERS = [Signal.ReporterKind.CONCERNED, Signal.ReporterKind.PROFESSIONAL]

# Which fields apply only after a choice: field -> (the choice, its values). The page shows
# such a field only when it applies (static/js/forms.js); the fields in REQUIRED_WHEN_SHOWN
# are then required, here on the server as well, so the rule holds without JavaScript too.
SHOW_WHEN = {
    "person_aware": ("reporter_kind", OTHERS),
    "contact_name": ("contact_route", ROUTES_WITH_CONTACT),
    "contact_phone": ("contact_route", [Signal.ContactRoute.PHONE]),
    "contact_email": ("contact_route", [Signal.ContactRoute.EMAIL]),
    "contact_address": ("contact_route", [Signal.ContactRoute.VISIT]),
    "contact_when": ("contact_route", ROUTES_WITH_CONTACT),
}
REQUIRED_WHEN_SHOWN = {
    "person_aware": _("Tell us whether the person knows about this."),
    "contact_phone": _("Fill in a phone number."),
    "contact_email": _("Fill in an e-mail address."),
    "contact_address": _("Fill in an address for the visit."),
}
# Labels that depend on who reports: (about yourself, about someone else).
WORDING = {
    "person_name": (
        _("Your first name or initials"),
        _("First name or initials of the person it is about"),
    ),
    "age_band": (_("Your age"), _("Age of the person")),
    "district": (_("The district where you live"), _("The district where the person lives")),
    "postcode": (_("Your postcode"), _("Postcode of the person")),
    "target_groups": (
        _("Does one of these fit you? (optional)"),
        _("Does one of these fit the person? (optional)"),
    ),
    "wishes": (_("What might help you? (optional)"), _("What might help the person? (optional)")),
}


class ReportForm(forms.ModelForm):
    """The public form. Also used by partners (as professional) and coordinators (desk)."""

    show_when = {name: (field, " ".join(values)) for name, (field, values) in SHOW_WHEN.items()}

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200)
    share_contact = forms.TypedChoiceField(
        label=_("May we pass on your name and phone number to the organisation we refer you to?"),
        help_text=_(
            "Do you report about someone else? Then answer for that person: does the person "
            "agree? If you do not know, choose no. We can always ask later."
        ),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Please give your consent. Without it we cannot store your report.")
        },
    )

    class Meta:
        model = Signal
        fields = [
            "reporter_kind",
            "person_name",
            "age_band",
            "district",
            "postcode",
            "target_groups",
            "person_aware",
            "situation",
            "wishes",
            "contact_route",
            "contact_name",
            "contact_phone",
            "contact_email",
            "contact_address",
            "contact_when",
            "share_contact",
            "consent",
        ]
        labels = {
            "reporter_kind": _("Who is reporting?"),
            "person_name": _("First name or initials of the person it is about"),
            "age_band": _("Age"),
            "district": _("District"),
            "postcode": _("Postcode"),
            "target_groups": _("Does one of these fit? (optional)"),
            "person_aware": _("Does the person know you are reporting this?"),
            "situation": _("What is going on? Tell it in your own words."),
            "wishes": _("What might help? (optional)"),
            "contact_route": _("How may we contact you?"),
            "contact_name": _("Your name (optional)"),
            "contact_phone": _("Phone number"),
            "contact_email": _("E-mail address"),
            "contact_address": _("Address for a visit"),
            "contact_when": _("When can we best reach you? (optional)"),
        }
        help_texts = {
            "person_name": _("Only a first name or initials. Leave empty if you do not know."),
            "postcode": _("For example 2271 AB. Fill in a district or a postcode."),
            "person_aware": _("Only when you report about someone else."),
            "situation": _("At most 3000 characters. Please do not write medical details."),
            "contact_phone": _("Only when you choose to be called."),
            "contact_email": _(
                "Only when you choose e-mail. We send a confirmation with your reference number."
            ),
            "contact_address": _("Only when you choose a visit at home."),
        }
        field_classes = {
            "district": VocabularyChoiceField,
            "target_groups": VocabularyMultipleChoiceField,
        }
        widgets = {
            "reporter_kind": forms.RadioSelect,
            "person_aware": forms.RadioSelect,
            "contact_route": forms.RadioSelect,
            "target_groups": forms.CheckboxSelectMultiple,
            "situation": forms.Textarea(attrs={"rows": 5}),
            "wishes": forms.Textarea(attrs={"rows": 3}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["reporter_organisation"] = IdChoiceField(
                label=_("On behalf of"), queryset=organisations, empty_label=None
            )
        self.fields["district"].queryset = Area.objects.filter(kind=Area.Kind.DISTRICT)
        self.fields["district"].empty_label = _("I do not know")
        self.fields["target_groups"].queryset = TargetGroup.objects.active()
        if self.is_bound:
            known = vocabulary()
            self.fields["district"].known = known["district"]
            self.fields["target_groups"].known = known["target_groups"]
        self.fields["reporter_kind"].choices = Signal.ReporterKind.choices
        self.fields["person_aware"].choices = Signal.Awareness.choices
        self.fields["contact_route"].choices = Signal.ContactRoute.choices
        self.fields["situation"].required = True
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _("I agree that the Sociaal Servicepunt stores and uses these details only to help."),
            reverse_lazy("privacy"),
            _("Read how we handle your data."),
        )
        if not self.is_bound:
            self.initial["form_token"] = new_form_token()
        self.fields["reporter_kind"].error_messages["required"] = _("Choose who is reporting.")
        self.fields["situation"].error_messages["required"] = _("Tell us what is going on.")
        self.fields["contact_route"].error_messages["required"] = _(
            "Choose how we may contact you, or that you report anonymously."
        )
        for name, message in REQUIRED_WHEN_SHOWN.items():
            self.fields[name].required = True  # marked *: the page shows it only when it applies
            self.fields[name].error_messages["required"] = message
        about_self = self["reporter_kind"].value() == Signal.ReporterKind.SELF
        self.wording = {name: (str(mine), str(theirs)) for name, (mine, theirs) in WORDING.items()}
        for name, (mine, theirs) in WORDING.items():
            self.fields[name].label = mine if about_self else theirs
        explain_length_limits(self)

    def applies(self, name: str) -> bool:
        """Whether a field applies to the answers given (always, for most fields)."""
        if name not in SHOW_WHEN:
            return True
        choice, values = SHOW_WHEN[name]
        return self[choice].value() in values

    def full_clean(self):
        """A field that does not apply is not required; after checking, every such field is
        marked required again (it is only shown when it applies)."""
        for name in REQUIRED_WHEN_SHOWN:
            self.fields[name].required = self.applies(name)
        try:
            super().full_clean()
        finally:
            for name in REQUIRED_WHEN_SHOWN:
                self.fields[name].required = True

    def clean_form_token(self):
        token = read_form_token(self.cleaned_data["form_token"])
        if token is None:
            self.data = self.data.copy()
            self.data["form_token"] = new_form_token()
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again.")
            )
        return token

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if not value:
            return ""
        match = POSTCODE.match(value)
        if not match:
            raise forms.ValidationError(_("Fill in a postcode like 2271 AB."))
        return f"{match[1]} {match[2].upper()}"

    def clean_contact_phone(self):
        value = self.cleaned_data["contact_phone"].strip()
        if value and not PHONE.match(value):
            raise forms.ValidationError(
                _("Fill in a phone number of 10 digits, like 070 123 45 67.")
            )
        return value

    def clean(self):
        data = super().clean()
        if not data.get("district") and not data.get("postcode") and "postcode" not in self.errors:
            self.add_error("postcode", _("Choose a district or fill in a postcode."))
        if not self.applies("person_aware"):
            data["person_aware"] = ""  # about oneself: the question does not apply
        return data

    def submission(self) -> dict:
        """The keyword arguments for ``intake.submit_signal`` (without channel/user)."""
        data = {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name not in ("target_groups",)
        }
        if "reporter_organisation" in self.cleaned_data:
            data["reporter_organisation"] = self.cleaned_data["reporter_organisation"]
        return {
            "data": data,
            "target_groups": self.cleaned_data["target_groups"],
            "form_token": self.cleaned_data["form_token"],
        }


class DeskReportForm(ReportForm):
    """A signal a coordinator received by phone, at the desk or otherwise."""

    channel = forms.ChoiceField(
        label=_("Received via"),
        choices=[
            (Signal.Channel.PHONE, Signal.Channel.PHONE.label),
            (Signal.Channel.DESK, Signal.Channel.DESK.label),
            (Signal.Channel.PROFESSIONAL, Signal.Channel.PROFESSIONAL.label),
            (Signal.Channel.OTHER, Signal.Channel.OTHER.label),
        ],
    )
    save_anyway = forms.BooleanField(label=_("Save as a new signal anyway"), required=False)
    field_order = ["channel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _("The person who reports agreed that we store the data.")
        self.fields["share_contact"].label = _(
            "May we pass on the name and phone number to the organisation we refer to?"
        )
        self.fields["share_contact"].help_text = _(
            "Ask the person. If it is about someone else and you do not know, choose no."
        )
        self.fields["contact_name"].label = _("Name of the contact person (optional)")

    def possible_duplicates(self, user) -> list[Signal]:
        """Open signals ``user`` may see that seem to be about the same person as this valid,
        unsaved form (see ``SignalQuerySet.possible_duplicates_of``)."""
        candidate = Signal(**self.submission()["data"])
        if candidate.is_anonymous:  # these details are not stored: they cannot match
            candidate.contact_phone = candidate.contact_email = ""
        return list(Signal.objects.visible_to(user).possible_duplicates_of(candidate))
