from django import template

from monitoring.quickscan import shown_count

register = template.Library()


@register.filter
def small_count(number) -> str:
    """``{{ cell.lonely|small_count }}``: a count of people under 5 as "<5" (one rule, in
    ``monitoring.quickscan.shown_count``)."""
    return shown_count(number)
