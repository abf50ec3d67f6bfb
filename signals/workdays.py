"""Working days: Monday to Friday, except Dutch public holidays (from ``holidays``)."""

import datetime
from functools import cache

import holidays


@cache
def dutch_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.NL(years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (the start day itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
