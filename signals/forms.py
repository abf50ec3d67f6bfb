import re
import uuid

from django import forms
from django.core import signing
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coalition.forms import IdChoiceField, IdMultipleChoiceField
from coalition.models import Area, TargetGroup
from coalition.roles import COORDINATOR
from signals.models import ContactAttempt, Referral, Signal

TOKEN_SALT = "signals.report-form"  # noqa: S105 (a signing salt, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{8,17}$")


def new_form_token() -> str:
    return signing.dumps(uuid.uuid4().hex, salt=TOKEN_SALT)


class ReportForm(forms.ModelForm):
    """The public form. Also used by partners (as professional) and coordinators (desk)."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200)
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
            "contact_email": _("We send a confirmation with your reference number."),
        }
        field_classes = {"district": IdChoiceField, "target_groups": IdMultipleChoiceField}
        widgets = {
            "reporter_kind": forms.RadioSelect,
            "person_aware": forms.RadioSelect,
            "contact_route": forms.RadioSelect,
            "target_groups": forms.CheckboxSelectMultiple,
            "situation": forms.Textarea(attrs={"rows": 5, "maxlength": 3000}),
            "wishes": forms.Textarea(attrs={"rows": 3, "maxlength": 1500}),
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

    def clean_form_token(self):
        try:
            return signing.loads(
                self.cleaned_data["form_token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE
            )
        except signing.BadSignature:
            self.data = self.data.copy()
            self.data["form_token"] = new_form_token()
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again.")
            ) from None

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
        kind = data.get("reporter_kind")
        if kind and kind != Signal.ReporterKind.SELF and not data.get("person_aware"):
            self.add_error("person_aware", _("Tell us whether the person knows about this."))
        required_detail = {
            Signal.ContactRoute.PHONE: ("contact_phone", _("Fill in a phone number.")),
            Signal.ContactRoute.EMAIL: ("contact_email", _("Fill in an e-mail address.")),
            Signal.ContactRoute.VISIT: ("contact_address", _("Fill in an address for the visit.")),
        }
        route = data.get("contact_route")
        if route in required_detail:
            field, message = required_detail[route]
            if not data.get(field) and field not in self.errors:
                self.add_error(field, message)
        return data

    def submission(self) -> dict:
        """The keyword arguments for ``services.submit_signal`` (without channel/user)."""
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
    field_order = ["channel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _("The person who reports agreed that we store the data.")
        self.fields["contact_name"].label = _("Name of the contact person (optional)")


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All open"))] + Signal.Status.choices
    )
    assigned = forms.ChoiceField(
        label=_("Handled by"),
        required=False,
        choices=[("", _("Everyone")), ("me", _("Me")), ("none", _("Nobody yet"))],
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=Area.objects.filter(kind=Area.Kind.DISTRICT),
        empty_label=_("All districts"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.all(),
        empty_label=_("All target groups"),
        to_field_name="slug",
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All channels"))] + Signal.Channel.choices,
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    follow_up = forms.BooleanField(label=_("Follow-up due"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("oldest", _("Oldest first")), ("newest", _("Newest first"))],
    )

    def filter(self, signals, *, user, today):
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status")
        if status:
            signals = signals.filter(status=status)
        elif not data.get("follow_up"):
            signals = signals.open()
        if data.get("assigned") == "me":
            signals = signals.filter(assigned_to=user)
        elif data.get("assigned") == "none":
            signals = signals.filter(assigned_to__isnull=True)
        if data.get("district"):
            signals = signals.filter(district=data["district"])
        if data.get("target_group"):
            signals = signals.filter(target_groups=data["target_group"])
        if data.get("channel"):
            signals = signals.filter(channel=data["channel"])
        if data.get("overdue"):
            signals = signals.overdue(today)
        if data.get("follow_up"):
            signals = signals.follow_up_due(today)
        order = "-created_at" if data.get("sort") == "newest" else "created_at"
        return signals.order_by(order, "pk")


class AssignForm(forms.Form):
    to = forms.ModelChoiceField(label=_("Coordinator"), queryset=None, empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth.models import User

        self.fields["to"].queryset = User.objects.filter(
            groups__name=COORDINATOR, is_active=True
        ).order_by("first_name", "username")
        self.fields["to"].label_from_instance = lambda u: u.get_full_name() or u.username


class MoveForm(forms.Form):
    # Every status is accepted here; the workflow (Signal.can_move_to) refuses and logs.
    status = forms.ChoiceField(label=_("New status"), choices=Signal.Status.choices)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContactAttemptForm(forms.ModelForm):
    reached = forms.TypedChoiceField(
        label=_("Reached?"),
        choices=[("yes", _("Yes, we spoke")), ("no", _("No, not reached"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ContactAttempt
        fields = ["at", "channel", "reached", "details"]
        widgets = {
            "at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_at(self):
        value = self.cleaned_data["at"]
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(_("A contact attempt cannot be in the future."))
        return value


class CancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why cancel?"), choices=Signal.CancelReason.choices, widget=forms.RadioSelect
    )
    duplicate_of = forms.CharField(
        label=_("Reference of the signal it repeats"),
        required=False,
        max_length=16,
        help_text=_("For example S-2026-00042."),
    )

    def clean_duplicate_of(self):
        reference = self.cleaned_data["duplicate_of"].strip().upper()
        if not reference:
            return None
        signal = Signal.objects.filter(reference=reference).first()
        if signal is None:
            raise forms.ValidationError(_("There is no signal with this reference."))
        return signal

    def clean(self):
        data = super().clean()
        duplicate = data.get("reason") == Signal.CancelReason.DUPLICATE
        if duplicate and not data.get("duplicate_of") and "duplicate_of" not in self.errors:
            self.add_error("duplicate_of", _("Give the reference of the signal it repeats."))
        return data


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Signal.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Explanation (optional)"), required=False, max_length=1000)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why reopen?"), max_length=1000)


class AnonymiseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        initial=_("At the request of the person."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that the personal data will be removed for good.")
    )


class ReferralSearchForm(forms.Form):
    """The social map's filters, pre-set from the signal's district and target groups."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=Area.objects.filter(kind=Area.Kind.DISTRICT),
        empty_label=_("All districts"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.active(),
        to_field_name="slug",
        empty_label=_("All target groups"),
    )

    @classmethod
    def for_signal(cls, signal: Signal, data=None):
        if data:
            return cls(data)
        groups = list(signal.target_groups.all()[:1])
        return cls(
            {"district": signal.district_id or "", "target_group": groups[0].slug if groups else ""}
        )

    def results(self, limit: int = 20):
        from network.models import Activity, Organisation

        data = self.cleaned_data if self.is_valid() else {}
        activities = Activity.objects.published().with_related().search(data.get("q", ""))
        organisations = Organisation.objects.active()
        if data.get("district"):
            activities = activities.filter(district=data["district"])
            organisations = organisations.filter(districts=data["district"])
        if data.get("target_group"):
            activities = activities.filter(target_groups=data["target_group"])
            organisations = organisations.filter(target_groups=data["target_group"])
        if data.get("q"):
            organisations = organisations.filter(name__icontains=data["q"])
        return (
            list(activities.order_by("-rank", "title")[:limit]),
            list(organisations.order_by("name").distinct()[:limit]),
        )


