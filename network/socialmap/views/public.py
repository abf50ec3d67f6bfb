"""Public pages of the social map: search, map, activity, organisation, shortlist."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coalition import pdf, tiles
from coalition.lib import absolute_url
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
        activity.on_list = activity.pk in shortlist
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
    return {"tiles": tiles.browser_url_template(), "attribution": settings.MAP_TILE_ATTRIBUTION}


@require_safe
def activity_view(request, pk):
    """The activity's article and the blank mistake form are built once per catalogue
    version, language and day; the CSRF token and the shortlist button per request."""
    today = timezone.localdate()
    parts = catalogue.cached(
        ("activity", pk, get_language(), today), lambda: _activity_parts(pk, today)
    )
    return render(request, "network/socialmap/activity.html", activity_page(request, parts))


def activity_page(request, parts: dict, *, report_form=None) -> dict:
    """The page around the cached parts: what depends on the visitor (the shortlist) and,
    after a refused mistake report, the form with its errors."""
    shortlist = request.session.get(SHORTLIST, [])
    context = {
        "activity": parts,
        "article": mark_safe(parts["article"]),  # noqa: S308 (our own template's output)
        "in_shortlist": parts["pk"] in shortlist,
        "shortlist_count": len(shortlist),
    }
    if report_form is None:
        context["report_fields"] = mark_safe(parts["report_fields"])  # noqa: S308 (ours)
    else:
        context["report_form"] = report_form
    return context


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
        "report_fields": MistakeReportForm().render(),
    }


@require_POST
def report_mistake(request, pk):
    activity = get_object_or_404(Activity.objects.published(), pk=pk)
    form = MistakeReportForm(request.POST)
    if not form.is_valid():
        parts = _activity_parts(pk, timezone.localdate())
        context = activity_page(request, parts, report_form=form)
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
        activity.qr = pdf.qr_svg(absolute_url(activity.get_absolute_url()))
    context = {"activities": activities, "today": today}
    return render(request, "network/socialmap/shortlist.html", context)


@require_POST
def shortlist_add(request, pk):
    """Put an activity on the visitor's list and bring them back where they were: to the
    button they pressed (``#shortlist-<pk>``), or, for static/network/shortlist.js, an answer
    in JSON that the page shows without reloading."""
    activity = get_object_or_404(Activity.objects.published(), pk=pk)
    ids = request.session.get(SHORTLIST, [])
    if activity.pk not in ids and len(ids) < SHORTLIST_MAX:
        request.session[SHORTLIST] = ids = [*ids, activity.pk]
    return _shortlist_answer(request, activity.pk, title=activity.title, on_list=activity.pk in ids)


@require_POST
def shortlist_remove(request, pk):
    ids = [i for i in request.session.get(SHORTLIST, []) if i != pk]
    request.session[SHORTLIST] = ids
    title = Activity.objects.filter(pk=pk).values_list("title", flat=True).first() or ""
    return _shortlist_answer(request, pk, title=title, on_list=False)


def _shortlist_answer(request, pk: int, *, title: str, on_list: bool):
    count = len(request.session[SHORTLIST])
    if on_list:
        text = _("“%(title)s” is on your list.") % {"title": title}
    else:
        text = _("“%(title)s” is off your list.") % {"title": title}
    link = ngettext("My list (%(n)s activity)", "My list (%(n)s activities)", count) % {"n": count}
    if request.headers.get("X-Requested-With") == "fetch":
        label = (
            _("“%(title)s” is on my list · remove") if on_list else _("Add “%(title)s” to my list")
        )
        action = "network:shortlist_remove" if on_list else "network:shortlist_add"
        return JsonResponse(
            {
                "on_list": on_list,
                "text": text,
                "label": label % {"title": title},
                "action": reverse(action, args=[pk]),
                "link": link,
                "view": _("View my list"),
                "list_url": reverse("network:shortlist"),
            }
        )
    messages.success(request, text, extra_tags="shortlist")
    target = _safe_next(request)
    if not target:
        return redirect("network:shortlist")
    return redirect(f"{target.split('#')[0]}#shortlist-{pk}")


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
