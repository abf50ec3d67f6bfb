"""Demo figures for the monitor: invented, believable series for every target group.

Every row says in its source that it is a demo figure. Safe to run twice.
"""

import json
import math

from django.conf import settings

from coalition.models import Area, TargetGroup
from monitoring.models import AreaProfile, DistrictBoundary, Indicator, Measurement

DEMO_SOURCE = "Demo-cijfers (verzonnen, geen echte GGD-gegevens)"
WAVES = [2012, 2016, 2020, 2022, 2024]
# Share (%) "eenzaam" in the municipality per wave, respondents per wave and the age band.
MUNICIPALITY = {
    "volwassenen": ("18+", [38.0, 41.5, 45.2, 47.9, 46.1], 1800),
    "ouderen": ("65+", [43.0, 45.8, 50.7, 51.9, 46.4], 650),
    "jongeren": ("18-25", [39.5, 43.0, 51.8, 55.2, 56.0], 260),
    "mantelzorgers": ("18+", [45.1, 47.0, 50.9, 53.0, 52.2], 340),
    "moeilijk-rondkomen": ("18+", [55.3, 58.1, 61.7, 63.8, 57.9], 280),
}
NETHERLANDS = {
    "volwassenen": ("18+", [39.0, 43.0, 46.6, 48.6, 47.8]),
    "ouderen": ("65+", [44.5, 47.9, 51.0, 52.6, 50.9]),
    "jongeren": ("18-25", [41.0, 45.2, 53.9, 56.1, 55.3]),
    "mantelzorgers": ("18+", [46.0, 48.2, 52.0, 54.1, 53.5]),
    "moeilijk-rondkomen": ("18+", [56.0, 59.3, 62.9, 64.0, 63.2]),
}
NETHERLANDS_SAMPLE = 300_000
REGION = ("GG3230", "GGD Haaglanden", -0.7)  # code, name, difference with the country
REGION_SAMPLE = 20_000
CARER_SHARE = {2020: 14.1, 2024: 14.8}  # % of adults who give informal care (municipality)
# The demo districts as rectangles in a 4 × 2 grid around the municipality (WGS84).
GRID_ORIGIN, GRID_STEP = (4.355, 52.055), (0.03, 0.022)
# Other indicators as a share of "eenzaam".
SHARES = {
    "eenzaam": 1.0,
    "ernstig_eenzaam": 0.24,
    "matig_eenzaam": 0.76,
    "emotioneel_eenzaam": 0.74,
    "sociaal_eenzaam": 0.82,
}


def interval(value: float, n: int) -> tuple[float, float]:
    p = value / 100
    half = 1.96 * math.sqrt(p * (1 - p) * 1.5 / n) * 100
    return round(value - half, 1), round(value + half, 1)


def seed(stdout) -> None:
    municipality, _ = Area.objects.get_or_create(
        code=settings.MUNICIPALITY_CODE,
        defaults={"name": settings.MUNICIPALITY_NAME, "kind": Area.Kind.MUNICIPALITY},
    )
    country, _ = Area.objects.get_or_create(
        code="NL01", defaults={"name": "Nederland", "kind": Area.Kind.COUNTRY}
    )
    groups = {group.slug: group for group in TargetGroup.objects.all()}
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    count = 0
    for slug, (band, values, n) in MUNICIPALITY.items():
        count += store(municipality, groups.get(slug), indicators, band, values, n)
    for slug, (band, values) in NETHERLANDS.items():
        count += store(country, groups.get(slug), indicators, band, values, NETHERLANDS_SAMPLE)
    region, _ = Area.objects.get_or_create(
        code=REGION[0], defaults={"name": REGION[1], "kind": Area.Kind.REGION}
    )
    for slug, (band, values) in NETHERLANDS.items():
        shifted = [round(v + REGION[2], 1) for v in values]
        count += store(region, groups.get(slug), indicators, band, shifted, REGION_SAMPLE)
    count += seed_carers(municipality, groups, indicators)
    count += seed_districts(municipality, groups, indicators)
    stdout.write(f"Monitor: {count} demo figures (source: “{DEMO_SOURCE}”).\n")


