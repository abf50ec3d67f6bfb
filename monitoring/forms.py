import base64
import binascii
import zlib

from django import forms
from django.core.validators import FileExtensionValidator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from monitoring.importing import FIRST_YEAR, LAST_YEAR
from monitoring.models import ReportConclusion

# The preview page carries the file back to the confirm step (compressed, see ``pack``); a
# command reads up to monitoring.importing.MAX_FILE_BYTES.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ChartChoiceForm(forms.Form):
    """What the dashboard shows: the indicator and, on a detail page, age band and baseline.

    Read from the query string, so every choice is a plain link or GET form (works without JS).
    """

    error_summary = False  # a wrong value falls back to the default: nothing to correct
    indicator = forms.ChoiceField(label=_("Indicator"), required=False)
    age_band = forms.CharField(label=_("Age band"), max_length=20, required=False)
    baseline = forms.TypedMultipleChoiceField(
        label=_("Earlier waves that form the trend"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data, *, indicators, years=()):
        super().__init__(data)
        self.indicators = {indicator.code: indicator for indicator in indicators}
        self.fields["indicator"].choices = [(code, code) for code in self.indicators]
        self.fields["baseline"].choices = [(year, year) for year in years]

    def chosen(self, name):
        """The valid value of one field, even when another field is not valid."""
        self.is_valid()
        return self.cleaned_data.get(name)

    def chosen_indicator(self):
        """The chosen indicator, else the first ("eenzaam"); 404 when there are none at all."""
        code = self.chosen("indicator")
        indicator = self.indicators.get(code) or next(iter(self.indicators.values()), None)
        if indicator is None:
            raise Http404("No indicators.")
        return indicator


FILE_FORMATS = [
    ("ggd", _("GGD figures in the long format (one line per figure)")),
    ("rivm", _("RIVM export “Gezondheid per wijk en buurt” (StatLine 50150NED)")),
    ("kwb", _("CBS “Kerncijfers wijken en buurten” (inhabitants, households, income per area)")),
]


class UploadForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("Kind of file"), choices=FILE_FORMATS, initial="ggd", widget=forms.RadioSelect
    )
    year = forms.IntegerField(
        label=_("Year of the key figures"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        help_text=_("Only for the CBS key figures: the year of the table, e.g. 2024."),
    )
    file = forms.FileField(
        label=_("CSV file with figures"),
        help_text=_(
            "A CSV file of at most 2 MB (UTF-8 or Windows-1252, separated by semicolons, commas "
            "or tabs). For the long format the header is exactly: area_code,target_group,"
            "age_band,indicator,year,value,ci_low,ci_high,sample_size,instrument,source"
        ),
        validators=[FileExtensionValidator(["csv", "txt"])],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Split it into smaller files.")
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file_format") == "kwb" and not cleaned.get("year"):
            self.add_error("year", _("Fill in the year of the key figures."))
        return cleaned


def pack(content: bytes) -> str:
    """The file as it travels in the confirm form: compressed, so that a file near the upload
    limit stays far below Django's limit on form data (DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    return base64.b64encode(zlib.compress(content)).decode("ascii")


def unpack(packed: str) -> bytes:
    """The file back; a value that is not what ``pack`` made raises ValidationError."""
    try:
        decompressor = zlib.decompressobj()
        content = decompressor.decompress(
            base64.b64decode(packed, validate=True), MAX_UPLOAD_BYTES + 1
        )
    except (binascii.Error, ValueError, zlib.error):
        raise forms.ValidationError("not a packed file") from None
    if len(content) > MAX_UPLOAD_BYTES or not decompressor.eof:
        raise forms.ValidationError("not a packed file")
    return content


class ConfirmImportForm(forms.Form):
    """The checked file again, carried in the page, so the confirmation stores what was shown."""

    content = forms.CharField(widget=forms.HiddenInput, strip=False)
    file_format = forms.ChoiceField(choices=FILE_FORMATS, widget=forms.HiddenInput)
    year = forms.IntegerField(
        min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False, widget=forms.HiddenInput
    )

    def clean_content(self):
        return unpack(self.cleaned_data["content"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file_format") == "kwb" and not cleaned.get("year"):
            raise forms.ValidationError("no year")
        return cleaned


class YearForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def year(self, default: int) -> int:
        return (self.cleaned_data.get("jaar") if self.is_valid() else None) or default


class MapChoiceForm(forms.Form):
    """What the quickscan map colours: a measure for one target group (GET, works without JS)."""

    kaart = forms.ChoiceField(label=_("The map shows"), required=False)
    doelgroep = forms.ChoiceField(label=_("Target group"), required=False)

    def __init__(self, data, *, measures, groups):
        super().__init__(data)
        self.fields["kaart"].choices = list(measures.items())
        self.fields["doelgroep"].choices = [(g.slug, g.name) for g in groups]
        self.groups = {g.slug: g for g in groups}
        self.measures = measures

    def measure(self) -> str:
        chosen = self.cleaned_data.get("kaart") if self.is_valid() else None
        return chosen or next(iter(self.measures))

    def group(self):
        chosen = self.cleaned_data.get("doelgroep") if self.is_valid() else None
        return self.groups.get(chosen) or next(iter(self.groups.values()), None)


class BoundaryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file with district boundaries"),
        help_text=_(
            "The CBS/PDOK “wijken” map as GeoJSON (WGS84), at most 2 MB. Each district has its "
            "code in wijkcode or statcode, e.g. WK191601."
        ),
        validators=[FileExtensionValidator(["geojson", "json"])],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Export the districts of your municipality only.")
            )
        return upload


class ConfirmBoundariesForm(forms.Form):
    content = forms.CharField(widget=forms.HiddenInput, strip=False)

    def clean_content(self):
        return unpack(self.cleaned_data["content"])


class ConclusionForm(forms.Form):
    """The conclusions and recommendations of one section of the annual report."""

    jaar = forms.IntegerField(min_value=2000, max_value=2100, widget=forms.HiddenInput)
    section = forms.ChoiceField(choices=ReportConclusion.Section.choices, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Conclusions and recommendations"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
        help_text=ReportConclusion._meta.get_field("text").help_text,
    )
