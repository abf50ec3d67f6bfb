"""Indicators of the GGD Gezondheidsmonitor and the measured values per area and target group."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coalition.models import Area, TargetGroup

DEFAULT_INSTRUMENT = "DJG-11"
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


# Indicators that are context for the quickscan, not loneliness: kept out of the trend pages.
CONTEXT_INDICATORS = ("mantelzorger",)


class IndicatorQuerySet(models.QuerySet):
    def loneliness(self):
        """The loneliness indicators (the dashboard, trends and report), not the context."""
        return self.exclude(code__in=CONTEXT_INDICATORS)


class Indicator(models.Model):
    """What is measured, e.g. ``eenzaam``: a score of 3 or more on the De Jong Gierveld scale."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    instrument = models.CharField(_("instrument"), max_length=20, default=DEFAULT_INSTRUMENT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class MeasurementQuerySet(models.QuerySet):
    def in_series_order(self):
        # Ids break ties of equal ``order`` values, so each series' rows stay together.
        return self.order_by(
            "area__code",
            "target_group__order",
            "target_group_id",
            "age_band",
            "indicator__order",
            "indicator_id",
            "instrument",
            "year",
        )


class Measurement(models.Model):
    """One published figure: the share (%) of a target group in an area in one survey wave."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    target_group = models.ForeignKey(
        TargetGroup, verbose_name=_("target group"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )
    age_band = models.CharField(_("age band"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value (%)"), validators=PERCENT)
    ci_low = models.FloatField(_("95% interval, lower bound"), null=True, blank=True)
    ci_high = models.FloatField(_("95% interval, upper bound"), null=True, blank=True)
    sample_size = models.PositiveIntegerField(_("sample size"), null=True, blank=True)
    instrument = models.CharField(_("instrument"), max_length=20, default=DEFAULT_INSTRUMENT)
    source = models.CharField(_("source"), max_length=255, blank=True)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["area", "target_group", "age_band", "indicator", "instrument", "year"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "target_group", "age_band", "area", "year", "instrument"],
                name="one_measurement_per_key",
            )
        ]
        indexes = [
            models.Index(fields=["area", "target_group", "indicator"], name="measurement_series"),
            models.Index(fields=["year"], name="measurement_year"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.target_group} {self.age_band} {self.area.code} {self.year}"

    @property
    def has_interval(self) -> bool:
        return self.ci_low is not None and self.ci_high is not None


class AreaProfileQuerySet(models.QuerySet):
    def latest_per_area(self, areas) -> dict[int, "AreaProfile"]:
        """The most recent profile of each area, in one query."""
        latest = {}
        for profile in self.filter(area__in=areas).order_by("area_id", "year"):
            latest[profile.area_id] = profile
        return latest


class AreaProfile(models.Model):
    """CBS Kerncijfers wijken en buurten of one area in one year: context for the figures."""

    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    aged_0_14 = models.PositiveIntegerField(_("inhabitants aged 0 to 14"), null=True, blank=True)
    aged_15_24 = models.PositiveIntegerField(_("inhabitants aged 15 to 24"), null=True, blank=True)
    aged_65_plus = models.PositiveIntegerField(
        _("inhabitants aged 65 or over"), null=True, blank=True
    )
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    one_person_households = models.PositiveIntegerField(
        _("one-person households"), null=True, blank=True
    )
    income_per_inhabitant = models.FloatField(
        _("average income per inhabitant (× 1,000 euro)"), null=True, blank=True
    )
    low_income_share = models.FloatField(
        _("households with a low income (%)"), null=True, blank=True, validators=PERCENT
    )
    source = models.CharField(_("source"), max_length=255, blank=True)

    objects = AreaProfileQuerySet.as_manager()

    class Meta:
        ordering = ["area", "year"]
        verbose_name = _("area profile")
        verbose_name_plural = _("area profiles")
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="one_profile_per_area_year")
        ]

    def __str__(self):
        return f"{self.area.code} {self.year}"

    @staticmethod
    def _share(part, whole) -> float | None:
        if part is None or not whole:
            return None
        return 100 * part / whole

    @property
    def share_65_plus(self) -> float | None:
        return self._share(self.aged_65_plus, self.inhabitants)

    @property
    def share_one_person(self) -> float | None:
        return self._share(self.one_person_households, self.households)


class DistrictBoundary(models.Model):
    """The outline of a district for the quickscan map: a GeoJSON geometry (Polygon or
    MultiPolygon, WGS84) kept as JSON text; no GIS database is needed."""

    area = models.OneToOneField(
        Area, verbose_name=_("district"), on_delete=models.CASCADE, related_name="+"
    )
    geometry = models.TextField(_("outline (GeoJSON geometry)"))
    source = models.CharField(_("source"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        ordering = ["area"]
        verbose_name = _("district boundary")
        verbose_name_plural = _("district boundaries")

    def __str__(self):
        return self.area.code


class ReportConclusion(models.Model):
    """What a coordinator concludes and recommends in one section of the annual report."""

    class Section(models.TextChoices):
        AGENDA = "agenda", _("Action agenda")
        AWARENESS = "awareness", _("Awareness")
        SIGNALS = "signals", _("From signal to support")
        TREND = "trend", _("Trend break")
        GAPS = "gaps", _("Gaps in the districts")

    year = models.PositiveSmallIntegerField(_("year"))
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    text = models.TextField(
        _("conclusions and recommendations"),
        blank=True,
        help_text=_(
            "Blank lines between paragraphs; a line starting with “- ” is a list item; **bold**."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        ordering = ["year", "section"]
        constraints = [
            models.UniqueConstraint(fields=["year", "section"], name="one_conclusion_per_section")
        ]
        verbose_name = _("conclusion of the annual report")
        verbose_name_plural = _("conclusions of the annual report")

    def __str__(self):
        return f"{self.year} {self.get_section_display()}"
