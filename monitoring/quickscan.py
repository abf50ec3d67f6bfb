"""The quickscan per district and target group (issue 15): need, supply, reach and gaps.

- **Need**: the residents of the group (CBS key figures; informal carers as the GGD share of
  carers × adults) and the estimated lonely residents: the GGD share lonely × those
  residents. The share is the district's RIVM estimate where the file has one, else the
  municipality's figure (the page says which).
- **Supply**: published activities that name the target group, in the district or for the
  whole municipality (no district, or online); how many are free, step-free, in the evening
  or weekend, and the organisations (partners) behind them.
- **Reach**: signals received in the year per 1,000 residents of the group, and the
  referrals of those signals.
- **Gaps**: district × target group, ranked by estimated lonely residents per activity.

``quickscan()`` costs the same few queries whatever the number of activities, signals and
measurements: it reads rows and counts in Python.
"""

from dataclasses import dataclass, field
from datetime import time

from django.conf import settings
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coalition.models import Area, TargetGroup
from monitoring.models import AreaProfile, Measurement
from network.models import Activity
from signals.models import Referral, Signal

SMALL_COUNT = 5
LONELY = "eenzaam"
CARERS = "mantelzorger"
EVENING = time(17, 0)
WEEKEND = ("SA", "SU")
# CBS counts 15–24 year-olds; 7 of those 10 year groups are adults (18–24).
ADULT_PART_OF_15_24 = 0.7
# Age bands preferred when an area has several for one group (the broadest first).
PREFERRED_BANDS = ("18+", "65+")
# How the sentences name the people of a group; other groups by their own name.
PEOPLE = {
    "ouderen": gettext_lazy("older people"),
    "jongeren": gettext_lazy("young people"),
    "mantelzorgers": gettext_lazy("informal carers"),
    "moeilijk-rondkomen": gettext_lazy("residents who struggle to make ends meet"),
    "volwassenen": gettext_lazy("adults"),
}
MEASURES = {
    "lonely_per_activity": gettext_lazy("Estimated lonely residents per activity"),
    "signals_per_1000": gettext_lazy("Signals per 1,000 residents of the group"),
    "activities": gettext_lazy("Activities for the group"),
}


def shown_count(number) -> str:
    """A count of people under 5 is shown as "<5", so no one can be recognised."""
    if number is None:
        return ""
    return "<5" if 0 < number < SMALL_COUNT else number_format(number, force_grouping=True)


def district_areas():
    prefix = "WK" + settings.MUNICIPALITY_CODE[2:]
    return Area.objects.filter(kind=Area.Kind.DISTRICT, code__startswith=prefix)


def adults(profile: AreaProfile | None) -> int | None:
    """Inhabitants of 18 or over: all minus the 0–14 year-olds and 3/10 of the 15–24 ones."""
    if profile is None or None in (profile.inhabitants, profile.aged_0_14, profile.aged_15_24):
        return None
    return round(profile.inhabitants - profile.aged_0_14 - 0.3 * profile.aged_15_24)


def residents(slug: str, profile, carer_share) -> tuple[int | None, str]:
    """The residents in the group, and how they were counted."""
    if slug == "ouderen" and profile and profile.aged_65_plus is not None:
        return profile.aged_65_plus, _("CBS: aged 65 or over")
    if slug == "jongeren" and profile and profile.aged_15_24 is not None:
        return profile.aged_15_24, _("CBS: aged 15 to 24")
    if slug == "volwassenen" and adults(profile) is not None:
        return adults(profile), _("CBS: aged 18 or over (estimate)")
    if (
        slug == "moeilijk-rondkomen"
        and profile
        and None
        not in (
            profile.low_income_share,
            profile.households,
        )
    ):
        number = round(profile.low_income_share / 100 * profile.households)
        return number, _("CBS: households with a low income")
    if slug == "mantelzorgers" and carer_share and adults(profile) is not None:
        return round(carer_share.value / 100 * adults(profile)), _("GGD share of carers × adults")
    return None, ""