class ReferForm(forms.Form):
    activities = forms.ModelMultipleChoiceField(
        label=_("Activities"), required=False, queryset=None
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Partners"), required=False, queryset=None
    )
    note = forms.CharField(
        label=_("Note for the partner (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    person_agreed = forms.BooleanField(
        label=_("The person agreed that the partner sees this referral and the note."),
        required=False,
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        from network.models import Activity, Organisation

        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = Activity.objects.published().select_related(
            "organisation"
        )
        self.fields["organisations"].queryset = Organisation.objects.active()
        if "follow_up_on" not in self.initial:
            from signals.services.referrals import default_follow_up

            self.initial["follow_up_on"] = default_follow_up(timezone.localdate())

    def clean_follow_up_on(self):
        value = self.cleaned_data["follow_up_on"]
        if value <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date in the future."))
        return value

    def clean(self):
        data = super().clean()
        if not data.get("activities") and not data.get("organisations"):
            raise forms.ValidationError(_("Choose at least one activity or partner."))
        return data


class FollowUpForm(forms.Form):
    went = forms.ChoiceField(
        label=_("Did the person go?"), choices=Referral.Answer.choices, widget=forms.RadioSelect
    )
    helps = forms.ChoiceField(
        label=_("Does it help?"), choices=Referral.Answer.choices, widget=forms.RadioSelect
    )
    more_needed = forms.TypedChoiceField(
        label=_("Is more help needed?"),
        choices=[("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=1000)
