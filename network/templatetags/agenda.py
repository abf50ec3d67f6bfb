"""``{% coming_events %}``: the next public events and the running campaign, for the home page.
Two queries, whatever the number of events."""

from django import template
from django.utils import timezone

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
