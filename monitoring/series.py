"""Measurements grouped into series and judged with ``monitoring.trend``.

A series is one area, target group, age band, indicator and instrument: only figures
measured the same way are compared over time.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Q
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from coalition.models import Area, TargetGroup
from monitoring import trend
from monitoring.models import CONTEXT_INDICATORS, DEFAULT_INSTRUMENT, Indicator, Measurement

REFERENCE_KINDS = [Area.Kind.REGION, Area.Kind.COUNTRY]
VERDICT_LABELS = {
    trend.NOT_ASSESSABLE: _("Cannot be judged"),
    trend.TREND_BROKEN: _("Trend break shown"),
    trend.FLATTENED: _("Rise flattened, not significant"),
    trend.NO_TREND_BREAK: _("No trend break"),
}
# Shown next to the words (never colour alone); hidden from screen readers.
VERDICT_ICONS = {
    trend.NOT_ASSESSABLE: "?",
    trend.TREND_BROKEN: "✓",
    trend.FLATTENED: "≈",
    trend.NO_TREND_BREAK: "✗",
}
REASON_LABELS = {
    trend.TOO_FEW_BASELINE_WAVES: _("fewer than two earlier measurements"),
    trend.NO_GOAL_WAVE: _("no measurement in the goal year yet"),
    trend.NO_STANDARD_ERROR: _("a measurement has no interval and no sample size"),
}


@dataclass(frozen=True, slots=True)
class Figure:
    """One measurement as read for the dashboard: a light, read-only copy of a Measurement.

    Building 40,000 model instances with their related objects cost seconds; these rows
    share one Area, TargetGroup and Indicator object per id."""

    area: Area
    target_group: TargetGroup
    indicator: Indicator
    age_band: str
    year: int
    value: float
    ci_low: float | None
    ci_high: float | None
    sample_size: int | None
    instrument: str
    source: str

    @property
    def area_id(self) -> int:
        return self.area.id

    @property
    def target_group_id(self) -> int:
        return self.target_group.id

    @property
    def indicator_id(self) -> int:
        return self.indicator.id

    @property
    def has_interval(self) -> bool:
        return self.ci_low is not None and self.ci_high is not None


FIGURE_FIELDS = [
    "area_id",
    "area__code",
    "area__name",
    "area__kind",
    "target_group_id",
    "target_group__slug",
    "target_group__name",
    "target_group__order",
    "indicator_id",
    "indicator__code",
    "indicator__name",
    "indicator__description",
    "indicator__order",
    "age_band",
    "year",
    "value",
    "ci_low",
    "ci_high",
    "sample_size",
    "instrument",
    "source",
]


def figures_from(queryset) -> list[Figure]:
    """The queryset's rows as Figures, in one query."""
    areas, groups, indicators = {}, {}, {}
    figures = []
    for row in queryset.values_list(*FIGURE_FIELDS):
        (area_id, area_code, area_name, area_kind, group_id, group_slug, group_name,
         group_order, indicator_id, indicator_code, indicator_name, indicator_description,
         indicator_order, *values) = row  # fmt: skip
        area = areas.get(area_id)
        if area is None:
            area = areas[area_id] = Area(id=area_id, code=area_code, name=area_name, kind=area_kind)
        group = groups.get(group_id)
        if group is None:
            group = groups[group_id] = TargetGroup(
                id=group_id, slug=group_slug, name=group_name, order=group_order
            )
        indicator = indicators.get(indicator_id)
        if indicator is None:
            indicator = indicators[indicator_id] = Indicator(
                id=indicator_id,
                code=indicator_code,
                name=indicator_name,
                description=indicator_description,
                order=indicator_order,
            )
        figures.append(Figure(area, group, indicator, *values))
    return figures


