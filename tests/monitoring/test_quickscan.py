"""The quickscan per district and target group (issue 15): need, supply, reach and gaps on a
small known world, the "<5" rule, the Dutch sentences, downloads and query counts."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from coalition.models import Area
from monitoring import quickscan
from monitoring.cache import figures_changed
from monitoring.models import AreaProfile, DistrictBoundary
from network.models import Activity
from tests.conftest import built_once
from tests.factories import (
    make_activity,
    make_area,
    make_measurement,
    make_referral,
    make_signal,
    target_group,
)

pytestmark = pytest.mark.django_db

YEAR = 2026


def received(district, groups, n=1):
    moment = timezone.make_aware(datetime.datetime(YEAR, 3, 2, 10))
    return [
        make_signal(district=district, target_groups=groups, created_at=moment) for _ in range(n)
    ]


@pytest.fixture
def stompwijk():
    """Stompwijk: 2,000 inhabitants, 820 aged 65+, 50 % of them lonely (RIVM district
    estimate); the municipality's figures for young people and carers."""
    area = make_area(code="WK191608", name="Stompwijk")
    AreaProfile.objects.create(
        area=area,
        year=2024,
        inhabitants=2000,
        aged_0_14=300,
        aged_15_24=200,
        aged_65_plus=820,
        households=900,
        low_income_share=10.0,
    )
    make_measurement(area=area, target_group="ouderen", age_band="65+", year=2024, value=50.0)
    make_measurement(target_group="jongeren", age_band="18-25", year=2024, value=40.0)
    make_measurement(
        target_group="volwassenen", indicator="mantelzorger", age_band="18+", year=2024, value=15
    )
    return area


def cell(scan, area, slug):
    return next(c for c in scan.for_district(area) if c.group.slug == slug)


def test_need_counts_residents_and_estimated_lonely_per_group(stompwijk):
    scan = quickscan.quickscan(year=YEAR)

    older, young = cell(scan, stompwijk, "ouderen"), cell(scan, stompwijk, "jongeren")
    carers = cell(scan, stompwijk, "mantelzorgers")
    assert (older.residents, older.lonely, older.share_is_district) == (820, 410, True)
    assert (young.residents, young.lonely, young.share_is_district) == (200, 80, False)
    # Adults: 2000 - 300 - 0.3 × 200 = 1640; carers 15 % of them.
    assert cell(scan, stompwijk, "volwassenen").residents == 1640
    assert (carers.residents, carers.residents_basis) == (
        246,
        "GGD-aandeel mantelzorgers × volwassenen",
    )
    assert cell(scan, stompwijk, "moeilijk-rondkomen").residents == 90  # 10 % of 900 households
    assert carers.lonely is None  # no loneliness figure for carers anywhere


def test_supply_counts_published_activities_in_or_serving_the_district(stompwijk):
    older = [target_group("ouderen")]
    elsewhere = make_area(code="WK191601", name="Voorburg-Noord")
    make_activity(district=stompwijk, target_groups=older, weekdays="SA", step_free=True)
    make_activity(district=stompwijk, target_groups=older, is_free=False, price=3)
    make_activity(district=None, target_groups=older, start_time="19:30")
    make_activity(district=elsewhere, target_groups=older, is_online=True)
    make_activity(district=elsewhere, target_groups=older)
    make_activity(
        district=stompwijk, target_groups=older, publication_state=Activity.Publication.PENDING
    )
    make_activity(district=stompwijk, target_groups=[target_group("jongeren")])

    found = cell(quickscan.quickscan(year=YEAR), stompwijk, "ouderen")

    assert [
        len(found.activities),
        len(found.free),
        len(found.step_free),
        len(found.evening_weekend),
        len(found.partners),
    ] == [4, 3, 1, 2, 4]


