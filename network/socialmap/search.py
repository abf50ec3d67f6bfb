"""The public search of the social map: filters from the query string, sorting, paging.

Every result list costs a fixed number of queries whatever the number of activities; the views
keep what they render in ``network.catalogue``'s cache.
"""

import math
from datetime import date, time

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Count, F, FloatField, Q, Window
from django.db.models.functions import Cast

from coalition.forms import BIGGEST_ID
from network.models import Activity

PER_PAGE = 20
PARTS_OF_DAY = {
    "morning": (time(0, 0), time(12, 0)),
    "afternoon": (time(12, 0), time(17, 0)),
    "evening": (time(17, 0), time(23, 59, 59)),
}
# Degrees of longitude are shorter than degrees of latitude here (cos 52°).
LONGITUDE_SCALE = 0.616
METRES_PER_DEGREE = 111_320  # of latitude


def filtered(params: dict):
    """Published activities matching the cleaned search form (not yet sorted or paged)."""
    qs = Activity.objects.published().search(params.get("q") or "")
    if params.get("doelgroep"):
        qs = qs.filter(target_groups=params["doelgroep"])
    if params.get("soort"):
        qs = qs.filter(activity_types=params["soort"])
    if params.get("wijk"):
        qs = qs.filter(district=params["wijk"])
    if params.get("dag"):
        qs = qs.filter(weekdays__contains=params["dag"])
    if params.get("dagdeel") in PARTS_OF_DAY:
        start, end = PARTS_OF_DAY[params["dagdeel"]]
        qs = qs.filter(start_time__gte=start, start_time__lt=end)
    if params.get("gratis"):
        qs = qs.filter(is_free=True)
    if params.get("toegankelijk"):
        qs = qs.filter(step_free=True, accessible_toilet=True)
    if params.get("online"):
        qs = qs.filter(is_online=True)
    return qs


def near(qs, lat: float, lon: float):
    """Sort by (approximate) distance; activities without coordinates last."""
    dlat = Cast("latitude", FloatField()) - lat
    dlon = (Cast("longitude", FloatField()) - lon) * LONGITUDE_SCALE
    return qs.annotate(distance=dlat * dlat + dlon * dlon).order_by(
        F("distance").asc(nulls_last=True), "title"
    )


def district_centre(district) -> tuple[float, float] | None:
    """The middle of a district: the mean position of the activities there (one query)."""
    found = Activity.objects.filter(district=district, latitude__isnull=False).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if found["lat"] is None:
        return None
    return float(found["lat"]), float(found["lon"])


def in_postcode(qs, postcode: str):
    """Activities in a postcode (``2271 AB``) or a postcode area (``2271``)."""
    if len(postcode) == 4:
        return qs.filter(postcode__startswith=postcode)
    return qs.filter(postcode=postcode)


def postcode_centre(postcode: str) -> tuple[float, float] | None:
    """The middle of a postcode: the mean position of the published activities in it, else
    in its postcode area (the first four digits); None when none lies there (one or two
    queries). We keep no postcode table, so only postcodes with activities have a centre."""
    for code in dict.fromkeys([postcode, postcode[:4]]):
        found = (
            in_postcode(Activity.objects.published(), code)
            .filter(latitude__isnull=False, longitude__isnull=False)
            .aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
        )
        if found["lat"] is not None:
            return float(found["lat"]), float(found["lon"])
    return None


def within(qs, centre: tuple[float, float], metres: float):
    """Activities at most ``metres`` from ``centre``, nearest first (a flat-earth distance,
    well within a metre per kilometre at the scale of a municipality)."""
    lat, lon = centre
    north = (Cast("latitude", FloatField()) - lat) * METRES_PER_DEGREE
    east = (Cast("longitude", FloatField()) - lon) * METRES_PER_DEGREE * math.cos(math.radians(lat))
    return (
        qs.annotate(distance_squared=north * north + east * east)
        .filter(distance_squared__lte=metres * metres)
        .order_by("distance_squared", "title", "pk")
    )


def by_next_date(qs, today: date) -> list[int]:
    """Ids sorted by their next date (no date last): one query over the schedule fields."""
    fields = [
        "pk",
        "title",
        "status",
        "schedule_kind",
        "weekdays",
        "interval",
        "month_week",
        "dates",
        "valid_from",
        "valid_until",
    ]
    far = date.max
    keyed = []
    for row in qs.values(*fields):
        pk, title = row.pop("pk"), row.pop("title")
        dates = Activity(**row).next_dates(today, count=1)
        keyed.append((dates[0] if dates else far, title.lower(), pk))
    return [pk for _, _, pk in sorted(keyed)]


def results_page(params: dict, *, page_number, today: date) -> Page:
    """One page of results, sorted as asked; objects come with their related rows.

    The sort runs over ids only and the page's rows are fetched afterwards: sorting thousands
    of full rows (descriptions and all) costs PostgreSQL several times as much.
    """
    qs = filtered(params)
    sort = params.get("sorteer") or ("relevance" if params.get("q") else "name")
    centre = None
    if params.get("lat") is not None and params.get("lon") is not None:
        centre = params["lat"], params["lon"]
    elif params.get("dichtbij"):
        centre = district_centre(params["dichtbij"])
    if sort == "date" and not centre:
        page = Paginator(by_next_date(qs, today), PER_PAGE).get_page(page_number)
    elif centre:
        page = counted_page(near(qs, *centre), page_number)
    elif sort == "relevance":
        page = counted_page(qs.order_by("-rank", "title", "pk"), page_number)
    else:
        page = counted_page(qs.order_by("title", "pk"), page_number)
    found = Activity.objects.with_related().in_bulk(list(page.object_list))
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page


def counted_page(ordered, page_number) -> Page:
    """The ids on one page of ``ordered`` and the number of matches, in one query (a window
    count beside the page's ids) where Django's paginator asks two, each ranking every match.
    Like ``Paginator.get_page``: a page number that is not one gives the first page, one past
    the end the last (then a second query fetches that page)."""
    try:
        number = max(int(page_number), 1)
    except (TypeError, ValueError):
        number = 1
    # Past the end is the last page anyway; this keeps the OFFSET within a database integer.
    number = min(number, BIGGEST_ID // PER_PAGE)
    counted = ordered.annotate(total=Window(Count("pk"))).values_list("pk", "total")
    rows = list(counted[(number - 1) * PER_PAGE : number * PER_PAGE])
    paginator = Paginator([], PER_PAGE)
    paginator.count = rows[0][1] if rows else (ordered.count() if number > 1 else 0)
    page = paginator.get_page(number)
    if not rows and page.number != number and paginator.count:
        rows = list(counted[(page.number - 1) * PER_PAGE : page.number * PER_PAGE])
    page.object_list = [pk for pk, _total in rows]
    return page


def map_points(params: dict, limit: int = 1000) -> list[dict]:
    """Markers for the map view: every matching activity with coordinates (one query)."""
    qs = filtered(params).exclude(Q(latitude__isnull=True) | Q(longitude__isnull=True))
    return [
        {
            "id": row["pk"],
            "title": row["title"],
            # The marker's accessible name: "Wandelgroep Voorburg-West, Herenstraat 11".
            "label": ", ".join(part for part in (row["title"], row["street"]) if part),
            "lat": float(row["latitude"]),
            "lon": float(row["longitude"]),
        }
        for row in qs.order_by("title").values("pk", "title", "street", "latitude", "longitude")[
            :limit
        ]
    ]
