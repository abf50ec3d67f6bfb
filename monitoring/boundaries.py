"""District boundaries for the quickscan map: the CBS/PDOK "wijken" export as GeoJSON.

A FeatureCollection of Polygon or MultiPolygon features in WGS84 (longitude, latitude), each
with its CBS code in ``wijkcode`` or ``statcode`` ("WK191601") and its name in ``wijknaam``
or ``statnaam``. A file with any error is refused whole, with the feature's number; nothing
is stored then. The geometry is kept as JSON text (``DistrictBoundary``).
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from coalition.models import Area
from monitoring.models import DistrictBoundary

CODE_PROPERTIES = ("wijkcode", "statcode")
NAME_PROPERTIES = ("wijknaam", "statnaam")
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
SOURCE = "CBS/PDOK, Wijk- en buurtkaart"
MAX_ERRORS = 50


@dataclass
class CheckedBoundaries:
    rows: list[dict] = field(default_factory=list)  # code, name, geometry (JSON text), new
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)


def first_property(properties: dict, names) -> str:
    return next((str(properties[n]).strip() for n in names if properties.get(n)), "")


def is_position(value) -> bool:
    return (
        isinstance(value, list)
        and len(value) >= 2
        and all(isinstance(n, int | float) and not isinstance(n, bool) for n in value[:2])
    )


def geometry_problem(geometry) -> str | None:
    """Why a geometry cannot be drawn, or None."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        return _("the shape is not a Polygon or MultiPolygon")
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    if not isinstance(polygons, list) or not polygons:
        return _("the shape has no coordinates")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return _("the shape has no coordinates")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4 or not all(map(is_position, ring)):
                return _("the shape has no coordinates")
            if any(abs(lon) > 180 or abs(lat) > 90 for lon, lat, *_rest in ring):
                return _(
                    "the coordinates are not longitude and latitude (WGS84); export the map "
                    "in EPSG:4326, not in metres (RD New)"
                )
    return None


def check_boundaries(content: bytes) -> CheckedBoundaries:
    """Read and check the file; stores nothing."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return CheckedBoundaries(errors=[_("The file is not valid JSON (GeoJSON).")])
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or data.get("type") != "FeatureCollection":
        return CheckedBoundaries(
            errors=[_("The file is not a GeoJSON FeatureCollection with features.")]
        )
    if not features:
        return CheckedBoundaries(errors=[_("The file has no features (districts).")])
    digits = settings.MUNICIPALITY_CODE[2:]
    pattern = re.compile(rf"WK{digits}[0-9]{{2}}")
    checked, seen = CheckedBoundaries(), set()
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        properties = properties if isinstance(properties, dict) else {}
        code = first_property(properties, CODE_PROPERTIES).upper()
        if not code:
            problem = _("no district code (property wijkcode or statcode)")
        elif not pattern.fullmatch(code):
            problem = _(
                "%(code)s is not a district of %(municipality)s (codes start with WK%(digits)s)"
            ) % {"code": code[:20], "municipality": settings.MUNICIPALITY_NAME, "digits": digits}
        elif code in seen:
            problem = _("the district %(code)s appears more than once") % {"code": code}
        else:
            problem = geometry_problem(feature.get("geometry"))
        if problem:
            checked.errors.append(
                _("Feature %(number)s: %(problem)s.") % {"number": number, "problem": problem}
            )
            if len(checked.errors) >= MAX_ERRORS:
                break
            continue
        seen.add(code)
        name = first_property(properties, NAME_PROPERTIES)[:120] or code
        checked.rows.append(
            {"code": code, "name": name, "geometry": json.dumps(feature["geometry"])}
        )
    if checked.errors:
        checked.rows = []
        return checked
    known = set(Area.objects.filter(code__in=seen).values_list("code", flat=True))
    for row in checked.rows:
        row["new"] = row["code"] not in known
    return checked


class BoundariesRejected(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def import_boundaries(content: bytes) -> CheckedBoundaries:
    """Store the boundaries, all or nothing (raises BoundariesRejected). A district that is
    not known yet is added under the municipality with the file's name."""
    with transaction.atomic():
        checked = check_boundaries(content)
        if not checked.is_valid:
            raise BoundariesRejected(checked.errors)
        municipality = Area.objects.filter(code=settings.MUNICIPALITY_CODE).first()
        for row in checked.rows:
            area, _created = Area.objects.get_or_create(
                code=row["code"],
                defaults={
                    "name": row["name"],
                    "kind": Area.Kind.DISTRICT,
                    "parent": municipality,
                },
            )
            DistrictBoundary.objects.update_or_create(
                area=area, defaults={"geometry": row["geometry"], "source": SOURCE}
            )
    return checked
