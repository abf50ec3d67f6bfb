import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_area, make_measurement

pytestmark = pytest.mark.django_db


def national_series():
    """NL 18+ 2012–2022 with the intervals of tests/monitoring/test_trend.py."""
    country = make_area(code="NL01", name="Nederland", kind="country")
    for year, value, low, high in [
        (2012, 39.0, 38.82, 39.18),
        (2016, 43.0, 42.82, 43.18),
        (2020, 46.6, 46.44, 46.76),
        (2022, 48.6, 48.4, 48.8),
    ]:
        make_measurement(
            area=country,
            target_group="volwassenen",
            age_band="18+",
            year=year,
            value=value,
            ci_low=low,
            ci_high=high,
        )


def report(*args):
    out = StringIO()
    call_command("trend_report", *args, stdout=out)
    return out.getvalue()


def test_json_report_has_the_fixed_keys_and_verdict():
    national_series()

    rows = json.loads(report("--goal-year", "2022", "--json"))

    assert rows == [
        {
            "area_code": "NL01",
            "target_group": "volwassenen",
            "age_band": "18+",
            "indicator": "eenzaam",
            "instrument": "DJG-11",
            "goal_year": 2022,
            "projected": 48.551,
            "observed": 48.6,
            "difference": 0.049,
            "difference_ci_low": -0.232,
            "difference_ci_high": 0.33,
            "verdict": "no_trend_break",
        }
    ]


def test_text_report_explains_projection_difference_and_verdict_in_dutch():
    national_series()

    out = report("--goal-year", "2022")

    assert out == (
        "NL01 · volwassenen · 18+ · eenzaam · DJG-11: verwacht 48,6 % in 2022, gemeten 48,6 %, "
        "verschil +0,05 (95%-interval -0,23 tot +0,33): Geen trendbreuk\n"
    )


def test_report_without_goal_year_wave_is_not_assessable():
    national_series()

    out = report()

    assert out == (
        "NL01 · volwassenen · 18+ · eenzaam · DJG-11: "
        "Niet te beoordelen (nog geen meting in het doeljaar)\n"
    )


def test_report_filters_on_area():
    national_series()
    make_measurement(year=2024, value=50.0)

    rows = json.loads(report("--area", "GM1916", "--json"))

    assert [row["area_code"] for row in rows] == ["GM1916"]
    assert rows[0]["verdict"] == "not_assessable"


def test_report_with_chosen_baseline_waves():
    national_series()

    rows = json.loads(report("--goal-year", "2022", "--baseline", "2012", "2016", "--json"))

    # 39 → 43: one point per year, so 2022 is projected at 43 + 6 = 49.
    assert rows[0]["projected"] == 49.0


def test_report_with_no_data_says_how_to_import():
    assert report() == (
        "Nog geen metingen. Lees ze in met: manage.py import_indicators BESTAND.csv\n"
    )


@pytest.mark.parametrize("areas", [1, 6])
def test_report_uses_one_query_whatever_the_number_of_series(areas, django_assert_num_queries):
    for n in range(areas):
        area = make_area(code=f"WK1916{n:02d}", name=f"Wijk {n}")
        for group in ["ouderen", "jongeren"]:
            for year in [2016, 2020, 2024]:
                make_measurement(area=area, target_group=group, year=year, sample_size=400)

    with django_assert_num_queries(1):
        rows = json.loads(report("--json"))

    assert len(rows) == areas * 2


def test_series_of_target_groups_with_the_same_order_stay_apart():
    from coalition.models import TargetGroup

    TargetGroup.objects.update(order=0)
    for year in [2016, 2020, 2024]:
        for group in ["ouderen", "jongeren"]:
            make_measurement(target_group=group, year=year, sample_size=400)

    rows = json.loads(report("--json"))

    assert sorted(row["target_group"] for row in rows) == ["jongeren", "ouderen"]