def test_reach_counts_signals_per_1000_and_referrals_of_the_year(stompwijk):
    older = [target_group("ouderen")]
    signals = received(stompwijk, older, n=6)
    make_referral(signal=signals[0])
    make_signal(
        district=stompwijk, target_groups=older, created_at=timezone.now().replace(year=2025)
    )

    found = cell(quickscan.quickscan(year=YEAR), stompwijk, "ouderen")

    assert (len(found.signals), found.signals_per_1000, len(found.referrals)) == (6, 7.3, 1)


def test_fewer_than_five_signals_show_no_rate(stompwijk):
    received(stompwijk, [target_group("ouderen")], n=4)

    found = cell(quickscan.quickscan(year=YEAR), stompwijk, "ouderen")

    assert (len(found.signals), found.signals_per_1000) == (4, None)


def test_counts_of_people_under_five_are_shown_as_less_than_five():
    assert [quickscan.shown_count(n) for n in [None, 0, 1, 4, 5, 1640]] == [
        "",
        "0",
        "<5",
        "<5",
        "5",
        "1.640",
    ]


def test_gap_sentences_are_dutch_with_singular_and_plural(stompwijk):
    older = [target_group("ouderen")]
    make_activity(district=stompwijk, target_groups=older)

    sentence = cell(quickscan.quickscan(year=YEAR), stompwijk, "ouderen").sentence
    make_activity(district=stompwijk, target_groups=older)
    plural = cell(quickscan.quickscan(year=YEAR), stompwijk, "ouderen").sentence
    none = cell(quickscan.quickscan(year=YEAR), stompwijk, "jongeren").sentence

    assert (
        sentence
        == "In Stompwijk wonen naar schatting 410 eenzame ouderen; er is 1 activiteit voor ouderen."
    )
    assert (
        plural
        == "In Stompwijk wonen naar schatting 410 eenzame ouderen; er zijn 2 activiteiten voor "
        "ouderen."
    )
    assert (
        none == "In Stompwijk wonen naar schatting 80 eenzame jongeren; er is nog geen activiteit "
        "voor jongeren."
    )


def test_gaps_rank_lonely_residents_per_activity(stompwijk):
    make_activity(district=stompwijk, target_groups=[target_group("ouderen")])
    make_activity(district=stompwijk, target_groups=[target_group("ouderen")])

    gaps = quickscan.quickscan(year=YEAR).gaps

    # Older people: 410 / 2 = 205 per activity; young people: 80 without any activity.
    assert [(g.group.slug, g.lonely_per_activity, g.rank) for g in gaps] == [
        ("ouderen", 205.0, 1),
        ("jongeren", 80.0, 2),
    ]


def test_overview_shows_the_tables_and_a_district_without_boundaries(coordinator_client, stompwijk):
    make_activity(district=stompwijk, target_groups=[target_group("ouderen")])
    received(stompwijk, [target_group("ouderen")], n=2)

    response = coordinator_client.get(reverse("monitoring:districts"), {"jaar": YEAR})

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "In Stompwijk wonen naar schatting 410 eenzame ouderen; er is 1 activiteit voor ouderen."
        in html
    )
    assert "schatting voor de wijk" in html and "cijfer van de gemeente" in html
    assert "<td>&lt;5</td>" in html  # 2 signals
    assert "Er zijn nog geen wijkgrenzen, dus er is geen kaart." in html
    assert 'id="district-map-data"' not in html
    rows = [district.name for district, _value in response.context["map_rows"]]
    assert rows == ["Stompwijk"]


def test_overview_passes_the_map_as_data_with_a_link_per_district(coordinator_client, stompwijk):
    ring = [[4.4, 52.1], [4.5, 52.1], [4.5, 52.2], [4.4, 52.1]]
    geometry = {"type": "Polygon", "coordinates": [ring]}
    DistrictBoundary.objects.create(area=stompwijk, geometry=json.dumps(geometry))

    response = coordinator_client.get(
        reverse("monitoring:districts"),
        {"jaar": YEAR, "kaart": "activities", "doelgroep": "ouderen"},
    )

    assert response.context["map"] == {
        "measure": "Activiteiten voor de groep",
        "districts": [
            {
                "code": "WK191608",
                "name": "Stompwijk",
                "url": "/monitor/wijken/WK191608/",
                "value": 0,
                "geometry": geometry,
            }
        ],
    }
    assert 'id="district-map-data"' in response.content.decode()


