import pytest
from django.urls import reverse

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


def test_anonymous_is_sent_to_login(resident):
    response = resident.get(reverse("monitoring:neighbourhoods"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_partner_may_not_see_the_neighbourhood_view(partner_client):
    assert partner_client.get(reverse("monitoring:neighbourhoods")).status_code == 403


def test_districts_are_ranked_by_estimated_lonely_residents(coordinator_client):
    district("WK191601", "Voorburg-Noord", lonely=40.0, inhabitants=10_000)
    district("WK191602", "Voorburg-West", lonely=50.0, inhabitants=4_000)
    district("WK191603", "Stompwijk")

    response = coordinator_client.get(reverse("monitoring:neighbourhoods"), {"jaar": 2024})

    html = response.content.decode()
    assert response.status_code == 200
    assert "modelschattingen van het RIVM" in html
    order = [html.index(name) for name in ["Voorburg-Noord", "Voorburg-West", "Stompwijk"]]
    assert order == sorted(order)
    assert "<td>4.000</td>" in html  # 40 % of 10,000
    assert "<td>2.000</td>" in html  # 50 % of 4,000
    assert "<td>25 %</td>" in html  # share 65+


def test_figures_after_the_chosen_year_are_left_out(coordinator_client):
    district("WK191601", "Voorburg-Noord", lonely=40.0, inhabitants=10_000)

    html = coordinator_client.get(reverse("monitoring:neighbourhoods"), {"jaar": 2022}).content
    assert "40,0 %" not in html.decode()


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


@pytest.mark.parametrize("districts", [1, 12])
def test_neighbourhood_view_uses_a_fixed_number_of_queries(
    coordinator_client, districts, django_assert_max_num_queries
):
    for n in range(1, districts + 1):
        district(f"WK1916{n:02d}", f"Wijk {n}", lonely=40.0 + n, inhabitants=1000 * n)

    with django_assert_max_num_queries(11):  # with the coalition counts
        response = coordinator_client.get(reverse("monitoring:neighbourhoods"))

    assert response.content.decode().count('<th scope="row">') == districts
