import json

from django.core.management.base import BaseCommand
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from monitoring import trend
from monitoring.series import REASON_LABELS, VERDICT_LABELS, load_series, verdict_row


def pct(number) -> str:
    return floatformat(number, 1)


def signed(number) -> str:
    return ("+" if number > 0 else "") + floatformat(number, 2)


class Command(BaseCommand):
    help = "The trend-break verdict per series: projection, difference with its interval, verdict."

    def add_arguments(self, parser):
        parser.add_argument("--area", help="Only this area (CBS code, e.g. GM1916).")
        parser.add_argument("--goal-year", type=int, default=trend.DEFAULT_GOAL_YEAR)
        parser.add_argument(
            "--baseline",
            type=int,
            nargs="+",
            help="Baseline waves to use, e.g. --baseline 2012 2016 (default: all before the goal).",
        )
        parser.add_argument("--deff", type=float, default=trend.DEFAULT_DEFF)
        parser.add_argument("--json", action="store_true", help="Print a JSON list.")

    def handle(self, *args, area, goal_year, baseline, deff, json: bool, **options):
        series = load_series(area_codes=[area] if area else None)
        results = [
            (one, one.evaluate(goal_year=goal_year, baseline_years=baseline, deff=deff))
            for one in series
        ]
        if json:
            self.stdout.write(dump([verdict_row(one, result) for one, result in results]))
            return
        if not results:
            self.stdout.write(
                _("No measurements yet. Import them with: manage.py import_indicators FILE.csv")
            )
        for one, result in results:
            self.stdout.write(" · ".join(one.key) + ": " + describe(result))


def dump(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)


def describe(result: trend.Evaluation) -> str:
    verdict = str(VERDICT_LABELS[result.verdict])
    if result.verdict == trend.NOT_ASSESSABLE:
        return f"{verdict} ({REASON_LABELS[result.reason]})"
    return _(
        "expected %(projected)s %% in %(year)s, measured %(observed)s %%, difference "
        "%(difference)s (95%% interval %(low)s to %(high)s): %(verdict)s"
    ) % {
        "projected": pct(result.projected),
        "year": result.goal_year,
        "observed": pct(result.observed),
        "difference": signed(result.difference),
        "low": signed(result.difference_ci_low),
        "high": signed(result.difference_ci_high),
        "verdict": verdict,
    }