def test_district_page_compares_with_municipality_region_and_country(coordinator_client, stompwijk):
    region = make_area(code="GG3230", name="GGD Haaglanden", kind=Area.Kind.REGION)
    country = make_area(code="NL01", name="Nederland", kind=Area.Kind.COUNTRY)
    for area, value in [(None, 48.0), (region, 47.0), (country, 46.0)]:
        where = {"area": area} if area else {}
        make_measurement(
            target_group="ouderen",
            age_band="65+",
            year=2024,
            value=value,
            ci_low=value - 2,
            ci_high=value + 2,
            **where,
        )
    make_measurement(area=country, target_group="ouderen", age_band="65+", year=2022, value=44.0)

    response = coordinator_client.get(
        reverse("monitoring:district", args=["WK191608"]), {"jaar": YEAR}
    )

    columns = [a.name for a in response.context["columns"]]
    older = next(r for r in response.context["comparisons"] if r.target_group.slug == "ouderen")
    assert columns == ["Stompwijk", "Leidschendam-Voorburg", "GGD Haaglanden", "Nederland"]
    assert [(m.year, m.value) for _area, m in older.figures] == [
        (2024, 50.0),
        (2024, 48.0),
        (2024, 47.0),
        (2024, 46.0),
    ]
    assert "Vergeleken met de gemeente, de regio en Nederland" in response.content.decode()


def test_district_page_is_404_for_an_unknown_or_foreign_code(coordinator_client, stompwijk):
    make_area(code="WK059901", name="Rotterdam Centrum")

    for code in ["WK191699", "WK059901", "GM1916"]:
        assert (
            coordinator_client.get(reverse("monitoring:district", args=[code])).status_code == 404
        )


def test_partner_may_not_see_the_quickscan(partner_client, stompwijk):
    assert partner_client.get(reverse("monitoring:districts")).status_code == 403
    assert partner_client.get(reverse("monitoring:district", args=["WK191608"])).status_code == 403


def test_downloads_hold_every_column_with_small_counts_hidden(coordinator_client, stompwijk):
    received(stompwijk, [target_group("ouderen")], n=3)

    body = b"".join(coordinator_client.get(reverse("monitoring:districts_csv"), {"jaar": YEAR}))
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    sheet = load_workbook(
        io.BytesIO(
            coordinator_client.get(
                reverse("monitoring:district_xlsx", args=["WK191608"]), {"jaar": YEAR}
            ).content
        )
    ).active
    older = dict(zip(header, next(r for r in rows if r[2] == "Ouderen"), strict=True))

    assert header == quickscan.DOWNLOAD_HEADER
    assert [c.value for c in next(sheet.iter_rows())] == quickscan.DOWNLOAD_HEADER
    assert len(rows) == 5  # one per target group
    assert (older["inwoners_in_groep"], older["geschat_eenzaam"], older["signalen"]) == (
        "820",
        "410",
        "<5",
    )
    assert older["aandeel_van"] == "wijk"


def world(size):
    districts = [make_area(code=f"WK1916{n:02d}", name=f"Wijk {n}") for n in range(1, 4)]
    older = [target_group("ouderen"), target_group("jongeren")]
    for n in range(size):
        district = districts[n % 3]
        make_measurement(
            area=district, target_group="ouderen", age_band="65+", year=2000 + n, value=40
        )
        make_activity(district=district, target_groups=older)
        make_referral(signal=received(district, older)[0])
        ring = [[4.4, 52.1], [4.5, 52.1], [4.5, 52.2], [4.4, 52.1]]
        DistrictBoundary.objects.update_or_create(
            area=district,
            defaults={"geometry": json.dumps({"type": "Polygon", "coordinates": [ring]})},
        )
    return districts


