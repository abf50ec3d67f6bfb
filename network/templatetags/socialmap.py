"""Template tags of the social map's search page."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def filter_select(field):
    """A search filter's ``<select>``, built here rather than by the widget's templates.

    Django renders every option of a select through its own template, which made the filters
    the slowest part of the search page. The markup is the same, and an invalid choice points
    to its message (``<fieldname>_error``, as the search form writes it).
    """
    current = "" if field.value() is None else str(field.value())
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if str(value) == current else "", label)
            for value, label in field.field.choices
        ),
    )
    if field.errors:
        return format_html(
            '<select name="{}" id="{}" class="form-select is-invalid" aria-invalid="true" '
            'aria-describedby="{}_error">{}</select>',
            field.html_name,
            field.auto_id,
            field.auto_id,
            options,
        )
    return format_html(
        '<select name="{}" id="{}" class="form-select">{}</select>',
        field.html_name,
        field.auto_id,
        options,
    )
