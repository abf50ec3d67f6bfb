"""Open data: the HSDS JSON API, CSV export and iCalendar feeds. Published activities only."""

import uuid

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from coalition.exports import table_download
from coalition.lib import absolute_url
from coalition.models import TargetGroup
from network.models import Activity, ActivityType, Organisation
from network.socialmap import catalogue, hsds, ical, search
from network.socialmap.views.public import SHORTLIST, search_params

API_PER_PAGE = 20
API_MAX_PER_PAGE = 100


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message: str, status=400):
    return _json({"error": message}, status=status)


def _int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None


@require_safe
def api_root(request):
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/v3.0/",
            "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        }
    )


def _filter_services(request, qs):
    """Apply the HSDS parameters (combined as AND); raise ValueError on a bad one."""
    params = request.GET
    if params.get("search"):
        qs = qs.search(params["search"].replace("\x00", "")[:200])
    if params.get("organization_id"):
        qs = qs.filter(organisation__uuid=_uuid(params["organization_id"]))
    if params.get("taxonomy_term_id"):
        term = _uuid(params["taxonomy_term_id"])
        groups = {hsds.target_group_id(g): g.pk for g in TargetGroup.objects.all()}
        if str(term) in groups:
            qs = qs.filter(target_groups=groups[str(term)])
        else:
            qs = qs.filter(activity_types__uuid=term)
    if params.get("modified_after"):
        moment = parse_datetime(params["modified_after"]) or _date_start(params["modified_after"])
        if moment is None:
            raise ValueError(_("modified_after is not a date or date and time."))
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        qs = qs.filter(updated_at__gt=moment)
    return qs


def _date_start(text):
    from datetime import datetime

    try:
        day = parse_date(text)
    except ValueError:
        return None
    return datetime.combine(day, datetime.min.time()) if day else None


