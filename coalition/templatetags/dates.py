"""Dates written out one way everywhere: ``{{ day|date:"DATE_FORMAT" }}`` ("1 december 2026")
and, where the day of the week helps (the next times of an activity, a meeting),
``{{ day|weekday_date }}`` ("dinsdag 1 december 2026") and ``{{ moment|weekday_datetime }}``
("dinsdag 1 december 2026, 14:30"). Both come from coalition.lib.written_date."""

from django import template

from coalition.lib import written_date

register = template.Library()


@register.filter
def weekday_date(value):
    return written_date(value, weekday=True) if value else ""


@register.filter
def weekday_datetime(value):
    return written_date(value, weekday=True, time=True) if value else ""
