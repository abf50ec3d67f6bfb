"""Public pages of the social map: search, map, activity, organisation, shortlist."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from network.models import Activity, Organisation
from network.socialmap import catalogue, search, services
from network.socialmap.forms import ActivitySearchForm, MistakeReportForm
from network.socialmap.tokens import read_verification_token

SHORTLIST = "network_shortlist"
SHORTLIST_MAX = 50


def search_params(request) -> tuple[ActivitySearchForm, dict]:
    form = ActivitySearchForm(request.GET)
    form.is_valid()  # invalid filters are shown and ignored; the rest still applies
    return form, form.cleaned_data


@require_safe
def search_view(request):
    """The search page; its body is rendered once per catalogue version, query and shortlist."""
    shortlist = request.session.get(SHORTLIST, [])
    today = timezone.localdate()
    key = ("search", get_language(), today, sorted(request.GET.lists()), sorted(shortlist))
    body = catalogue.cached(key, lambda: _search_body(request, today, set(shortlist)))
    return render(
        request,
        "network/socialmap/search.html",
        {"body": mark_safe(body), "map_view": request.GET.get("weergave") == "kaart"},  # noqa: S308 (our own template's output)
    )


def _search_body(request, today, shortlist: set[int]) -> str:
    form, params = search_params(request)
    page = search.results_page(params, page_number=request.GET.get("page"), today=today)
    for activity in page:
        activity.upcoming = activity.next_dates(today, count=1)
        activity.stale = activity.is_stale(today)
    map_view = request.GET.get("weergave") == "kaart"
    return render_to_string(
        "network/socialmap/search.html#body",
        {
            "form": form,
            "page": page,
            "map_view": map_view,
            "points": search.map_points(params) if map_view else None,
            "map_settings": map_settings(),
            "shortlist": shortlist,
        },
        request,
    )


def map_settings() -> dict:
    return {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@require_safe
def activity_view(request, pk):
    """The activity's article and the blank mistake form are built once per catalogue
    version, language and day; the CSRF token and the shortlist button per request."""
    today = timezone.localdate()
    parts = catalogue.cached(
        ("activity", pk, get_language(), today), lambda: _activity_parts(pk, today)
    )
    return render(
        request,
        "network/socialmap/activity.html",
        {
            "activity": parts,
            "article": mark_safe(parts["article"]),  # noqa: S308 (our own template's output)
            "report_fields": mark_safe(parts["report_fields"]),  # noqa: S308 (our own output)
            "in_shortlist": pk in request.session.get(SHORTLIST, []),
        },
    )


def _activity_parts(pk: int, today) -> dict:
    """What the page needs of the activity: its article, rendered, and a few plain facts
    (Http404 when it is not published; that is not cached)."""
    activity = get_object_or_404(Activity.objects.published().with_related(), pk=pk)
    article = render_to_string(
        "network/socialmap/activity.html#article",
        {
            "activity": activity,
            "next_dates": activity.next_dates(today),
            "is_stale": activity.is_stale(today),
            "map_settings": map_settings(),
        },
    )
    return {
        "pk": activity.pk,
        "title": activity.title,
        "has_location": activity.has_location(),
        "article": article,
        "report_fields": render_to_string("_crispy_form.html", {"form": MistakeReportForm()}),
    }


@require_POST
def report_mistake(request, pk):
    activity = get_object_or_404(Activity.objects.published(), pk=pk)
    form = MistakeReportForm(request.POST)
    if not form.is_valid():
        parts = _activity_parts(pk, timezone.localdate())
        context = {
            "activity": parts,
            "article": mark_safe(parts["article"]),  # noqa: S308 (our own template's output)
            "report_form": form,
        }
        return render(request, "network/socialmap/activity.html", context, status=400)
    services.report_mistake(activity=activity, **form.cleaned_data)
    messages.success(request, _("Thank you. We will check what you reported."))
    return redirect(activity)


@require_safe
def organisation_view(request, slug):
    organisation = get_object_or_404(Organisation.objects.active(), slug=slug)
    activities = Paginator(
        organisation.activities.published().order_by("title", "pk"), search.PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "network/socialmap/organisation.html",
        {"organisation": organisation, "activities": activities},
    )


@require_safe
def shortlist_view(request):
    ids = request.session.get(SHORTLIST, [])
    found = Activity.objects.published().with_related().in_bulk(ids)
    today = timezone.localdate()
    activities = [found[pk] for pk in ids if pk in found]
    for activity in activities:
        activity.upcoming = activity.next_dates(today, count=3)
    return render(request, "network/socialmap/shortlist.html", {"activities": activities})


@require_POST
def shortlist_add(request, pk):
    activity = get_object_or_404(Activity.objects.published(), pk=pk)
    ids = request.session.get(SHORTLIST, [])
    if activity.pk not in ids and len(ids) < SHORTLIST_MAX:
        request.session[SHORTLIST] = [*ids, activity.pk]
    messages.success(request, _("“%(title)s” is on your list.") % {"title": activity.title})
    return redirect(_safe_next(request) or "network:shortlist")


@require_POST
def shortlist_remove(request, pk):
    request.session[SHORTLIST] = [i for i in request.session.get(SHORTLIST, []) if i != pk]
    return redirect(_safe_next(request) or "network:shortlist")


@require_POST
def shortlist_clear(request):
    request.session[SHORTLIST] = []
    return redirect("network:shortlist")


def _safe_next(request) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def verify_link(request, token):
    """The link in a reminder mail: one button to confirm the activity is still correct."""
    found = read_verification_token(token)
    if found is None:
        raise PermissionDenied
    activity = get_object_or_404(Activity, pk=found[0])
    user = activity.organisation.users.filter(pk=found[1], is_active=True).first()
    if user is None:
        raise PermissionDenied
    if request.method == "POST":
        services.verify_activity(activity=activity, by=user, today=timezone.localdate())
        messages.success(request, _("Thank you: the activity is marked as checked today."))
        return redirect("network:verify_link", token=token)
    return render(request, "network/socialmap/verify.html", {"activity": activity})
