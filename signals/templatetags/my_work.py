"""The number beside "My work" in the navigation, for coordinators: counted once per signals
version and day (``signals/services/counts.py``), so a page costs one lookup of the version."""

from django import template
from django.utils import timezone

from signals.models import Signal
from signals.services import counts

register = template.Library()


@register.simple_tag(takes_context=True)
def my_work_due(context) -> int:
    """How many of the user's open signals need action today or earlier (first contact,
    call-back or follow-up due). Ask it inside ``{% if perms.signals.triage_signal %}``."""
    request = context.get("request")
    if request is None:
        return 0
    user, today = request.user, timezone.localdate()

    def build() -> int:
        mine = Signal.objects.visible_to(user).filter(assigned_to=user)
        return mine.needs_action(today).count()

    return counts.cached(("my-work-due", user.pk, today.isoformat()), build)
