"""Open data: CSV export and iCalendar feeds. Published activities only (the HSDS API is in
``api.py``)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_safe

from coalition.exports import table_download
from coalition.lib import absolute_url
from network.models import Activity
from network.socialmap import ical, search
from network.socialmap.views.public import SHORTLIST, search_params

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