@dataclass
class Cell:
    """One district and one target group."""

    district: Area
    group: TargetGroup
    residents: int | None = None
    residents_basis: str = ""
    share: Measurement | None = None
    share_is_district: bool = False
    activities: set = field(default_factory=set)
    free: set = field(default_factory=set)
    step_free: set = field(default_factory=set)
    evening_weekend: set = field(default_factory=set)
    partners: set = field(default_factory=set)
    signals: set = field(default_factory=set)
    referrals: set = field(default_factory=set)
    rank: int | None = None

    @property
    def people(self) -> str:
        return str(PEOPLE.get(self.group.slug, self.group.name.lower()))

    @property
    def lonely(self) -> int | None:
        """Estimated lonely residents, to the nearest 10 (the estimate is not more precise)."""
        if self.share is None or self.residents is None:
            return None
        exact = self.share.value / 100 * self.residents
        return round(exact) if exact < 10 else int(round(exact, -1))

    @property
    def signals_per_1000(self) -> float | None:
        """Only with 5 signals or more: a rate of fewer would give the count away."""
        if not self.residents or len(self.signals) < SMALL_COUNT:
            return None
        return round(1000 * len(self.signals) / self.residents, 1)

    @property
    def lonely_per_activity(self) -> float | None:
        """Without any activity every lonely resident is the gap: divided by 1."""
        if self.lonely is None:
            return None
        return round(self.lonely / max(len(self.activities), 1), 1)

    def measure(self, key: str):
        if key == "activities":
            return len(self.activities)
        return getattr(self, key)

    @property
    def sentence(self) -> str:
        values = {
            "district": self.district.name,
            "lonely": shown_count(self.lonely),
            "people": self.people,
            "count": len(self.activities),
        }
        if not self.activities:
            return (
                _(
                    "In %(district)s live an estimated %(lonely)s lonely %(people)s; there is no "
                    "activity for %(people)s yet."
                )
                % values
            )
        return (
            ngettext(
                "In %(district)s live an estimated %(lonely)s lonely %(people)s; there is "
                "%(count)s activity for %(people)s.",
                "In %(district)s live an estimated %(lonely)s lonely %(people)s; there are "
                "%(count)s activities for %(people)s.",
                len(self.activities),
            )
            % values
        )


@dataclass
class Quickscan:
    year: int
    districts: list[Area]
    groups: list[TargetGroup]
    cells: list[Cell]

    def for_district(self, district: Area) -> list[Cell]:
        return [cell for cell in self.cells if cell.district.id == district.id]

    def for_group(self, group: TargetGroup) -> list[Cell]:
        return [cell for cell in self.cells if cell.group.id == group.id]

    @property
    def gaps(self) -> list[Cell]:
        """Most estimated lonely residents per activity first; cells without need left out."""
        known = [cell for cell in self.cells if cell.lonely is not None]
        return sorted(known, key=lambda cell: (-cell.lonely_per_activity, -cell.lonely))


def latest_shares(measurements) -> dict[tuple[int, int, str], Measurement]:
    """(area, target group, indicator) → the latest figure, the preferred age band first."""

    def order(m):
        return (m.year, m.age_band in PREFERRED_BANDS, m.age_band == "18+")

    latest = {}
    for m in measurements:
        key = (m.area_id, m.target_group_id, m.indicator.code)
        if key not in latest or order(m) > order(latest[key]):
            latest[key] = m
    return latest


def quickscan(*, year: int, districts: list[Area] | None = None) -> Quickscan:
    """The quickscan of the given districts (all of the municipality by default) in a year."""
    if districts is None:
        districts = list(district_areas())
    groups = list(TargetGroup.objects.active())
    municipality_id = next((d.parent_id for d in districts if d.parent_id), None)
    shares = latest_shares(
        Measurement.objects.filter(
            Q(area__in=districts) | Q(area__code=settings.MUNICIPALITY_CODE),
            indicator__code__in=[LONELY, CARERS],
            year__lte=year,
        ).select_related("indicator", "area")
    )
    municipality_id = next(
        (m.area_id for m in shares.values() if m.area.code == settings.MUNICIPALITY_CODE),
        municipality_id,
    )
    profiles = AreaProfile.objects.filter(year__lte=year).latest_per_area(districts)
    adults_group = next((g for g in groups if g.slug == "volwassenen"), None)
    cells = {}
    for district in districts:
        carers = None
        if adults_group:
            carers = shares.get((district.id, adults_group.id, CARERS)) or shares.get(
                (municipality_id, adults_group.id, CARERS)
            )
        for group in groups:
            number, basis = residents(group.slug, profiles.get(district.id), carers)
            own = shares.get((district.id, group.id, LONELY))
            cells[district.id, group.id] = Cell(
                district=district,
                group=group,
                residents=number,
                residents_basis=basis,
                share=own or shares.get((municipality_id, group.id, LONELY)),
                share_is_district=own is not None,
            )
    count_supply(cells, districts, groups)
    count_reach(cells, districts, year)
    scan = Quickscan(year=year, districts=districts, groups=groups, cells=list(cells.values()))
    for number, cell in enumerate(scan.gaps, start=1):
        cell.rank = number
    return scan


