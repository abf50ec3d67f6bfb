"""Links between the pages of a paginated list."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """This page's address with ``param`` set to ``number``; every other parameter (search,
    filters, another list's page) stays as it is."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()
