"""Forms of the partner network. Errors are in Dutch through the catalogue."""

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.lib import make_slug
from coalition.models import Area, TargetGroup
from network.models import (
    Action,
    Article,
    Goal,
    Meeting,
    Membership,
    Organisation,
    Participation,
    Person,
    Registration,
    Training,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def dutch_empty_choice(form) -> None:
    """An empty choice that says what it means: "– kies –" when a choice is required, "– geen –"
    when it may stay empty (Django's own "- Select an option -" reads "– kies –" everywhere,
    through our catalogue)."""
    for field in form.fields.values():
        label = _("– choose –") if field.required else _("– none –")
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = label
        elif isinstance(field, forms.ChoiceField) and field.choices and field.choices[0][0] == "":
            field.choices = [("", label), *field.choices[1:]]


def not_in_future(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("This date lies in the future."))
    return day


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class MeetingSearchForm(ListFilterForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("All")), ("coming", _("Coming")), ("past", _("Past"))],
    )


class TrainingSearchForm(ListFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Training.Kind.choices]
    )


class MemberSearchForm(ListFilterForm):
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Organisation.Sector.choices],
    )


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["signed_on", "signed_by", "contribution", "target_groups", "districts"]
        widgets = {
            "signed_on": DATE,
            "target_groups": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "contribution": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["target_groups"].queryset = TargetGroup.objects.active()
        self.fields["districts"].queryset = Area.objects.filter(kind=Area.Kind.DISTRICT)

    def clean_signed_on(self):
        return not_in_future(self.cleaned_data["signed_on"])


class PersonSearchForm(ListFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Everyone")),
            ("contact", _("Contact persons")),
            ("ambassador", _("Ambassadors")),
        ],
    )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "role",
            "email",
            "phone",
            "organisation",
            "is_contact",
            "is_ambassador",
            "target_group",
            "district",
            "consent_to_list",
            "consent_on",
        ]
        widgets = {"consent_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["organisation"].queryset = Organisation.objects.active()
        self.fields["target_group"].queryset = TargetGroup.objects.active()
        self.fields["district"].queryset = Area.objects.filter(kind=Area.Kind.DISTRICT)


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]


class AgendaFilterForm(ListFilterForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Action.Status.choices]
    )
    goal = forms.ModelChoiceField(
        label=_("Long-term goal"), required=False, queryset=Goal.objects.all(), empty_label=_("All")
    )


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "goal",
            "year",
            "title",
            "description",
            "target_groups",
            "lead_organisation",
            "participants",
            "starts_on",
            "ends_on",
            "status",
            "target_label",
            "target_value",
            "current_value",
            "indicator_target",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "target_groups": forms.CheckboxSelectMultiple,
            "participants": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        choices = {
            "target_groups": TargetGroup.objects.active(),
            "lead_organisation": Organisation.objects.active(),
            "participants": Organisation.objects.active(),
        }
        for name, queryset in choices.items():
            if name in self.fields:
                self.fields[name].queryset = queryset
        if "current_value" in self.fields:
            self.fields["current_value"].required = False

    def clean_current_value(self):
        return self.cleaned_data["current_value"] or 0

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year such as 2026."))
        return year


class FollowUpActionForm(ActionForm):
    class Meta(ActionForm.Meta):
        fields = ["goal", "year", "title", "description", "lead_organisation", "participants"]


class ProgressNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Progress"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "theme",
            "agenda",
            "is_public",
            "invited",
            "minutes",
            "documents",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 4}),
            "documents": forms.Textarea(attrs={"rows": 2}),
            "invited": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["invited"].queryset = Organisation.objects.active().filter(
            membership__isnull=False
        )

    def clean_documents(self):
        validate = URLValidator(schemes=["https", "http"])
        lines = [line.strip() for line in self.cleaned_data["documents"].splitlines()]
        for line in filter(None, lines):
            try:
                validate(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(value)s” is not a web address. Start it with https://."),
                    params={"value": line},
                ) from None
        return "\n".join(filter(None, lines))


class RegistrationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, meeting, user, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.meeting, self.user = meeting, user
        self.fields["organisation"].queryset = organisations

    def clean(self):
        if Registration.objects.filter(meeting=self.meeting, user=self.user).exists():
            raise forms.ValidationError(_("You are already registered for this meeting."))
        return super().clean()


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Present"),
        required=False,
        queryset=Registration.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["present"].queryset = meeting.registrations.select_related("organisation")
        self.fields["present"].label_from_instance = lambda r: f"{r.name} ({r.organisation})"


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["title", "kind", "held_on", "place", "trainer_person", "trainer_organisation"]
        widgets = {"held_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["trainer_person"].queryset = Person.objects.filter(anonymised_at=None)
        self.fields["trainer_organisation"].queryset = Organisation.objects.active()


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["person", "organisation", "completed"]

    def __init__(self, *args, training, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.instance.training = training
        self.fields["person"].queryset = Person.objects.filter(anonymised_at=None)
        self.fields["organisation"].queryset = Organisation.objects.active()

    def clean_person(self):
        person = self.cleaned_data["person"]
        if self.instance.training.participations.filter(person=person).exists():
            raise forms.ValidationError(_("This person already takes part in this training."))
        return person


IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"RIFF": "image/webp",
}
MAX_IMAGE_BYTES = 2 * 1024 * 1024


def image_type(data: bytes) -> str | None:
    for magic, content_type in IMAGE_TYPES.items():
        if data.startswith(magic) and (magic != b"RIFF" or data[8:12] == b"WEBP"):
            return content_type
    return None


class ArticleForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_("Optional: a JPEG, PNG or WebP picture of at most 2 MB."),
    )
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    class Meta:
        model = Article
        fields = [
            "kind",
            "title",
            "slug",
            "summary",
            "body",
            "image_alt",
            "published_on",
            "is_published",
        ]
        widgets = {"published_on": DATE, "body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"slug": _("Leave it empty to make it from the title.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_empty_choice(self)
        self.fields["slug"].required = False

    def clean_slug(self):
        title = self.cleaned_data.get("title", "")
        return self.cleaned_data["slug"] or make_slug(
            title, max_length=self.fields["slug"].max_length
        )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("The image is too large: at most 2 MB."))
        data = upload.read()
        content_type = image_type(data)
        if content_type is None:
            raise forms.ValidationError(_("Upload a JPEG, PNG or WebP picture."))
        return data, content_type

    def clean(self):
        cleaned = super().clean()
        has_image = bool(cleaned.get("upload")) or (
            self.instance.image and not cleaned.get("remove_image")
        )
        if has_image and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return cleaned
