from datetime import date

from network.socialmap.schedule import DATES, MONTHLY, NONE, WEEKLY, Rule, next_dates, nth_weekday

MONDAY = date(2026, 11, 23)


def test_weekly_rule_gives_the_next_given_weekdays():
    rule = Rule(kind=WEEKLY, weekdays=(1, 3))  # Tuesday and Thursday
    assert next_dates(rule, today=MONDAY, count=4) == [
        date(2026, 11, 24),
        date(2026, 11, 26),
        date(2026, 12, 1),
        date(2026, 12, 3),
    ]


def test_every_two_weeks_counts_from_the_valid_from_week():
    rule = Rule(kind=WEEKLY, weekdays=(2,), interval=2, valid_from=date(2026, 11, 4))
    assert next_dates(rule, today=MONDAY, count=3) == [
        date(2026, 12, 2),
        date(2026, 12, 16),
        date(2026, 12, 30),
    ]


def test_monthly_on_the_first_saturday():
    rule = Rule(kind=MONTHLY, weekdays=(5,), month_week=1)
    assert next_dates(rule, today=MONDAY, count=3) == [
        date(2026, 12, 5),
        date(2027, 1, 2),
        date(2027, 2, 6),
    ]


def test_monthly_on_the_last_friday():
    rule = Rule(kind=MONTHLY, weekdays=(4,), month_week=-1)
    assert next_dates(rule, today=MONDAY, count=2) == [date(2026, 11, 27), date(2026, 12, 25)]


def test_fifth_weekday_that_does_not_exist_is_skipped():
    assert nth_weekday(2026, 2, 0, 5) is None


def test_one_off_dates_in_the_past_are_left_out():
    rule = Rule(kind=DATES, dates=(date(2026, 12, 10), date(2026, 11, 1), date(2026, 11, 23)))
    assert next_dates(rule, today=MONDAY) == [date(2026, 11, 23), date(2026, 12, 10)]


def test_rule_ends_at_valid_until():
    rule = Rule(kind=WEEKLY, weekdays=(0,), valid_until=date(2026, 12, 7))
    assert next_dates(rule, today=MONDAY) == [
        date(2026, 11, 23),
        date(2026, 11, 30),
        date(2026, 12, 7),
    ]


def test_rule_starts_at_valid_from():
    rule = Rule(kind=WEEKLY, weekdays=(0,), valid_from=date(2027, 1, 1))
    assert next_dates(rule, today=MONDAY, count=1) == [date(2027, 1, 4)]


def test_no_fixed_times_gives_no_dates():
    assert next_dates(Rule(kind=NONE), today=MONDAY) == []
