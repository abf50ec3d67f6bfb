from django import forms
from django.core.validators import FileExtensionValidator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

# The confirm step sends the file back as a form field: stay under Django's 2.5 MB limit.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ChartChoiceForm(forms.Form):
    """What the dashboard shows: the indicator and, on a detail page, age band and baseline.

    Read from the query string, so every choice is a plain link or GET form (works without JS).
    """

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
]


class UploadForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("Kind of file"), choices=FILE_FORMATS, initial="ggd", widget=forms.RadioSelect
    )
    file = forms.FileField(
        label=_("CSV file with figures"),
        help_text=_(
            "UTF-8, separated by commas or semicolons. For the long format the first line is "
            "exactly: area_code,target_group,age_band,indicator,year,value,ci_low,ci_high,"
            "sample_size,instrument,source"
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


class ConfirmImportForm(forms.Form):
    """The checked file again, carried in the page, so the confirmation stores what was shown."""

    content = forms.CharField(widget=forms.HiddenInput, strip=False)
    file_format = forms.ChoiceField(choices=FILE_FORMATS, widget=forms.HiddenInput)


class YearForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def year(self, default: int) -> int:
        return (self.cleaned_data.get("jaar") if self.is_valid() else None) or default
