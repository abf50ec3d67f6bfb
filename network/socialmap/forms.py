import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.lib import make_slug
from coalition.models import Area, TargetGroup
from network.models import Activity, ActivityType, MistakeReport, Organisation
from network.models.activities import LANGUAGES
from network.socialmap import catalogue
from network.socialmap.schedule import WEEKDAY_CODES
from network.socialmap.services import EDITABLE_FIELDS

POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")
NL_LATITUDE = (50.7, 53.6)
NL_LONGITUDE = (3.3, 7.3)

# A typed number with decimals: text, so that "2,50" may be typed; a phone shows digits.
DECIMAL = forms.TextInput(attrs={"inputmode": "decimal"})

WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


def parse_dutch_date(text: str) -> date:
    """``31-12-2026`` or ``2026-12-31``."""
    text = text.strip()
    match = re.match(r"^(\d{1,2})-(\d{1,2})-(\d{4})$", text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a date. Write it as 31-12-2026."), params={"value": text}
        ) from None


def normalise_postcode(value: str) -> str:
    if not value:
        return ""
    match = POSTCODE.match(value)
    if not match:
        raise ValidationError(_("Enter a postcode like 2271 AB."))
    return f"{match.group(1)} {match.group(2).upper()}"


class ActivityForm(forms.ModelForm):
    weekdays = forms.MultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    dates = forms.CharField(
        label=_("Dates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only for separate dates: one date per line, like 31-12-2026."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = EDITABLE_FIELDS
        widgets = {
            "activity_types": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "latitude": DECIMAL,
            "longitude": DECIMAL,
            "price": DECIMAL,
        }
        # In the site's language a decimal comma ("2,50"); a decimal point is read as well.
        localized_fields = ["latitude", "longitude", "price"]
        help_texts = {
            "summary": _("One or two sentences that appear in the search results."),
            "interval": _("1 is every week (or month), 2 is every other week, and so on."),
            "latitude": _("For the map, e.g. 52.0830."),
            "longitude": _("For the map, e.g. 4.3930."),
            "valid_from": _("Needed when it is not every week or month."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active().editable_by(user)
        self.fields["activity_types"].queryset = ActivityType.objects.filter(is_active=True)
        self.fields["target_groups"].queryset = TargetGroup.objects.active()
        self.fields["district"].queryset = Area.objects.filter(kind=Area.Kind.DISTRICT)
        if self.instance.pk and not kwargs.get("initial"):
            self.initial.update(
                self.initial_from(
                    {
                        "weekdays": self.instance.weekdays,
                        "dates": self.instance.dates,
                        "languages": self.instance.languages,
                    }
                )
            )

    @staticmethod
    def initial_from(values: dict) -> dict:
        """Form initial data from stored values (a change waiting for review)."""
        initial = dict(values)
        initial["weekdays"] = [c for c in (values.get("weekdays") or "").split(",") if c]
        initial["dates"] = "\n".join(
            date.fromisoformat(d).strftime("%d-%m-%Y") for d in values.get("dates") or ()
        )
        return initial

    def clean_weekdays(self):
        chosen = self.cleaned_data["weekdays"]
        return ",".join(code for code in WEEKDAY_CODES if code in chosen)

    def clean_dates(self):
        lines = [line for line in self.cleaned_data["dates"].splitlines() if line.strip()]
        # ISO text, as the activity stores them (a JSON list).
        return sorted({parse_dutch_date(line).isoformat() for line in lines})

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_latitude(self):
        value = self.cleaned_data["latitude"]
        if value is not None and not NL_LATITUDE[0] <= value <= NL_LATITUDE[1]:
            raise ValidationError(_("This place is not in the Netherlands."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data["longitude"]
        if value is not None and not NL_LONGITUDE[0] <= value <= NL_LONGITUDE[1]:
            raise ValidationError(_("This place is not in the Netherlands."))
        return value

    def clean(self):
        data = super().clean()
        self._check_schedule(data)
        if data.get("min_age") and data.get("max_age") and data["min_age"] > data["max_age"]:
            self.add_error("max_age", _("The maximum age is lower than the minimum age."))
        if not data.get("is_free") and data.get("price") is None and not data.get("cost_notes"):
            self.add_error("price", _("Enter the price, or tick that it is free."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Enter both latitude and longitude, or neither."))
        if data.get("is_online") and not data.get("online_url") and not data.get("street"):
            self.add_error("online_url", _("Enter the link for taking part online."))
        if not data.get("is_online") and not (data.get("street") or data.get("venue_name")):
            self.add_error("street", _("Enter where it takes place, or tick online."))
        return data

    def _check_schedule(self, data):
        kind = data.get("schedule_kind")
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        frm, until = data.get("valid_from"), data.get("valid_until")
        if frm and until and until < frm:
            self.add_error("valid_until", _("This date is before the start date."))
        if kind in (Activity.ScheduleKind.WEEKLY, Activity.ScheduleKind.MONTHLY):
            if not data.get("weekdays"):
                self.add_error("weekdays", _("Choose at least one weekday."))
            if not start:
                self.add_error("start_time", _("Enter the start time."))
            if (data.get("interval") or 1) > 1 and not frm:
                self.add_error("valid_from", _("Enter the first date, to count from."))
        if kind == Activity.ScheduleKind.MONTHLY and data.get("month_week") is None:
            self.add_error("month_week", _("Choose which week of the month."))
        if kind == Activity.ScheduleKind.DATES:
            if not data.get("dates"):
                self.add_error("dates", _("Enter at least one date."))
            # The weekdays of the dates, so the search's day filter finds these activities too.
            days = {date.fromisoformat(day).weekday() for day in data.get("dates") or ()}
            data["weekdays"] = ",".join(WEEKDAY_CODES[day] for day in sorted(days))


def search_vocabularies() -> dict[str, dict]:
    """The search filters' choices, {vocabulary: {slug or code: object}}, in display order."""
    districts = Area.objects.filter(kind=Area.Kind.DISTRICT)
    return {
        "target_groups": {group.slug: group for group in TargetGroup.objects.active()},
        "activity_types": {t.slug: t for t in ActivityType.objects.filter(is_active=True)},
        "districts": {area.code: area for area in districts},
    }


class VocabularyField(forms.ChoiceField):
    """A choice from one of the catalogue's vocabularies; cleans to the chosen object.

    The vocabularies are read once per catalogue version (``network.catalogue``), so the search
    form costs no queries of its own.
    """

    def __init__(self, vocabulary: str, *, empty, **kwargs):
        super().__init__(required=False, **kwargs)
        self.vocabulary, self.empty = vocabulary, empty
        self.objects: dict = {}

    def use(self, objects: dict) -> None:
        self.objects = objects
        self.choices = [("", self.empty), *((key, str(obj)) for key, obj in objects.items())]

    def clean(self, value):
        if value in self.empty_values:
            return None
        if value not in self.objects:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return self.objects[value]


class ActivitySearchForm(forms.Form):
    SORTS = [("relevance", _("best match")), ("name", _("name")), ("date", _("next date"))]
    PARTS = [("morning", _("morning")), ("afternoon", _("afternoon")), ("evening", _("evening"))]
    FILTERS = ["doelgroep", "soort", "wijk", "dag", "dagdeel", "gratis", "toegankelijk", "online"]

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    doelgroep = VocabularyField("target_groups", label=_("For whom"), empty=_("everyone"))
    soort = VocabularyField("activity_types", label=_("Kind of activity"), empty=_("all kinds"))
    wijk = VocabularyField("districts", label=_("District"), empty=_("all districts"))
    dag = forms.ChoiceField(label=_("Day"), choices=[("", _("any day")), *WEEKDAYS], required=False)
    dagdeel = forms.ChoiceField(
        label=_("Part of the day"), choices=[("", _("any time")), *PARTS], required=False
    )
    gratis = forms.BooleanField(label=_("Free only"), required=False)
    toegankelijk = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    sorteer = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    dichtbij = VocabularyField(
        "districts", label=_("Closest to district"), empty=_("no preference")
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vocabularies = catalogue.cached(("vocabularies",), search_vocabularies)
        for field in self.fields.values():
            if isinstance(field, VocabularyField):
                field.use(vocabularies[field.vocabulary])
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            elif isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"

    def clean_q(self):
        # Any input is fine: drop characters a database cannot store and keep it short.
        return self.cleaned_data["q"].replace("\x00", "")[:200]

    def active_filters(self) -> list[dict]:
        """The (valid) filters in use, as ``{"text": "Day: Tuesday", "drop": {"dag": None}}``:
        the page without results offers to search again without each one."""
        found = []
        for name in self.FILTERS:
            value = (getattr(self, "cleaned_data", None) or {}).get(name)
            if not value:
                continue
            field = self.fields[name]
            if isinstance(field, forms.BooleanField):
                text = str(field.label)
            else:
                shown = value if isinstance(field, VocabularyField) else dict(field.choices)[value]
                text = f"{field.label}: {shown}"
            found.append({"text": text, "drop": {name: None}})
        return found


class MistakeReportForm(forms.ModelForm):
    class Meta:
        model = MistakeReport
        fields = ["message", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


class ActivityTypeForm(forms.ModelForm):
    class Meta:
        model = ActivityType
        fields = ["name", "slug", "description", "order", "is_active"]
        help_texts = {"slug": _("Leave it empty to make it from the name.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self):
        name = self.cleaned_data.get("name", "")
        return self.cleaned_data["slug"] or make_slug(
            name, max_length=self.fields["slug"].max_length
        )


class StrictBooleanField(forms.Field):
    """``true``/``false`` (or ``1``/``0``) as the OpenAPI booleans of the HSDS parameters."""

    default_error_messages = {"invalid": _("Enter true or false.")}

    def to_python(self, value):
        text = (value or "").strip().lower()
        if text in ("", "false", "0"):
            return False
        if text in ("true", "1"):
            return True
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class HsdsQueryForm(forms.Form):
    """The query parameters of the HSDS API (``openapi.json``); each endpoint names its own,
    the others it ignores. Parameters combine as AND."""

    search = forms.CharField(required=False, strip=True)
    page = forms.IntegerField(required=False, min_value=1)
    per_page = forms.IntegerField(required=False, min_value=1)
    format = forms.ChoiceField(required=False, choices=[("json", "json"), ("ndjson", "ndjson")])
    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    organization_id = forms.UUIDField(required=False)
    parent_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)
    minimal = StrictBooleanField(required=False)
    full = StrictBooleanField(required=False)
    full_service = StrictBooleanField(required=False)
    top_only = StrictBooleanField(required=False)
    postcode = forms.CharField(required=False)
    proximity = forms.FloatField(required=False, min_value=0)

    def __init__(self, data, *, names: tuple[str, ...]):
        super().__init__(data)
        self.fields = {name: field for name, field in self.fields.items() if name in names}

    def clean_search(self):
        return self.cleaned_data["search"].replace("\x00", "")[:200]

    def clean_postcode(self):
        """``2271 AB`` (a postcode) or ``2271`` (a postcode area)."""
        value = self.cleaned_data["postcode"].strip()
        if re.fullmatch(r"\d{4}", value):
            return value
        return normalise_postcode(value)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("proximity") is not None and not cleaned.get("postcode"):
            self.add_error("proximity", _("Give a postcode to measure the proximity from."))
        return cleaned

    def error_text(self) -> str:
        """All errors on one line, each after its parameter's name."""
        return " ".join(f"{name}: {' '.join(messages)}" for name, messages in self.errors.items())
