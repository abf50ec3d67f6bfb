"""The annual report to the council (issue 15): one context for the page and its PDF.

Sections: the action agenda's results per goal, awareness, the signal loop, the GGD
trend-break verdicts and the quickscan's largest gaps; each with the conclusions a
coordinator wrote. The figures come from the modules that own them (``own_figures``,
``trend`` via the series, ``quickscan``); this module only picks and arranges them. A fixed
number of queries, whatever the number of rows.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coalition.models import TargetGroup
from monitoring import neighbourhoods, pages, quickscan, svg
from monitoring import own_figures as own
from monitoring.models import Indicator, ReportConclusion
from monitoring.neighbourhoods import shown_count
from monitoring.series import load_series
from network.models import Action, Article, Goal, Meeting, Training
from network.partnership import textformat
from signals.models import Referral

GAP_COUNT = 5
SIGNAL_FIGURES = ("per-group", "per-channel", "handling")
AWARENESS_FIGURES = ("network", "ambassadors", "partners")


@dataclass
class Section:
    key: str
    title: str
    conclusion: ReportConclusion | None

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"

    @property
    def author(self) -> str:
        user = self.conclusion.updated_by if self.conclusion else None
        if user is None:
            return _("unknown")
        return user.get_full_name() or user.username

    @property
    def conclusion_html(self):
        return textformat.render(self.conclusion.text) if self.conclusion else ""


def sections(year: int) -> dict[str, Section]:
    """The report's sections with their conclusions (one query)."""
    written = {
        c.section: c
        for c in ReportConclusion.objects.filter(year=year).select_related("updated_by")
        if c.text.strip()  # an emptied text counts as none written
    }
    return {
        key: Section(key=key, title=str(label), conclusion=written.get(key))
        for key, label in ReportConclusion.Section.choices
    }


def goals(year: int) -> list[dict]:
    """Each goal with its actions of the year: status, target and lead (two queries)."""
    actions = Action.objects.filter(year=year).select_related("lead_organisation", "goal")
    by_goal: dict[int, list] = {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append(action)
    result = []
    for goal in Goal.objects.all():
        chosen = by_goal.get(goal.pk, [])
        statuses = {label: 0 for _value, label in Action.Status.choices}
        for action in chosen:
            statuses[action.get_status_display()] += 1
        result.append({"goal": goal, "actions": chosen, "statuses": statuses})
    return result


def awareness(year: int) -> dict:
    """Articles, meetings and trainings of the year (three queries)."""
    articles = Article.objects.published().filter(published_on__year=year)
    kinds = dict(articles.values_list("kind").annotate(n=Count("pk")).order_by())
    meetings = Meeting.objects.filter(starts_at__year=year, starts_at__lt=timezone.now())
    trainings = Training.objects.filter(held_on__year=year).aggregate(
        held=Count("pk", distinct=True),
        completed=Count("participations", filter=Q(participations__completed=True)),
    )
    return {
        "articles": [(label, kinds.get(value, 0)) for value, label in Article.Kind.choices],
        "article_total": sum(kinds.values()),
        "meetings": meetings.count(),
        "trainings": trainings["held"],
        "trained": trainings["completed"],
    }


def referral_outcomes(year: int) -> dict:
    """Referrals made in the year and what the follow-up found (one query)."""
    answers = Referral.Answer.choices
    counts = Referral.objects.filter(created_at__year=year).aggregate(
        total=Count("pk"),
        followed=Count("pk", filter=Q(followed_up_at__isnull=False)),
        **{f"went_{value}": Count("pk", filter=Q(went=value)) for value, _l in answers},
        **{f"helps_{value}": Count("pk", filter=Q(helps=value)) for value, _l in answers},
    )
    rows = [
        [
            str(label),
            shown_count(counts[f"went_{value}"]) or "0",
            shown_count(counts[f"helps_{value}"]) or "0",
        ]
        for value, label in answers
    ]
    return {
        "total": counts["total"],
        "total_shown": shown_count(counts["total"]) or "0",
        "followed_shown": shown_count(counts["followed"]) or "0",
        "rows": rows,
    }


def with_chart(figure: own.OwnFigure, year: int) -> own.OwnFigure:
    figure.svg = svg.from_figure(
        figure.figure,
        title=f"{figure.title}, {year}",
        description=_("Chart; the table below has the same numbers."),
    )
    return figure


def trend_chart(item: dict, goal_year: int):
    """The measurements of a target group's main series and, dashed, its trend line."""
    series = item["series"]
    if series is None:
        return None
    years = sorted({m.year for m in series.measurements} | {goal_year})
    measured = {m.year: m.value for m in series.measurements}
    name = _("Measured")
    lines = {name: [measured.get(year) for year in years]}
    result = item["verdict"].result if item["verdict"] else None
    dashed = ()
    if result and result.line:
        (start, start_value), (end, end_value) = result.line
        slope = (end_value - start_value) / (end - start) if end != start else 0
        trend = _("Trend before %(year)s") % {"year": goal_year}
        lines[trend] = [
            start_value + slope * (year - start) if year >= start else None for year in years
        ]
        dashed = (trend,)
    return svg.line_chart(
        [str(year) for year in years],
        lines,
        title=_("Lonely residents: %(group)s") % {"group": item["target_group"].name},
        description=_("Share of lonely residents per measurement year; the table has the numbers."),
        axis_title=_("% lonely"),
        dashed=dashed,
    )


def annual_report(*, year: int, goal_year: int) -> dict:
    target_groups = list(TargetGroup.objects.active())
    context = pages.annual_report(
        target_groups=target_groups,
        indicators=list(Indicator.objects.loneliness()),
        series=load_series(area_codes=[settings.MUNICIPALITY_CODE], up_to_year=year),
        goal_year=goal_year,
    )
    for item in context["groups"]:
        item["chart"] = trend_chart(item, goal_year)
    figures = {f.key: f for f in own.own_figures(year=year)["figures"]}
    loop = referral_outcomes(year)
    scan = quickscan.quickscan(year=year)
    context |= {
        "year": year,
        "sections": sections(year),
        "goals": goals(year),
        "awareness": awareness(year),
        "awareness_figures": [with_chart(figures[k], year) for k in AWARENESS_FIGURES],
        "signal_figures": [with_chart(figures[k], year) for k in SIGNAL_FIGURES],
        "referrals": loop,
        "gaps": scan.gaps[:GAP_COUNT],
        "districts": neighbourhoods.district_rows(year=year),
        "estimates": [label for label, *_key in neighbourhoods.ESTIMATES],
        "count_sources": neighbourhoods.COALITION_COUNTS,
        "made_on": timezone.localdate(),
        "municipality_name": settings.MUNICIPALITY_NAME,
    }
    context["has_data"] = has_data(context)
    return context


def has_data(context: dict) -> bool:
    """Whether the year has anything to report: actions, awareness, signals or figures."""
    handling = next(f for f in context["signal_figures"] if f.key == "handling")
    signals_received = handling.rows[-1][1] != "0"
    return bool(
        any(item["actions"] for item in context["goals"])
        or context["awareness"]["article_total"]
        or context["awareness"]["meetings"]
        or context["awareness"]["trainings"]
        or signals_received
        or context["referrals"]["total"]
        or any(item["series"] for item in context["groups"])
    )