def store(area, group, indicators, band, values, n) -> int:
    if group is None:
        return 0
    count = 0
    for code, share in SHARES.items():
        for year, base in zip(WAVES, values, strict=True):
            value = round(base * share, 1)
            low, high = interval(value, n)
            Measurement.objects.update_or_create(
                indicator=indicators[code],
                target_group=group,
                area=area,
                age_band=band,
                year=year,
                instrument="DJG-11",
                defaults={
                    "value": value,
                    "ci_low": low,
                    "ci_high": high,
                    "sample_size": n,
                    "source": DEMO_SOURCE,
                },
            )
            count += 1
    return count


# Per district: share lonely 18+, severely lonely 18+, lonely 65+ (2024) and inhabitants.
DISTRICTS = [
    (47.5, 12.8, 53.0, 9800),
    (44.0, 11.0, 49.5, 8600),
    (49.8, 13.9, 55.2, 11200),
    (42.1, 10.2, 47.0, 7400),
    (46.3, 12.1, 51.8, 13100),
    (43.2, 10.8, 48.6, 12500),
    (39.4, 9.1, 45.1, 14800),
    (36.8, 8.4, 42.0, 1900),
]


def seed_districts(municipality, groups, indicators) -> int:
    """RIVM-like model estimates and CBS-like key figures for the municipality's districts."""
    districts = list(
        Area.objects.filter(kind=Area.Kind.DISTRICT, parent=municipality).order_by("code")
    )
    count = 0
    for district, (lonely, severe, older, inhabitants) in zip(districts, DISTRICTS, strict=False):
        for slug, band, code, value in [
            ("volwassenen", "18+", "eenzaam", lonely),
            ("volwassenen", "18+", "ernstig_eenzaam", severe),
            ("ouderen", "65+", "eenzaam", older),
        ]:
            if slug not in groups:
                continue
            Measurement.objects.update_or_create(
                indicator=indicators[code],
                target_group=groups[slug],
                area=district,
                age_band=band,
                year=2024,
                instrument="DJG-11",
                defaults={
                    "value": value,
                    "ci_low": round(value - 4.5, 1),
                    "ci_high": round(value + 4.5, 1),
                    "source": DEMO_SOURCE,
                },
            )
            count += 1
        seed_boundary(district)
        AreaProfile.objects.update_or_create(
            area=district,
            year=2024,
            defaults={
                "inhabitants": inhabitants,
                "aged_0_14": round(inhabitants * 0.16),
                "aged_15_24": round(inhabitants * (0.13 - (lonely - 36) / 200)),
                "low_income_share": round(6 + (lonely - 36) * 0.7, 1),
                "aged_65_plus": round(inhabitants * (0.18 + (lonely - 36) / 100)),
                "households": inhabitants // 2,
                "one_person_households": round(inhabitants / 2 * (0.3 + (lonely - 36) / 60)),
                "income_per_inhabitant": round(38 - (lonely - 36) * 0.6, 1),
                "source": DEMO_SOURCE,
            },
        )
    return count


def seed_carers(municipality, groups, indicators) -> int:
    """The GGD share of adults who give informal care: the quickscan counts carers with it."""
    if "volwassenen" not in groups or "mantelzorger" not in indicators:
        return 0
    for year, value in CARER_SHARE.items():
        Measurement.objects.update_or_create(
            indicator=indicators["mantelzorger"],
            target_group=groups["volwassenen"],
            area=municipality,
            age_band="18+",
            year=year,
            instrument="DJG-11",
            defaults={
                "value": value,
                "ci_low": value - 1.2,
                "ci_high": value + 1.2,
                "source": DEMO_SOURCE,
            },
        )
    return len(CARER_SHARE)


def seed_boundary(district) -> None:
    """A rectangle for the quickscan map; kept when the district already has an outline."""
    if DistrictBoundary.objects.filter(area=district).exists():
        return
    number = int(district.code[-2:]) - 1
    column, row = number % 4, number // 4 % 2
    west = GRID_ORIGIN[0] + column * GRID_STEP[0]
    south = GRID_ORIGIN[1] + row * GRID_STEP[1]
    east, north = west + GRID_STEP[0], south + GRID_STEP[1]
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    DistrictBoundary.objects.create(
        area=district,
        geometry=json.dumps({"type": "Polygon", "coordinates": [ring]}),
        source=DEMO_SOURCE,
    )
