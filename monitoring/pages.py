"""What the dashboard pages show, built from series: cards, the detail chart and tables."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from monitoring import comparison, figures, trend
from monitoring.series import (
    REASON_LABELS,
    VERDICT_ICONS,
    VERDICT_LABELS,
    Series,
    by_target_group,
    main_series,
)

CORONA_YEAR = 2020


@dataclass
class Verdict:
    result: trend.Evaluation

    @property
    def code(self):
        return self.result.verdict

    @property
    def label(self):
        return VERDICT_LABELS[self.code]

    @property
    def icon(self):
        return VERDICT_ICONS[self.code]

    @property
    def reason(self):
        return REASON_LABELS.get(self.result.reason, "")


@dataclass
class Card:
    target_group: object
    series: Series | None
    verdict: Verdict | None
    goal_year: int
    chart_id: str
    figure: dict | None
    references: list = field(default_factory=list)  # region and country, same wave

    @property
    def change_display(self) -> str:
        return self.series.change_display if self.series else ""

    @property
    def missing_goal_wave(self) -> bool:
        return self.series is None or self.series.year(self.goal_year) is None


def dashboard_cards(
    target_groups, series: list[Series], *, goal_year: int, references: list[Series] = ()
) -> list[Card]:
    """One card per target group; ``references`` (region, country) add their figure of the
    same wave as the card's latest."""
    grouped = by_target_group(series)
    cards = []
    for group in target_groups:
        chosen = main_series(grouped.get(group.id, []))
        cards.append(
            Card(
                target_group=group,
                series=chosen,
                verdict=Verdict(chosen.evaluate(goal_year=goal_year)) if chosen else None,
                goal_year=goal_year,
                chart_id=f"spark-{group.slug}",
                figure=figures.sparkline(chosen) if chosen else None,
                references=comparison.references_for(references, chosen.latest) if chosen else [],
            )
        )
    return cards


def detail(
    series: list[Series],
    *,
    municipality_code: str,
    indicator,
    age_band: str | None,
    baseline: list[int] | None,
    goal_year: int,
) -> dict:
    """The main series of the municipality, its verdict and figure, and the reference series."""
    own = [s for s in series if s.first.area.code == municipality_code]
    age_bands = sorted({s.first.age_band for s in own})
    if age_band in age_bands:
        own = [s for s in own if s.first.age_band == age_band]
    chosen = main_series(own)
    if chosen is None:
        return {"series": None, "age_bands": age_bands, "baseline_years": []}
    references = [
        s
        for s in series
        if s.first.area.code != municipality_code
        and s.first.age_band == chosen.first.age_band
        and s.first.instrument == chosen.first.instrument
    ]
    references.sort(key=lambda s: s.first.area.kind != "region")
    result = chosen.evaluate(goal_year=goal_year, baseline_years=baseline or None)
    # 2020 was a corona year: show what the verdict would be without it, as a check.
    without = [year for year in result.baseline_years if year != CORONA_YEAR]
    sensitivity = None
    if CORONA_YEAR in result.baseline_years and len(without) >= 2:
        sensitivity = Verdict(chosen.evaluate(goal_year=goal_year, baseline_years=without))
    axis_title = _("%(indicator)s (%% of %(age_band)s)") % {
        "indicator": indicator.name,
        "age_band": chosen.first.age_band,
    }
    return {
        "series": chosen,
        "age_band": chosen.first.age_band,
        "age_bands": age_bands,
        "baseline_years": [m.year for m in chosen.measurements if m.year < goal_year],
        "verdict": Verdict(result),
        "without_corona": sensitivity,
        "corona_year": CORONA_YEAR,
        "references": references,
        "figure": figures.trend_figure(chosen, result, references, axis_title=axis_title),
        "table": [m for s in [chosen, *references] for m in s.measurements],
    }


def annual_report(*, target_groups, indicators, series: list[Series], goal_year: int) -> dict:
    """Per target group the main series of every indicator, and the verdict on "eenzaam"."""
    by_group = by_target_group(series)
    groups = []
    for group in target_groups:
        own = by_group.get(group.id, [])
        per_indicator = [
            (indicator, main_series([s for s in own if s.first.indicator_id == indicator.id]))
            for indicator in indicators
        ]
        lonely = per_indicator[0][1] if per_indicator else None
        groups.append(
            {
                "target_group": group,
                "series": lonely,
                "verdict": Verdict(lonely.evaluate(goal_year=goal_year)) if lonely else None,
                "indicators": per_indicator,
            }
        )
    sources = sorted({m.source for s in series for m in s.measurements if m.source})
    return {"groups": groups, "sources": sources, "indicators": indicators, "goal_year": goal_year}
