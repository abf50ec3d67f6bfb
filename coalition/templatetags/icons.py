"""``{% icon "name" %}``: one of our vendored Bootstrap Icons (static/icons/bootstrap-icons/),
written inline so it takes the text colour, hidden from screen readers (the text next to it
says what it means)."""

from functools import cache

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

register = template.Library()

# Read from our own static folder: the staticfiles finders would load every vendor package.
ICONS = settings.BASE_DIR / "static" / "icons" / "bootstrap-icons"


@cache
def _svg(name: str) -> str:
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise template.TemplateSyntaxError(f"No icon {name!r} in static/icons/bootstrap-icons/.")
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


@register.simple_tag
def icon(name: str) -> str:
    return mark_safe(_svg(name))  # noqa: S308 (our own vendored files)