@require_safe
def api_services(request):
    """The services list; the JSON is built once per catalogue version and query."""
    key = ("hsds-services", get_language(), timezone.localdate(), sorted(request.GET.lists()))
    status, content = catalogue.cached(key, lambda: _services_json(request))
    response = HttpResponse(content, status=status, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _services_json(request) -> tuple[int, bytes]:
    qs = Activity.objects.published()
    try:
        qs = _filter_services(request, qs)
    except ValueError as error:
        response = _error(str(error))
        return response.status_code, response.content
    size = min(_int(request.GET.get("per_page"), API_PER_PAGE), API_MAX_PER_PAGE)
    number = _int(request.GET.get("page"), 1)
    paginator = Paginator(qs.with_related().order_by("title", "pk"), size)
    try:
        items = list(paginator.page(number)) if paginator.count else []
    except EmptyPage:
        items = []
    today = timezone.localdate()
    contents = [hsds.service(a, today=today) for a in items]
    response = _json(hsds.page(contents, total=paginator.count, number=number, size=size))
    return response.status_code, response.content


@require_safe
def api_service(request, pk):
    key = _uuid(pk)
    activity = Activity.objects.published().with_related().filter(uuid=key).first()
    if key is None or activity is None:
        return _error(_("Not found."), status=404)
    return _json(hsds.service(activity, today=timezone.localdate()))


@require_safe
def api_organizations(request):
    size = min(_int(request.GET.get("per_page"), API_PER_PAGE), API_MAX_PER_PAGE)
    number = _int(request.GET.get("page"), 1)
    qs = Organisation.objects.active().order_by("name", "pk")
    if request.GET.get("search"):
        qs = qs.filter(name__icontains=request.GET["search"].replace("\x00", "")[:200])
    paginator = Paginator(qs, size)
    try:
        items = list(paginator.page(number)) if paginator.count else []
    except EmptyPage:
        items = []
    contents = [hsds.organization(o) for o in items]
    return _json(hsds.page(contents, total=paginator.count, number=number, size=size))


@require_safe
def api_organization(request, pk):
    key = _uuid(pk)
    organisation = Organisation.objects.active().filter(uuid=key).first()
    if key is None or organisation is None:
        return _error(_("Not found."), status=404)
    data = hsds.organization(organisation)
    today = timezone.localdate()
    data["services"] = [
        hsds.service(a, today=today)
        for a in organisation.activities.published().with_related().order_by("title")[:200]
    ]
    return _json(data)


@require_safe
def api_taxonomies(request):
    items = hsds.taxonomies()
    return _json(hsds.page(items, total=len(items), number=1, size=len(items)))


@require_safe
def api_taxonomy(request, pk):
    found = [item for item in hsds.taxonomies() if item["id"] == pk]
    return _json(found[0]) if found else _error(_("Not found."), status=404)


def _taxonomy_terms() -> list[dict]:
    terms = [hsds.activity_type_term(t) for t in ActivityType.objects.filter(is_active=True)]
    return terms + [hsds.target_group_term(g) for g in TargetGroup.objects.active()]


@require_safe
def api_taxonomy_terms(request):
    terms = _taxonomy_terms()
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy:
        terms = [t for t in terms if t["taxonomy_id"] == taxonomy]
    return _json(hsds.page(terms, total=len(terms), number=1, size=max(len(terms), 1)))


@require_safe
def api_taxonomy_term(request, pk):
    found = [term for term in _taxonomy_terms() if term["id"] == pk]
    return _json(found[0]) if found else _error(_("Not found."), status=404)


# The open-data columns; their Dutch names are a published format (lower case, "_").
CSV_COLUMNS = [
    pgettext_lazy("open data column", "id"),
    pgettext_lazy("open data column", "name"),
    pgettext_lazy("open data column", "organisation"),
    pgettext_lazy("open data column", "summary"),
    pgettext_lazy("open data column", "kind"),
    pgettext_lazy("open data column", "target groups"),
    pgettext_lazy("open data column", "district"),
    pgettext_lazy("open data column", "venue"),
    pgettext_lazy("open data column", "address"),
    pgettext_lazy("open data column", "postcode"),
    pgettext_lazy("open data column", "town"),
    pgettext_lazy("open data column", "online"),
    pgettext_lazy("open data column", "days"),
    pgettext_lazy("open data column", "start time"),
    pgettext_lazy("open data column", "end time"),
    pgettext_lazy("open data column", "next date"),
    pgettext_lazy("open data column", "free"),
    pgettext_lazy("open data column", "price"),
    pgettext_lazy("open data column", "how to join"),
    pgettext_lazy("open data column", "phone"),
    pgettext_lazy("open data column", "email address"),
    pgettext_lazy("open data column", "website"),
    pgettext_lazy("open data column", "last checked"),
    pgettext_lazy("open data column", "url"),
]


def _csv_rows(activities):
    today = timezone.localdate()
    for a in activities:
        upcoming = a.next_dates(today, count=1)
        yield [
            a.pk,
            a.title,
            a.organisation.name,
            a.summary,
            ", ".join(t.name for t in a.activity_types.all()),
            ", ".join(g.name for g in a.target_groups.all()),
            a.district.name if a.district else "",
            a.venue_name,
            a.street,
            a.postcode,
            a.city,
            a.is_online,
            a.weekdays,
            a.start_time,
            a.end_time,
            upcoming[0] if upcoming else None,
            a.is_free,
            a.price,
            a.how_to_join,
            a.phone,
            a.email,
            a.website,
            a.last_verified_on,
            absolute_url(a.get_absolute_url()),
        ]


def _csv_response(activities, filename: str):
    return table_download(filename, CSV_COLUMNS, _csv_rows(activities))


@require_safe
def export_csv(request):
    params = search_params(request)[1]
    qs = search.filtered(params).with_related().order_by("title", "pk")
    return _csv_response(qs.iterator(chunk_size=500), "sociale-kaart.csv")


@require_safe
def shortlist_csv(request):
    ids = request.session.get(SHORTLIST, [])
    found = Activity.objects.published().with_related().in_bulk(ids)
    activities = [found[pk] for pk in ids if pk in found]
    return _csv_response(activities, "mijn-lijstje.csv")


def _ics_response(activities, request, name: str, filename: str):
    body = ical.calendar(
        activities,
        name=name,
        today=timezone.localdate(),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def activity_ics(request, pk):
    activity = get_object_or_404(Activity.objects.published().with_related(), pk=pk)
    return _ics_response([activity], request, activity.title, f"activiteit-{activity.pk}.ics")


@require_safe
def export_ics(request):
    params = search_params(request)[1]
    qs = search.filtered(params).with_related().order_by("title", "pk")[:1000]
    return _ics_response(qs, request, gettext_lazy("Social map"), "sociale-kaart.ics")
