"""The home page's parts from the network. ``{% coming_events %}``: the next public events and
the running campaign, two queries whatever the number of events. ``{% home_body %}``: the
whole body of the home page, built once per public-pages version, minute and language."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from coalition.models import TargetGroup
from network.events import cache as events_cache
from network.models import Campaign, PublicEvent

register = template.Library()


@register.inclusion_tag("network/events/_coming.html")
def coming_events(count: int = 3):
    now = timezone.now()
    fields = ["title", "summary", "starts_at", "ends_at", "venue_name", "city"]
    return {
        "events": list(PublicEvent.objects.coming(now).only(*fields)[:count]),
        "campaign": Campaign.objects.running(timezone.localdate(now))
        .only("title", "slug", "summary")
        .first(),
    }


@register.simple_tag(takes_context=True)
def home_body(context):
    """``coalition/home.html#body`` (target groups, coming events, the campaign, the newest
    awareness items) from the public-pages cache (network/events/cache.py)."""
    request = context["request"]
    now = events_cache.this_minute(timezone.now())

    def build() -> str:
        parts = {"target_groups": TargetGroup.objects.active()}
        return render_to_string("coalition/home.html#body", parts, request=request)

    body = events_cache.cached(("home", get_language(), now.isoformat()), build)
    return mark_safe(body)  # noqa: S308 (our own template's output)