def count_supply(cells: dict, districts: list[Area], groups: list[TargetGroup]) -> None:
    """Published activities for each group, in the district or for the whole municipality."""
    ids = [d.id for d in districts]
    rows = (
        Activity.objects.published()
        .filter(Q(district__in=ids) | Q(district__isnull=True) | Q(is_online=True))
        .filter(target_groups__in=groups)
        .values_list(
            "id",
            "district_id",
            "is_online",
            "is_free",
            "step_free",
            "start_time",
            "weekdays",
            "organisation_id",
            "target_groups",
        )
    )
    for pk, district_id, online, free, step_free, start, weekdays, organisation, group in rows:
        serves = ids if online or district_id is None else [district_id]
        late = (start is not None and start >= EVENING) or any(d in weekdays for d in WEEKEND)
        for served in serves:
            cell = cells.get((served, group))
            if cell is None:
                continue
            cell.activities.add(pk)
            cell.partners.add(organisation)
            for counted, holds in [(cell.free, free), (cell.step_free, step_free)]:
                if holds:
                    counted.add(pk)
            if late:
                cell.evening_weekend.add(pk)


def count_reach(cells: dict, districts: list[Area], year: int) -> None:
    """Signals received in the year, and their referrals, per district and target group."""
    signals = Signal.objects.filter(district__in=districts, created_at__year=year)
    for pk, district_id, group in signals.values_list("id", "district_id", "target_groups"):
        if (district_id, group) in cells:
            cells[district_id, group].signals.add(pk)
    referrals = Referral.objects.filter(signal__in=signals).values_list(
        "id", "signal__district_id", "signal__target_groups"
    )
    for pk, district_id, group in referrals:
        if (district_id, group) in cells:
            cells[district_id, group].referrals.add(pk)


def map_values(scan: Quickscan, group: TargetGroup, measure: str) -> dict[int, object]:
    """District id → the value of the chosen measure for the group (None: unknown)."""
    return {cell.district.id: cell.measure(measure) for cell in scan.for_group(group)}


DOWNLOAD_HEADER = [
    "wijkcode", "wijk", "doelgroep", "inwoners_in_groep", "geteld_als", "aandeel_eenzaam",
    "aandeel_ci_laag", "aandeel_ci_hoog", "aandeel_jaar", "aandeel_van", "geschat_eenzaam",
    "activiteiten", "gratis", "drempelvrij", "avond_of_weekend", "partners", "signalen",
    "signalen_per_1000", "doorverwijzingen", "eenzamen_per_activiteit", "rang",
]  # fmt: skip


def download_rows(scan: Quickscan):
    """Every column of the need, supply, reach and gaps tables; people under 5 as "<5"."""

    def people(number):
        return shown_count(number) if number is not None and number < SMALL_COUNT else number

    for cell in scan.cells:
        share = cell.share
        yield [
            cell.district.code,
            cell.district.name,
            cell.group.name,
            people(cell.residents),
            cell.residents_basis,
            share.value if share else None,
            share.ci_low if share else None,
            share.ci_high if share else None,
            share.year if share else None,
            (_("district") if cell.share_is_district else _("municipality")) if share else None,
            people(cell.lonely),
            len(cell.activities),
            len(cell.free),
            len(cell.step_free),
            len(cell.evening_weekend),
            len(cell.partners),
            people(len(cell.signals)),
            cell.signals_per_1000,
            people(len(cell.referrals)),
            cell.lonely_per_activity,
            cell.rank,
        ]
