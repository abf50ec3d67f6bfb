from django import template

from network.partnership import textformat

register = template.Library()


@register.filter
def safe_text(source: str):
    """The safe text format of awareness pages (network/partnership/textformat.py)."""
    return textformat.render(source or "")


@register.filter
def contributing_groups(action) -> list[str]:
    """The focus groups whose findings led to the action (from the prefetched findings)."""
    names = {finding.session.target_group.name: None for finding in action.findings.all()}
    return list(names)
