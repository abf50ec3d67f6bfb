"""The quickscan pages (issue 15): every district, one district, their downloads, and the
upload of district boundaries for the map. Staff only, like the rest of the district view."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coalition.exports import table_download
from monitoring import cache as figures_cache
from monitoring import comparison, quickscan
from monitoring.boundaries import BoundariesRejected, check_boundaries, import_boundaries
from monitoring.forms import (
    BoundaryUploadForm,
    ConfirmBoundariesForm,
    MapChoiceForm,
    YearForm,
    pack,
)
from monitoring.models import DistrictBoundary
from network.socialmap import catalogue
from signals.services import counts


def cached_scan(*, year: int, district=None) -> quickscan.Quickscan:
    """The quickscan, built once per version of everything it counts: the figures (the
    cache's own version), the catalogue (activities) and the signals (signals, referrals);
    aggregate figures only, no personal data."""
    key = (
        "quickscan",
        get_language(),
        year,
        district.code if district else None,
        catalogue.version(),
        catalogue.version(counts.DATA),
    )
    districts = [district] if district else None
    return figures_cache.cached(key, lambda: quickscan.quickscan(year=year, districts=districts))


def chosen_year(request) -> int:
    return YearForm(request.GET).year(default=timezone.localdate().year)


def map_data(scan, choice: MapChoiceForm) -> dict:
    """What static/monitoring/district-map.js draws: per district its outline, value and link."""
    group, measure = choice.group(), choice.measure()
    values = quickscan.map_values(scan, group, measure) if group else {}
    outlines = dict(
        DistrictBoundary.objects.filter(area__in=scan.districts).values_list("area_id", "geometry")
    )
    return {
        "measure": str(quickscan.MEASURES[measure]),
        "districts": [
            {
                "code": district.code,
                "name": district.name,
                "url": reverse("monitoring:district", args=[district.code]),
                "value": values.get(district.id),
                "geometry": json.loads(outlines[district.id]),
            }
            for district in scan.districts
            if district.id in outlines
        ],
    }


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def districts(request):
    scan = cached_scan(year=chosen_year(request))
    choice = MapChoiceForm(request.GET, measures=quickscan.MEASURES, groups=scan.groups)
    group, measure = choice.group(), choice.measure()
    values = quickscan.map_values(scan, group, measure) if group else {}
    return render(
        request,
        "monitoring/districts.html",
        {
            "scan": scan,
            "year": scan.year,
            "choice": choice,
            "map_group": group,
            "map_label": quickscan.MEASURES[measure],
            "map_rows": [(district, values.get(district.id)) for district in scan.districts],
            "map": map_data(scan, choice),
        },
    )


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def district(request, code):
    area = get_object_or_404(quickscan.district_areas(), code=code)
    scan = cached_scan(year=chosen_year(request), district=area)
    columns, comparisons = comparison.compare(groups=scan.groups, year=scan.year, district=area)
    return render(
        request,
        "monitoring/district.html",
        {
            "scan": scan,
            "year": scan.year,
            "area": area,
            "columns": columns,
            "comparisons": comparisons,
        },
    )


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def districts_download(request, extension):
    scan = cached_scan(year=chosen_year(request))
    return table_download(
        f"quickscan-{scan.year}.{extension}",
        quickscan.DOWNLOAD_HEADER,
        quickscan.download_rows(scan),
    )


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def district_download(request, code, extension):
    area = get_object_or_404(quickscan.district_areas(), code=code)
    scan = cached_scan(year=chosen_year(request), district=area)
    return table_download(
        f"quickscan-{area.code}-{scan.year}.{extension}",
        quickscan.DOWNLOAD_HEADER,
        quickscan.download_rows(scan),
    )


@login_required
@permission_required("monitoring.add_measurement", raise_exception=True)
@require_http_methods(["GET", "POST"])
def boundaries_upload(request):
    posted = request.method == "POST"
    form = BoundaryUploadForm(request.POST, request.FILES) if posted else BoundaryUploadForm()
    if not form.is_valid():
        return render(request, "monitoring/boundaries.html", {"form": form})
    content = form.cleaned_data["file"].read()
    checked = check_boundaries(content)
    confirm = ConfirmBoundariesForm(initial={"content": pack(content)})
    return render(
        request,
        "monitoring/boundaries.html",
        {"form": form, "checked": checked, "confirm": confirm},
    )


@login_required
@permission_required("monitoring.add_measurement", raise_exception=True)
@require_http_methods(["POST"])
def boundaries_confirm(request):
    form = ConfirmBoundariesForm(request.POST)
    changed = _("The file has changed or is no longer valid; nothing was stored.")
    if not form.is_valid():
        messages.error(request, changed)
        return redirect("monitoring:boundaries")
    try:
        checked = import_boundaries(form.cleaned_data["content"])
    except BoundariesRejected:
        messages.error(request, changed)
        return redirect("monitoring:boundaries")
    messages.success(
        request,
        _("Imported the boundaries of %(count)s districts.") % {"count": len(checked.rows)},
    )
    return redirect("monitoring:districts")
