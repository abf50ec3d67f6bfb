from django import template

from monitoring.verdict_words import in_words

register = template.Library()


@register.simple_tag
def verdict_in_words(verdict, group, indicator) -> str:
    """``{% verdict_in_words verdict target_group indicator %}``: the plain sentence."""
    return in_words(verdict.result, group=group.name, indicator=indicator.name)
