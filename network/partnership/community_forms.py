"""Forms of the partners' loop (issue 14): the lead partner's progress on an action, the
ambassadors' contributions, the overview filters and the message to active ambassadors.
Errors are in Dutch through the catalogue."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.models import Area, TargetGroup
from network.models import Action, Contribution, Person
from network.models.ambassadors import MAX_PEOPLE_REACHED
from network.partnership.forms import DATE, dutch_empty_choice

# What would make a note personal: an e-mail address or a phone number.
PERSONAL_DETAILS = re.compile(r"@|\d[\d\s-]{7,}\d")


class ActionProgressForm(forms.Form):
    """What the lead organisation updates: status, the number reached, and a dated note."""

    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    current_value = forms.IntegerField(
        label=_("Number reached so far"), min_value=0, max_value=10_000_000
    )
    text = forms.CharField(
        label=_("What happened (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def for_action(cls, action: Action, data=None):
        initial = {"status": action.status, "current_value": action.current_value}
        form = cls(data, initial=initial)
        if action.target_label:
            form.fields["current_value"].help_text = _("%(label)s; target: %(target)s") % {
                "label": action.target_label,
                "target": action.target_value if action.target_value else "—",
            }
        return form


def person_label(person: Person) -> str:
    return f"{person.name} ({person.organisation.name})" if person.organisation else person.name


def _districts():
    return Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("name")


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["person", "date", "kind", "people_reached", "target_group", "district", "note"]
        widgets = {"date": DATE}
        error_messages = {
            "people_reached": {
                "min_value": _("The number of people cannot be below 0."),
                "max_value": _(
                    "Enter at most 10,000 people. Were there more? Split it over more "
                    "contributions."
                ),
            },
        }

    def __init__(self, *args, ambassadors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = ambassadors.select_related("organisation")
        self.fields["person"].label_from_instance = person_label
        self.fields["target_group"].queryset = TargetGroup.objects.active()
        self.fields["district"].queryset = _districts()
        self.fields["people_reached"].max_value = MAX_PEOPLE_REACHED
        dutch_empty_choice(self)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date lies in the future."))
        if day.year < 2000:
            raise forms.ValidationError(_("Enter a date from 2000 or later."))
        return day

    def clean_note(self):
        note = self.cleaned_data["note"]
        if PERSONAL_DETAILS.search(note):
            raise forms.ValidationError(
                _("Leave out e-mail addresses and phone numbers: the note has no personal data.")
            )
        return note


class AmbassadorFilterForm(forms.Form):
    target_group = forms.ModelChoiceField(
        label=_("Target group"), required=False, queryset=TargetGroup.objects.none()
    )
    district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=Area.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"].queryset = TargetGroup.objects.active()
        self.fields["district"].queryset = _districts()
        for field in self.fields.values():
            field.empty_label = _("All")


class AmbassadorMessageForm(AmbassadorFilterForm):
    """One message to the active ambassadors of a target group and/or a district. The count
    the coordinator saw in the preview comes back with the form, so nobody sends to more
    people than they were shown."""

    subject = forms.CharField(label=_("Subject"), max_length=150)
    text = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    confirmed_count = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in (self.fields["target_group"], self.fields["district"]):
            field.empty_label = _("– none –")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("target_group") and not cleaned.get("district"):
            raise forms.ValidationError(_("Choose a target group, a district or both."))
        return cleaned
