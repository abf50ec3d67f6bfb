"""The neighbourhood view: per district the loneliness estimates (RIVM), the CBS context and
the coalition's own supply and demand, ranked so the gaps (lacunes) stand out.

The coalition's own counts come from the network and signals apps. Monitoring reads them
(never the other way round); each reader is one entry of ``COALITION_COUNTS``: a label and a
function ``(district_codes: list[str], year: int) -> dict[str, int]`` that counts in one
query: published activities per district (supply) and signals received in the year
(demand).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from coalition.models import Area
from monitoring.models import AreaProfile, Measurement
from monitoring.quickscan import shown_count
from network.models import Activity
from signals.models import Signal

# (label, target group slug, age band, indicator code) of the columns with RIVM estimates.
ESTIMATES = [
    (_("Lonely, 18+"), "volwassenen", "18+", "eenzaam"),
    (_("Severely lonely, 18+"), "volwassenen", "18+", "ernstig_eenzaam"),
    (_("Lonely, 65+"), "ouderen", "65+", "eenzaam"),
]


@dataclass(frozen=True)
class CountSource:
    key: str
    label: str
    count: Callable[[list[str], int], dict[str, int]]
    is_supply: bool = False  # supply (activities) or demand (signals)


def published_activities(district_codes: list[str], year: int) -> dict[str, int]:
    """Activities on the social map now (the supply), per district."""
    rows = (
        Activity.objects.published()
        .filter(district__code__in=district_codes)
        .values("district__code")
        .annotate(number=Count("id"))
        .order_by()
    )
    return {row["district__code"]: row["number"] for row in rows}


def signals_received(district_codes: list[str], year: int) -> dict[str, int]:
    """Signals received in the year (the demand), per district."""
    rows = (
        Signal.objects.filter(district__code__in=district_codes, created_at__year=year)
        .values("district__code")
        .annotate(number=Count("id"))
        .order_by()
    )
    return {row["district__code"]: row["number"] for row in rows}


COALITION_COUNTS: list[CountSource] = [
    CountSource("activities", _("Published activities"), published_activities, is_supply=True),
    CountSource("signals", _("Signals received"), signals_received),
]


@dataclass
class DistrictRow:
    area: Area
    estimates: list[Measurement | None] = field(default_factory=list)
    profile: AreaProfile | None = None
    counts: dict[str, int] = field(default_factory=dict)
    rank: int | None = None

    @property
    def lonely_share(self) -> float | None:
        first = self.estimates[0] if self.estimates else None
        return first.value if first else None

    @property
    def estimated_lonely(self) -> int | None:
        """Need: the share lonely (18+) times the inhabitants, a rough number of residents."""
        if self.lonely_share is None or not self.profile or not self.profile.inhabitants:
            return None
        return round(self.lonely_share / 100 * self.profile.inhabitants)

    @property
    def supply(self) -> int:
        return sum(
            self.counts.get(source.key, 0) for source in COALITION_COUNTS if source.is_supply
        )

    @property
    def need_per_supply(self) -> float | None:
        need = self.estimated_lonely if self.estimated_lonely is not None else self.lonely_share
        return None if need is None else need / (self.supply + 1)

    @property
    def shown_counts(self) -> list[str]:
        return [shown_count(self.counts.get(source.key)) for source in COALITION_COUNTS]


def district_rows(*, year: int) -> list[DistrictRow]:
    """Every district of the municipality, ranked: most need per unit of supply first."""
    prefix = "WK" + settings.MUNICIPALITY_CODE[2:]
    districts = list(Area.objects.filter(kind=Area.Kind.DISTRICT, code__startswith=prefix))
    latest: dict[tuple, Measurement] = {}
    measurements = (
        Measurement.objects.filter(area__in=districts, year__lte=year)
        .select_related("indicator", "target_group")
        .order_by("year")
    )
    for m in measurements:
        latest[(m.area_id, m.target_group.slug, m.age_band, m.indicator.code)] = m
    profiles = AreaProfile.objects.filter(year__lte=year).latest_per_area(districts)
    codes = [district.code for district in districts]
    counts = {source.key: source.count(codes, year) for source in COALITION_COUNTS}
    rows = [
        DistrictRow(
            area=district,
            estimates=[
                latest.get((district.id, g, band, ind)) for _label, g, band, ind in ESTIMATES
            ],
            profile=profiles.get(district.id),
            counts={key: per_code.get(district.code, 0) for key, per_code in counts.items()},
        )
        for district in districts
    ]
    ranked = sorted(
        (row for row in rows if row.need_per_supply is not None),
        key=lambda row: -row.need_per_supply,
    )
    for number, row in enumerate(ranked, start=1):
        row.rank = number
    return ranked + [row for row in rows if row.rank is None]
