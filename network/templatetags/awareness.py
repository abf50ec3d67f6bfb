"""``{% latest_awareness %}``: the newest published awareness items, for the home page."""

from django import template

from network.models import Article

register = template.Library()


@register.inclusion_tag("network/partnership/awareness/_latest.html")
def latest_awareness(count: int = 3):
    fields = ["kind", "title", "slug", "summary", "image_alt", "image_type", "published_on"]
    return {"latest": list(Article.objects.published().only(*fields)[:count])}
