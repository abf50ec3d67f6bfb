"""Referrals: the social map searched for a signal, the referral and its follow-up."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.forms import DrawnOnce
from coalition.models import Area, TargetGroup
from signals.models import Referral, Signal
from signals.services.referrals import default_follow_up


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
        label=_("Pass on the name and phone number to the partner."),
        help_text=_(
            "Only when the person said yes to this on the form. Without it the partner sees "
            "initials, age, district and your note, and you stay the go-between."
        ),
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


class FollowUpForm(DrawnOnce, forms.Form):
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
