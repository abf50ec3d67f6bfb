"""The social map as a booklet to print (issue 15, part 4): a PDF in large type.

Coordinators print it for an information market, partners for their own activities, and
residents may download it too: it holds only published activities, as the social map does.
Only the filters district, target group and kind of activity (and, for a partner, "only my
organisations") shape it, so the number of different booklets stays small; each is made once
per catalogue version (``network.socialmap.catalogue``) and kept in the "booklets" cache.

A booklet of 1,000 activities takes WeasyPrint minutes and hundreds of megabytes, so no web
request makes one (issue 17): the view serves a stored PDF, or queues ``make`` as a task
(``network.tasks.make_booklet``, run by ``manage.py db_worker``) once per key, claimed in the
cache, and tells the visitor to try again shortly.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coalition import pdf
from coalition.lib import absolute_url
from coalition.models import Area, TargetGroup
from network.models import Activity, ActivityType, Organisation
from network.socialmap import catalogue, search

FILTERS = ("wijk", "doelgroep", "soort")
MODELS = {"wijk": Area, "doelgroep": TargetGroup, "soort": ActivityType}
STYLESHEETS = ["network/booklet.css"]
SECONDS = 60 * 60 * 24
CACHE = "booklets"  # the PDFs (the database); the claims are in the catalogue cache
# A claimed key is not queued again for this long: a burst of the same request makes one
# render, and a render that failed (the worker stopped) is tried again after it.
CLAIM_SECONDS = 20 * 60


def own_organisations(user) -> list[Organisation]:
    """The active organisations a (partner) user belongs to."""
    if not user.is_authenticated:
        return []
    return list(Organisation.objects.active().filter(users=user).order_by("name"))


def chosen(params: dict) -> dict:
    """The booklet's filters out of the cleaned search form."""
    return {name: params.get(name) for name in FILTERS if params.get(name)}


def activities(filters: dict, organisations: list[Organisation] | None = None) -> list[Activity]:
    """The published activities in the booklet, by name, with their related rows."""
    qs = search.filtered(filters)
    if organisations is not None:
        qs = qs.filter(organisation__in=organisations)
    ids = list(qs.order_by("title", "pk").values_list("pk", flat=True))
    found = Activity.objects.with_related().in_bulk(ids)
    return [found[pk] for pk in ids]


def index_by_type(items: list[Activity]) -> list[tuple[str, list[Activity]]]:
    """Kind of activity → its activities (an activity of two kinds is under both)."""
    kinds: dict[str, list[Activity]] = {}
    for activity in items:
        names = [str(kind) for kind in activity.activity_types.all()] or [_("Other")]
        for name in names:
            kinds.setdefault(name, []).append(activity)
    return sorted(kinds.items(), key=lambda item: item[0].lower())


def context(filters: dict, organisations: list[Organisation] | None) -> dict:
    today = timezone.localdate()
    items = activities(filters, organisations)
    for number, activity in enumerate(items, start=1):
        activity.number = number
        activity.upcoming = activity.next_dates(today, count=3)
        activity.url = absolute_url(activity.get_absolute_url())
        activity.qr = pdf.qr_svg(activity.url)
    return {
        "activities": items,
        "index": index_by_type(items),
        "filters": [str(value) for value in filters.values()],
        "organisations": organisations or [],
        "made_on": today,
        "support_phone": settings.SUPPORT_PHONE,
        "municipality_name": settings.MUNICIPALITY_NAME,
        "coalition_name": settings.COALITION_NAME,
        "search_url": absolute_url("/sociale-kaart/"),
    }


def key(filters: dict, organisations: list[Organisation] | None) -> str:
    """The booklet's cache key: the catalogue version, language, day, filters and
    organisations. The version is read before the task reads the activities, so a stored PDF
    is never older than the version it is stored under."""
    key_parts = (
        catalogue.version(),
        get_language(),
        timezone.localdate().isoformat(),
        sorted((name, value.pk) for name, value in filters.items()),
        None if organisations is None else [o.pk for o in organisations],
    )
    return "booklet:" + hashlib.sha256(repr(key_parts).encode()).hexdigest()


def stored(name: str) -> bytes | None:
    """The PDF stored under the key ``name``, if it has been made."""
    return caches[CACHE].get(name)


def claim(name: str) -> bool:
    """True once per ``CLAIM_SECONDS`` for a key: the caller queues the task that makes it."""
    return caches[catalogue.CACHE].add("claim:" + name, True, CLAIM_SECONDS)


def make(*, name: str, filter_ids: dict, organisation_ids: list[int] | None) -> int:
    """Make the booklet of the filters ``{name: pk}`` and store it under the key ``name``; its
    size in bytes."""
    filters = {}
    for field in FILTERS:
        if field in filter_ids:
            found = MODELS[field].objects.filter(pk=filter_ids[field]).first()
            filters.update({field: found} if found is not None else {})
    organisations = None
    if organisation_ids is not None:
        found = Organisation.objects.active().filter(pk__in=organisation_ids)
        organisations = list(found.order_by("name"))
    html = render_to_string("network/socialmap/booklet_pdf.html", context(filters, organisations))
    content = pdf.render_pdf(html, stylesheets=STYLESHEETS)
    caches[CACHE].set(name, content, SECONDS)
    return len(content)
