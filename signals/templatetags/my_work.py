"""The number beside "My work" in the navigation: one query per page, for coordinators."""

from django import template
from django.utils import timezone

from signals.models import Signal

register = template.Library()


@register.simple_tag(takes_context=True)
def my_work_due(context) -> int:
    """How many of the user's open signals need action today or earlier (first contact,
    call-back or follow-up due). Ask it inside ``{% if perms.signals.triage_signal %}``."""
    request = context.get("request")
    if request is None:
        return 0
    user = request.user
    mine = Signal.objects.visible_to(user).filter(assigned_to=user)
    return mine.needs_action(timezone.localdate()).count()
