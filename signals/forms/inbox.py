"""The partner's answers on a referral: declining with a reason, and how it went."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models import Referral

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InboxFilterForm(forms.Form):
    open = forms.BooleanField(label=_("Only referrals waiting for an answer"), required=False)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why can you not help?"),
        choices=Referral.DeclineReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Explanation"),
        help_text=_("Needed when you choose “other reason”. Do not write personal details."),
        required=False,
        max_length=300,
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == Referral.DeclineReason.OTHER and not data.get("note"):
            self.add_error("note", _("Tell us the reason."))
        return data


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened?"),
        choices=[("first_contact", _("we made a first contact")), *Referral.Participation.choices],
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    reason = forms.CharField(
        label=_("Reason (when the person did not come or stopped)"),
        help_text=_("Do not write personal details."),
        required=False,
        max_length=300,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())

    def clean_on(self):
        value = self.cleaned_data["on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("This date lies in the future."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("kind") == Referral.Participation.STOPPED and not data.get("reason"):
            self.add_error("reason", _("Tell us the reason."))
        return data
