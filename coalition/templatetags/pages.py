"""Links between the pages of a paginated list."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """This page's address with ``param`` set to ``number``; every other parameter (search,
    filters, another list's page) stays as it is.

    Django's ``{% querystring %}`` with the parameter's name in a variable, which the
    built-in tag cannot take (``_pagination.html`` serves lists with their own parameter).
    """
    return querystring(context, **{param: number})