PAGES = ["overview", "district", "download"]


def page_url(page, district):
    return {
        "overview": reverse("monitoring:districts"),
        "district": reverse("monitoring:district", args=[district.code]),
        "download": reverse("monitoring:districts_xlsx"),
    }[page]


def assert_fixed_number_of_queries(client, django_assert_num_queries, district, page):
    url = page_url(page, district)
    client.get(url)  # the session and the second step are read once
    figures_changed()  # a new version: the next request builds the quickscan

    expected = {"overview": 12, "district": 12, "download": 11}[page]
    with django_assert_num_queries(expected):
        response = client.get(url, {"jaar": YEAR})
    assert response.status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_quickscan_pages_use_a_fixed_number_of_queries_with_few_rows(
    coordinator_client, django_assert_num_queries, page
):
    district = world(1)[0]
    assert_fixed_number_of_queries(coordinator_client, django_assert_num_queries, district, page)


class TestManyRows:
    """The quickscan of 30 rows of each kind: the world is built once for these tests and each
    test is rolled back to it (``built_once``); the version caches start empty in every test."""

    @pytest.fixture(scope="class")
    def many(self, django_db_setup, django_db_blocker):
        with built_once(django_db_blocker):
            yield world(30)[0]

    @pytest.mark.parametrize("page", PAGES)
    def test_quickscan_pages_use_a_fixed_number_of_queries_with_many_rows(
        self, many, coordinator_client, django_assert_num_queries, page
    ):
        assert_fixed_number_of_queries(coordinator_client, django_assert_num_queries, many, page)

    @pytest.mark.parametrize("page", PAGES)
    def test_quickscan_pages_are_built_once_per_version(
        self, many, coordinator_client, django_assert_max_num_queries, page
    ):
        url = page_url(page, many)
        coordinator_client.get(url, {"jaar": YEAR})

        # Session, user, permissions, the versions, the boundaries or the comparison: the
        # quickscan itself is not counted again.
        with django_assert_max_num_queries({"overview": 9, "district": 11, "download": 7}[page]):
            response = coordinator_client.get(url, {"jaar": YEAR})
        assert response.status_code == 200


def district_row(client, district, group) -> dict:
    url = reverse("monitoring:district_csv", args=[district.code])
    response = client.get(url, {"jaar": YEAR})
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    return next(row for row in rows if row["doelgroep"] == group.name)


def test_the_cached_quickscan_counts_new_signals_at_once(coordinator_client):
    district = world(3)[0]
    older = target_group("ouderen")
    before = district_row(coordinator_client, district, older)

    received(district, [older], n=10)
    after = district_row(coordinator_client, district, older)

    assert (before["signalen"], after["signalen"]) == ("<5", "11")


def test_the_cached_quickscan_counts_a_new_activity_at_once(coordinator_client):
    district = world(3)[0]
    older = target_group("ouderen")
    before = district_row(coordinator_client, district, older)

    make_activity(district=district, target_groups=[older])
    after = district_row(coordinator_client, district, older)

    assert (before["activiteiten"], after["activiteiten"]) == ("1", "2")


def test_the_share_of_carers_stays_off_the_trend_pages(resident):
    make_measurement(
        target_group="volwassenen", indicator="mantelzorger", age_band="18+", year=2024, value=15
    )

    html = resident.get(reverse("monitoring:dashboard")).content.decode()
    verdicts = resident.get(reverse("monitoring:export_verdicts")).getvalue().decode()

    assert "(Zeer) ernstig eenzaam" in html
    assert "Mantelzorger" not in html
    assert "mantelzorger" not in verdicts
