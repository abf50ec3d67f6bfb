import pytest

from monitoring import neighbourhoods
from monitoring.models import AreaProfile
from tests.factories import make_area, make_measurement

pytestmark = pytest.mark.django_db


def district(code, name, *, lonely=None, inhabitants=None):
    area = make_area(code=code, name=name)
    if lonely is not None:
        make_measurement(
            area=area,
            target_group="volwassenen",
            age_band="18+",
            year=2024,
            value=lonely,
            ci_low=lonely - 4,
            ci_high=lonely + 4,
            source="RIVM 50150NED",
        )
    if inhabitants is not None:
        AreaProfile.objects.create(
            area=area,
            year=2024,
            inhabitants=inhabitants,
            aged_65_plus=inhabitants // 4,
            households=inhabitants // 2,
            one_person_households=inhabitants // 5,
            income_per_inhabitant=31.4,
        )
    return area


# The district table of the annual report (``neighbourhoods.district_rows``); the quickscan
# at /monitor/wijken/ has its own tests (test_quickscan.py).


def test_districts_are_ranked_by_estimated_lonely_residents():
    district("WK191601", "Voorburg-Noord", lonely=40.0, inhabitants=10_000)
    district("WK191602", "Voorburg-West", lonely=50.0, inhabitants=4_000)
    district("WK191603", "Stompwijk")

    rows = neighbourhoods.district_rows(year=2024)

    assert [(r.area.name, r.estimated_lonely) for r in rows] == [
        ("Voorburg-Noord", 4000),
        ("Voorburg-West", 2000),
        ("Stompwijk", None),
    ]
    assert rows[0].profile.share_65_plus == 25


def test_figures_after_the_chosen_year_are_left_out():
    district("WK191601", "Voorburg-Noord", lonely=40.0, inhabitants=10_000)

    assert neighbourhoods.district_rows(year=2022)[0].lonely_share is None


def test_small_counts_are_hidden():
    assert [neighbourhoods.shown_count(n) for n in [None, 0, 1, 4, 5, 12]] == [
        "",
        "0",
        "<5",
        "<5",
        "5",
        "12",
    ]


def test_coalition_counts_rank_need_against_supply(monkeypatch):
    district("WK191601", "Voorburg-Noord", lonely=40.0, inhabitants=10_000)
    district("WK191602", "Voorburg-West", lonely=50.0, inhabitants=4_000)
    source = neighbourhoods.CountSource(
        key="activities",
        label="Activiteiten",
        count=lambda codes, year: {"WK191601": 9, "WK191602": 3},
        is_supply=True,
    )
    monkeypatch.setattr(neighbourhoods, "COALITION_COUNTS", [source])

    rows = neighbourhoods.district_rows(year=2024)

    # 4000 / (9 + 1) = 400 against 2000 / (3 + 1) = 500: Voorburg-West has the bigger gap.
    assert [(row.area.code, row.rank, row.shown_counts) for row in rows] == [
        ("WK191602", 1, ["<5"]),
        ("WK191601", 2, ["9"]),
    ]
