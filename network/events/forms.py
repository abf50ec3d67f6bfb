"""Forms of public events and campaigns. Errors are in Dutch through the catalogue."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coalition.forms import DrawnOnce
from coalition.lib import make_slug
from coalition.models import Area, TargetGroup
from network.models import Article, Campaign, EventRegistration, Organisation, PublicEvent
from network.partnership.forms import DATE, DATETIME, dutch_empty_choice

MONTHS_AHEAD = 12


def coming_months(today: datetime.date) -> list[tuple[str, str]]:
    months, day = [], today.replace(day=1)
    for _i in range(MONTHS_AHEAD):
        months.append((day.strftime("%Y-%m"), date_format(day, "F Y")))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


class EventFilterForm(forms.Form):
    maand = forms.ChoiceField(label=_("Month"), required=False)
    wijk = forms.ModelChoiceField(
        label=_("District"),
        queryset=Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("all districts"),
    )
    doelgroep = forms.ModelChoiceField(
        label=_("For whom"),
        queryset=TargetGroup.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("everyone"),
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maand"].choices = [("", _("all months")), *coming_months(today)]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        if data["maand"]:
            year, month = (int(part) for part in data["maand"].split("-"))
            events = events.filter(starts_at__year=year, starts_at__month=month)
        if data["wijk"]:
            events = events.filter(district=data["wijk"])
        if data["doelgroep"]:
            events = events.filter(target_groups=data["doelgroep"])
        return events


class EventRegistrationForm(DrawnOnce, forms.ModelForm):
    template_name = "network/events/_registration_fields.html"
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = EventRegistration
        fields = [
            "name",
            "email",
            "phone",
            "people",
            "needs_transport",
            "needs_hearing_loop",
            "needs_wheelchair",
        ]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "phone": _("Your phone number"),
        }
        help_texts = {
            "email": _(
                "We send the confirmation here. Fill in an e-mail address or a phone number."
            ),
            "phone": _("No e-mail? Then the organiser calls you if something changes."),
            "people": _("Including yourself. At most 10."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "people": forms.NumberInput(attrs={"min": 1, "max": 10}),
        }

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and sum(c.isdigit() for c in phone) < 10:
            raise forms.ValidationError(_("A phone number has at least 10 digits."))
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.has_error("phone"):
            self.add_error("email", _("Fill in an e-mail address or a phone number."))
        return data

    def registration_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EventForm(forms.ModelForm):
    class Meta:
        model = PublicEvent
        fields = [
            "title",
            "summary",
            "description",
            "starts_at",
            "ends_at",
            "organisation",
            "target_groups",
            "campaign",
            "venue_name",
            "street",
            "city",
            "district",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "parking",
            "public_transport",
            "accessibility_notes",
            "is_free",
            "cost_notes",
            "capacity",
            "registration_open",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 5}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.active().order_by("name")
        if not user.has_perm("network.moderate_publicevent"):
            organisations = organisations.filter(users=user)
            self.fields["organisation"].required = True
            del self.fields["campaign"]
        else:
            self.fields["campaign"].queryset = Campaign.objects.order_by("-starts_on")
        self.fields["organisation"].queryset = organisations
        self.fields["target_groups"].queryset = TargetGroup.objects.active()
        self.fields["district"].queryset = Area.objects.filter(kind=Area.Kind.DISTRICT)
        dutch_empty_choice(self)


class RejectEventForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class EventAttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Who came?"),
        queryset=EventRegistration.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        confirmed = event.registrations.filter(status=EventRegistration.Status.CONFIRMED)
        self.fields["present"].queryset = confirmed
        self.fields["present"].label_from_instance = lambda r: f"{r.name or '—'} ({r.people})"


class EventMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "poster_text",
            "starts_on",
            "ends_on",
            "articles",
            "is_published",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "body": forms.Textarea(attrs={"rows": 8}),
            "articles": forms.CheckboxSelectMultiple,
        }
        help_texts = {"slug": _("Leave it empty to make it from the title.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["articles"].queryset = Article.objects.defer("image").order_by("title")
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("starts_on", timezone.localdate())

    def clean_slug(self):
        title = self.cleaned_data.get("title", "")
        return self.cleaned_data["slug"] or make_slug(
            title, max_length=self.fields["slug"].max_length
        )
