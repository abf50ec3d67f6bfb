"""Forms of "Denk mee": the two public forms (with a honeypot) and the coordinators' forms."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from coalition.forms import IdChoiceField, IdMultipleChoiceField
from coalition.models import TargetGroup
from network.models import Action, FocusGroupMember, FocusSession, Idea
from network.partnership.forms import DATETIME, dutch_empty_choice

PHONE = re.compile(r"^\+?[0-9][0-9 \-]{8,17}$")


class PublicForm(forms.ModelForm):
    """A honeypot a robot fills in, and a phone number that looks like one."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        if "target_group" in self.fields:
            self.fields["target_group"].queryset = TargetGroup.objects.active()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Fill in a phone number, for example 070 123 45 67."))
        return phone


class JoinForm(PublicForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that the coalition keeps my name and contact details to invite me to "
            "this focus group. Only for that."
        ),
        error_messages={
            "required": _("Please give your consent. Without it we cannot sign you up.")
        },
    )

    class Meta:
        model = FocusGroupMember
        fields = ["target_group", "name", "email", "phone", "consent"]
        labels = {
            "target_group": _("Which group do you belong to?"),
            "name": _("Your name"),
            "email": _("E-mail address"),
            "phone": _("Phone number"),
        }
        help_texts = {
            "email": _("We send a confirmation with a link to sign off."),
            "phone": _("Fill in an e-mail address, a phone number or both."),
        }
        field_classes = {"target_group": IdChoiceField}
        widgets = {
            "target_group": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Fill in an e-mail address or a phone number."))
        return data


class IdeaForm(PublicForm):
    consent = forms.BooleanField(
        label=_("The coalition may keep my contact details to ask me about my idea."),
        required=False,
    )

    class Meta:
        model = Idea
        fields = ["text", "target_group", "name", "email", "phone", "consent"]
        labels = {
            "text": _("Your idea"),
            "target_group": _("For whom is your idea? (optional)"),
            "name": _("Your name (optional)"),
            "email": _("E-mail address (optional)"),
            "phone": _("Phone number (optional)"),
        }
        help_texts = {
            "text": _("At most 2000 characters. We never publish your name or contact details."),
        }
        field_classes = {"target_group": IdChoiceField}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def clean(self):
        data = super().clean()
        contact = any(data.get(f) for f in ("name", "email", "phone"))
        if contact and not data.get("consent"):
            self.add_error("consent", _("Tick this box, or leave your contact details empty."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = FocusSession
        fields = ["target_group", "starts_at", "place", "topic"]
        field_classes = {"target_group": IdChoiceField}
        widgets = {"starts_at": DATETIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["target_group"].queryset = TargetGroup.objects.active()


class SessionAttendanceForm(forms.Form):
    participants = IdMultipleChoiceField(
        label=_("Who took part?"),
        queryset=FocusGroupMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, session: FocusSession, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = members
        self.fields["participants"].label_from_instance = lambda m: m.name


class FindingForm(forms.Form):
    text = forms.CharField(
        label=_("Finding"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Plain text. A line starting with ## is a heading, - starts a list item, "
            "**word** is bold, [text](https://…) is a link."
        ),
    )
    actions = IdMultipleChoiceField(
        label=_("Led to these actions of the action agenda"),
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, session: FocusSession, **kwargs):
        super().__init__(*args, **kwargs)
        year = session.starts_at.year
        self.fields["actions"].queryset = Action.objects.filter(year__in=[year, year + 1]).order_by(
            "year", "goal__number", "title", "pk"
        )
        self.fields["actions"].label_from_instance = lambda a: f"{a.title} ({a.year})"


class IdeaDecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Publish this idea?"),
        choices=[("yes", _("Yes, publish it")), ("no", _("No, do not publish it"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("What did the coalition do with it?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the idea on the public page. Write for residents, with “u”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") and not data.get("response", "").strip():
            self.add_error("response", _("Say what the coalition did with the idea."))
        return data


class GroupFilterForm(forms.Form):
    doelgroep = IdChoiceField(
        label=_("Focus group"), queryset=TargetGroup.objects.active(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
