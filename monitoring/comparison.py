"""An area next to the municipality, the GGD region and the Netherlands (issue 15, part 2).

For one indicator and target group: the latest figure of the first area (a district, or the
municipality), then the figures of the other areas for the *same* year, age band and
instrument, each with its interval. An area without such a figure shows as unknown.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from coalition.models import Area
from monitoring.models import Measurement
from monitoring.series import REFERENCE_KINDS

KIND_ORDER = {Area.Kind.DISTRICT: 0, Area.Kind.MUNICIPALITY: 1, Area.Kind.REGION: 2}


@dataclass
class Comparison:
    target_group: object
    anchor: Measurement | None
    figures: list[tuple[Area, Measurement | None]]


def same_wave(m: Measurement, anchor: Measurement) -> bool:
    return (m.year, m.age_band, m.instrument) == (anchor.year, anchor.age_band, anchor.instrument)


def compare(*, groups, year: int, indicator_code: str = "eenzaam", district=None):
    """Per target group: the district (if given), the municipality, the GGD regions and the
    Netherlands, for the same year. One query."""
    areas = Q(area__code=settings.MUNICIPALITY_CODE) | Q(area__kind__in=REFERENCE_KINDS)
    if district is not None:
        areas |= Q(area=district)
    rows = list(
        Measurement.objects.filter(areas, indicator__code=indicator_code, year__lte=year)
        .select_related("area")
        .order_by("year")
    )
    columns = sorted(
        {m.area for m in rows} | ({district} if district else set()),
        key=lambda a: (KIND_ORDER.get(a.kind, 3), a.code),
    )
    result = []
    for group in groups:
        own = [m for m in rows if m.target_group_id == group.id]
        first = district or next((a for a in columns if a.kind == Area.Kind.MUNICIPALITY), None)
        candidates = [m for m in own if first and m.area_id == first.id]
        if not candidates:  # no district figure: anchor on the municipality
            candidates = [m for m in own if m.area.code == settings.MUNICIPALITY_CODE]
        anchor = max(candidates, key=lambda m: (m.year, m.age_band == "18+"), default=None)
        figures = [
            (
                area,
                next(
                    (m for m in own if m.area_id == area.id and anchor and same_wave(m, anchor)),
                    None,
                ),
            )
            for area in columns
        ]
        result.append(Comparison(target_group=group, anchor=anchor, figures=figures))
    return columns, result


def references_for(series_list, latest: Measurement) -> list[Measurement]:
    """The region's and the country's figures of the same wave as ``latest``."""
    found = []
    for series in series_list:
        match = next((m for m in series.measurements if same_wave(m, latest)), None)
        if match is not None and series.first.target_group_id == latest.target_group_id:
            found.append(match)
    return sorted(found, key=lambda m: KIND_ORDER.get(m.area.kind, 3))
