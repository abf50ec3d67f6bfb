"""What every table of the coalition's own figures shares: the figure with its table, and
the rules that keep small numbers from pointing to a person."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from signals.workdays import is_working_day

MIN_FOR_SHARE = 5  # shares of fewer signals could point to a person: not shown


@dataclass
class OwnFigure:
    key: str
    title: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    figure: dict

    @property
    def chart_id(self) -> str:
        return f"chart-{self.key}"


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end`` (as in the signals app)."""
    days = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        days += is_working_day(day)
    return days


def share(part: int, whole: int) -> str:
    if whole < MIN_FOR_SHARE:
        return _("fewer than 5 signals") if whole else "–"
    return f"{round(100 * part / whole)} %"


def share_value(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole >= MIN_FOR_SHARE else None


def chart_count(number: int) -> int | None:
    """Charts leave out counts under 5, as the tables show them as "<5"."""
    return None if 0 < number < MIN_FOR_SHARE else number