@dataclass
class Series:
    measurements: list[Figure] = field(default_factory=list)

    @property
    def first(self) -> Figure:
        return self.measurements[0]

    @property
    def key(self) -> tuple:
        m = self.first
        return (m.area.code, m.target_group.slug, m.age_band, m.indicator.code, m.instrument)

    @property
    def latest(self) -> Figure:
        return self.measurements[-1]

    @property
    def previous(self) -> Figure | None:
        return self.measurements[-2] if len(self.measurements) > 1 else None

    @property
    def change(self) -> float | None:
        """Percentage points since the previous wave."""
        return self.latest.value - self.previous.value if self.previous else None

    @property
    def change_display(self) -> str:
        """The change since the previous wave with its sign: "+0,8", "-5,5"."""
        if self.change is None:
            return ""
        return ("+" if round(self.change, 1) > 0 else "") + floatformat(self.change, 1)

    def year(self, year: int) -> Figure | None:
        return next((m for m in self.measurements if m.year == year), None)

    def waves(self) -> list[trend.Wave]:
        return [
            trend.Wave(m.year, m.value, m.ci_low, m.ci_high, m.sample_size)
            for m in self.measurements
        ]

    def evaluate(
        self,
        *,
        goal_year: int = trend.DEFAULT_GOAL_YEAR,
        baseline_years: list[int] | None = None,
        deff: float = trend.DEFAULT_DEFF,
    ) -> trend.Evaluation:
        return trend.evaluate(
            self.waves(), goal_year=goal_year, baseline_years=baseline_years, deff=deff
        )


def group_series(measurements) -> list[Series]:
    """Measurements in series order (``in_series_order``) → one Series per key."""
    keyed = groupby(
        measurements,
        key=lambda m: (m.area_id, m.target_group_id, m.age_band, m.indicator_id, m.instrument),
    )
    return [Series(list(rows)) for _key, rows in keyed]


def load_series(
    *,
    area_codes=None,
    indicator_code=None,
    target_group=None,
    with_references=False,
    up_to_year=None,
) -> list[Series]:
    """Every series matching the filters, in one query. ``with_references`` adds the series
    of GGD regions and the Netherlands to those of ``area_codes``."""
    rows = Measurement.objects.in_series_order()
    if area_codes is not None:
        areas = Q(area__code__in=area_codes)
        if with_references:
            areas |= Q(area__kind__in=REFERENCE_KINDS)
        rows = rows.filter(areas)
    if indicator_code is not None:
        rows = rows.filter(indicator__code=indicator_code)
    else:
        rows = rows.exclude(indicator__code__in=CONTEXT_INDICATORS)
    if target_group is not None:
        rows = rows.filter(target_group=target_group)
    if up_to_year is not None:
        rows = rows.filter(year__lte=up_to_year)
    return group_series(figures_from(rows))


VERDICT_KEYS = [
    "area_code",
    "target_group",
    "age_band",
    "indicator",
    "instrument",
    "goal_year",
    "projected",
    "observed",
    "difference",
    "difference_ci_low",
    "difference_ci_high",
    "verdict",
]


def verdict_row(series: Series, result: trend.Evaluation) -> dict:
    """The fixed JSON shape of ``trend_report --json`` and the verdicts export."""
    area, group, age_band, indicator, instrument = series.key

    def rounded(number):
        return None if number is None else round(number, 3)

    return {
        "area_code": area,
        "target_group": group,
        "age_band": age_band,
        "indicator": indicator,
        "instrument": instrument,
        "goal_year": result.goal_year,
        "projected": rounded(result.projected),
        "observed": rounded(result.observed),
        "difference": rounded(result.difference),
        "difference_ci_low": rounded(result.difference_ci_low),
        "difference_ci_high": rounded(result.difference_ci_high),
        "verdict": result.verdict,
    }


def main_series(candidates: list[Series], *, instrument: str = DEFAULT_INSTRUMENT) -> Series | None:
    """The series to show for a target group: the standard instrument first, then the one
    with the most waves, then the most recent."""
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda s: (s.first.instrument == instrument, len(s.measurements), s.latest.year),
    )


def by_target_group(series: list[Series]) -> dict[int, list[Series]]:
    grouped: dict[int, list[Series]] = {}
    for one in series:
        grouped.setdefault(one.first.target_group_id, []).append(one)
    return grouped
