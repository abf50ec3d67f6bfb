"""The HSDS 3.0 read API (Open Referral's ``openapi.json``): published activities only.

Every endpoint answers GET and HEAD with JSON that any origin may read; another method gets a
JSON 405, a malformed parameter a JSON 400 that names it, an unknown id a JSON 404. Lists come
in pages (``page``, ``per_page`` up to 100; ``size`` is the number of records on the page) or,
with ``format=ndjson``, whole, one record a line. A page is built once per catalogue version
and query (``network.socialmap.catalogue``).
"""

import json
import uuid
from collections.abc import Callable
from functools import wraps

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from coalition.models import TargetGroup
from network.models import Activity, ActivityType, Organisation
from network.socialmap import catalogue, hsds, search
from network.socialmap.forms import HsdsQueryForm

PER_PAGE = 20
MAX_PER_PAGE = 100
# minimal=true: "aim to return all services within one page".
MINIMAL_PER_PAGE = 10_000
PAGING = ("page", "per_page", "format")
ACTIVITY_FILTERS = ("search", "taxonomy_term_id", "taxonomy_id", "organization_id")
ACTIVITY_FILTERS += ("modified_after",)


class ApiError(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def api_view(view):
    """GET and HEAD only, errors as JSON, readable from any origin (Open Referral UK)."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            try:
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = _json({"error": str(error)}, status=error.status)
        else:
            response = _json(
                {"error": _("This address only answers GET and HEAD requests.")}, status=405
            )
            response["Allow"] = "GET, HEAD"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    # Nothing here changes state, and a POST gets its 405 whatever its token.
    return csrf_exempt(answer)


def _query(request, names: tuple[str, ...]) -> dict:
    form = HsdsQueryForm(request.GET, names=names)
    if not form.is_valid():
        raise ApiError(form.error_text())
    return form.cleaned_data


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ApiError(_("Not found."), status=404) from None


def _listing(request, query: dict, items: Callable, record: Callable, *, per_page=PER_PAGE):
    """One page of ``items()`` as HSDS records, or all of them as ndjson."""
    if query["format"] == "ndjson":
        rows = items()
        rows = rows.iterator(chunk_size=500) if hasattr(rows, "iterator") else rows
        lines = (json.dumps(record(row), ensure_ascii=False) + "\n" for row in rows)
        return StreamingHttpResponse(lines, content_type="application/x-ndjson; charset=utf-8")
    size = min(query["per_page"] or per_page, max(per_page, MAX_PER_PAGE))
    number = query["page"] or 1

    def build() -> bytes:
        paginator = Paginator(items(), size)
        try:
            rows = paginator.page(number).object_list
        except EmptyPage:
            rows = []
        contents = [record(row) for row in rows]
        data = hsds.page(contents, total=paginator.count, number=number, per_page=size)
        return json.dumps(data, ensure_ascii=False).encode()

    key = ("hsds", request.path, get_language(), timezone.localdate(), sorted(request.GET.lists()))
    return HttpResponse(catalogue.cached(key, build), content_type="application/json")


def _with_term(term: uuid.UUID):
    if term == hsds.REFERRAL_TERM:
        return Q(referral_needed=True)
    groups = {hsds.target_group_id(g): g.pk for g in TargetGroup.objects.only("pk", "slug")}
    if str(term) in groups:
        return Q(target_groups=groups[str(term)])
    return Q(activity_types__uuid=term)


def _in_taxonomy(taxonomy: uuid.UUID):
    if taxonomy == hsds.ACTIVITY_TAXONOMY:
        return Exists(Activity.activity_types.through.objects.filter(activity=OuterRef("pk")))
    if taxonomy == hsds.TARGET_GROUP_TAXONOMY:
        return Exists(Activity.target_groups.through.objects.filter(activity=OuterRef("pk")))
    if taxonomy == hsds.ACCESS_TAXONOMY:
        return Q(referral_needed=True)
    return Q(pk__in=[])


def _activities(query: dict):
    """The published activities that match every filter given."""
    qs = Activity.objects.published()
    if query["search"]:
        qs = qs.search(query["search"])
    if query["organization_id"]:
        qs = qs.filter(organisation__uuid=query["organization_id"])
    if query["taxonomy_term_id"]:
        qs = qs.filter(_with_term(query["taxonomy_term_id"]))
    if query["taxonomy_id"]:
        qs = qs.filter(_in_taxonomy(query["taxonomy_id"]))
    if query["modified_after"]:
        qs = qs.filter(updated_at__gte=query["modified_after"])  # "on or after"
    return qs.order_by("title", "pk")


def _rows(activities, *, full: bool):
    """What a record needs: everything for a nested one, the organisation for a list row."""
    if full:
        return activities.with_related()
    return activities.select_related("organisation").defer("search_vector")


@api_view
def api_root(request):
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/v3.0/",
            "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        }
    )


@api_view
def api_services(request):
    query = _query(request, (*PAGING, *ACTIVITY_FILTERS, "minimal", "full"))
    if query["minimal"]:
        return _listing(
            request,
            query,
            lambda: _activities(query).values_list("uuid", "updated_at"),
            hsds.service_minimal,
            per_page=MINIMAL_PER_PAGE,
        )
    today = timezone.localdate()
    if query["full"]:
        return _listing(
            request,
            query,
            lambda: _rows(_activities(query), full=True),
            lambda activity: hsds.service(activity, today=today),
        )
    return _listing(
        request, query, lambda: _rows(_activities(query), full=False), hsds.service_list_item
    )


def _published(key: uuid.UUID) -> Activity:
    activity = Activity.objects.published().with_related().filter(uuid=key).first()
    if activity is None:
        raise ApiError(_("Not found."), status=404)
    return activity


@api_view
def api_service(request, pk):
    return _json(hsds.service(_published(_uuid(pk)), today=timezone.localdate()))


def _near(query: dict):
    """The activities of the query, narrowed to a postcode or to a distance from its centre."""
    activities = _activities(query)
    if not query["postcode"]:
        return activities
    if query["proximity"] is None:
        return search.in_postcode(activities, query["postcode"])
    centre = search.postcode_centre(query["postcode"])
    if centre is None:
        raise ApiError(
            _("No activity lies in postcode %(postcode)s, so its centre is unknown.")
            % {"postcode": query["postcode"]}
        )
    return search.within(activities, centre, query["proximity"])


@api_view
def api_service_at_locations(request):
    query = _query(request, (*PAGING, *ACTIVITY_FILTERS, "full", "postcode", "proximity"))
    today = timezone.localdate()
    return _listing(
        request,
        query,
        lambda: _rows(_near(query), full=query["full"]),
        lambda activity: hsds.service_at_location_item(activity, today=today, full=query["full"]),
    )


@api_view
def api_service_at_location(request, pk):
    """The service at that location, fully nested: HSDS 3.0's openapi.json answers this
    address with ``compiled/service.json``. Each activity has one place, so it is the
    activity's whole service record."""
    activity = _published(hsds.activity_uuid_of_service_at_location(_uuid(pk)))
    return _json(hsds.service(activity, today=timezone.localdate()))


def _with_services(organisations, *, full_service: bool):
    # Unordered, so that the database looks them up by organisation (SQLite would rather walk
    # every published activity in title order); _organisation() sorts them.
    activities = _rows(Activity.objects.published().order_by(), full=full_service)
    return organisations.prefetch_related(
        Prefetch("activities", queryset=activities, to_attr="published_activities")
    )


def _organisation(org: Organisation, *, full_service: bool) -> dict:
    today = timezone.localdate()
    services = [
        hsds.service(a, today=today)
        if full_service
        else hsds.service_list_item(a, with_organization=False)
        for a in sorted(org.published_activities, key=lambda a: (a.title, a.pk))
    ]
    return {**hsds.organization_nested(org), "services": services}


@api_view
def api_organizations(request):
    query = _query(request, (*PAGING, "search", "full", "full_service"))
    nested = query["full"] or query["full_service"]

    def organisations():
        qs = Organisation.objects.active().order_by("name", "pk")
        if text := query["search"]:
            qs = qs.filter(Q(name__icontains=text) | Q(description__icontains=text))
        return _with_services(qs, full_service=query["full_service"]) if nested else qs

    def record(org):
        if nested:
            return _organisation(org, full_service=query["full_service"])
        return hsds.organization(org)

    return _listing(request, query, organisations, record)


@api_view
def api_organization(request, pk):
    query = _query(request, ("full_service",))
    organisations = Organisation.objects.active().filter(uuid=_uuid(pk))
    found = _with_services(organisations, full_service=query["full_service"]).first()
    if found is None:
        raise ApiError(_("Not found."), status=404)
    return _json(_organisation(found, full_service=query["full_service"]))


def _matching(records: list[dict], text: str) -> list[dict]:
    """The records whose code, name or description holds the text (any case)."""
    text = text.casefold()
    fields = ("code", "name", "description")
    return [r for r in records if any(text in r.get(f, "").casefold() for f in fields)]


def _terms() -> list[dict]:
    terms = [hsds.activity_type_term(t) for t in ActivityType.objects.filter(is_active=True)]
    terms += [hsds.target_group_term(g) for g in TargetGroup.objects.active()]
    return [*terms, hsds.referral_term()]


@api_view
def api_taxonomies(request):
    query = _query(request, (*PAGING, "search"))
    return _listing(
        request, query, lambda: _matching(hsds.taxonomies(), query["search"]), lambda t: t
    )


@api_view
def api_taxonomy(request, pk):
    key = str(_uuid(pk))
    found = [item for item in hsds.taxonomies() if item["id"] == key]
    if not found:
        raise ApiError(_("Not found."), status=404)
    return _json(found[0])


@api_view
def api_taxonomy_terms(request):
    query = _query(request, (*PAGING, "search", "taxonomy_id", "top_only", "parent_id"))

    def terms():
        found = _matching(_terms(), query["search"])
        if query["taxonomy_id"]:
            found = [t for t in found if t["taxonomy_id"] == str(query["taxonomy_id"])]
        if query["parent_id"]:
            found = [t for t in found if t.get("parent_id") == str(query["parent_id"])]
        if query["top_only"]:
            found = [t for t in found if "parent_id" not in t]
        return found

    return _listing(request, query, terms, lambda t: t)


@api_view
def api_taxonomy_term(request, pk):
    key = str(_uuid(pk))
    found = [term for term in _terms() if term["id"] == key]
    if not found:
        raise ApiError(_("Not found."), status=404)
    return _json(found[0])
