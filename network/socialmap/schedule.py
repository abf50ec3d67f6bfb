"""When an activity takes place: a small recurrence rule and the pure function that expands it.

The rules follow what HSDS and RFC 5545 can express and what partners actually use: weekly on
given weekdays (every n weeks), monthly on the nth weekday (``-1`` is the last), or a list of
one-off dates. Times are local times in Europe/Amsterdam; the rule is valid from/until dates.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

WEEKLY = "weekly"
MONTHLY = "monthly"
DATES = "dates"
NONE = "none"


@dataclass(frozen=True)
class Rule:
    kind: str = NONE
    weekdays: tuple[int, ...] = ()  # 0 = Monday … 6 = Sunday
    interval: int = 1
    month_week: int | None = None  # 1…4, or -1 for the last one of the month
    dates: tuple[date, ...] = field(default_factory=tuple)
    valid_from: date | None = None
    valid_until: date | None = None


def parse_weekdays(codes: str) -> tuple[int, ...]:
    """``"MO,TH"`` → ``(0, 3)``; unknown codes are ignored."""
    found = {WEEKDAY_CODES.index(c) for c in codes.upper().split(",") if c in WEEKDAY_CODES}
    return tuple(sorted(found))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The nth (1…5, or -1 for last) given weekday of a month, or None if it does not exist."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if n == -1:
        return days[-1]
    return days[n - 1] if 0 < n <= len(days) else None


def _weekly(rule: Rule, start: date, end: date):
    anchor = rule.valid_from or start
    anchor_monday = anchor - timedelta(days=anchor.weekday())
    day = start
    while day <= end:
        weeks = (day - anchor_monday).days // 7
        if day.weekday() in rule.weekdays and weeks % max(rule.interval, 1) == 0:
            yield day
        day += timedelta(days=1)


def _monthly(rule: Rule, start: date, end: date):
    if not rule.weekdays or rule.month_week is None:
        return
    anchor = rule.valid_from or start
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        months = (year - anchor.year) * 12 + month - anchor.month
        if months % max(rule.interval, 1) == 0:
            days = (nth_weekday(year, month, wd, rule.month_week) for wd in rule.weekdays)
            yield from sorted(d for d in days if d and start <= d <= end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def next_dates(rule: Rule, *, today: date, count: int = 5, horizon_days: int = 400) -> list[date]:
    """The next ``count`` dates on or after ``today`` (within the horizon and validity)."""
    start = max(today, rule.valid_from) if rule.valid_from else today
    end = today + timedelta(days=horizon_days)
    if rule.valid_until:
        end = min(end, rule.valid_until)
    if start > end:
        return []
    if rule.kind == WEEKLY:
        found = _weekly(rule, start, end)
    elif rule.kind == MONTHLY:
        found = _monthly(rule, start, end)
    elif rule.kind == DATES:
        found = iter(sorted(d for d in set(rule.dates) if start <= d <= end))
    else:
        found = iter(())
    return list(islice(found, count))
