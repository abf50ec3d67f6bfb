import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import make_area, make_measurement, target_group

pytestmark = pytest.mark.django_db


def make_series(values, *, group="ouderen", indicator="eenzaam", age_band="65+", area=None, half=2):
    """Waves {year: value} with a 95 % interval of ± half."""
    extra = {"area": area} if area else {}
    return [
        make_measurement(
            target_group=group,
            indicator=indicator,
            age_band=age_band,
            year=year,
            value=value,
            ci_low=value - half,
            ci_high=value + half,
            source=f"GGD Gezondheidsmonitor {year}",
            **extra,
        )
        for year, value in values.items()
    ]


def text(response):
    return response.content.decode()


def test_empty_dashboard_explains_what_to_import_and_how(resident):
    response = resident.get(reverse("monitoring:dashboard"))

    html = text(response)
    assert response.status_code == 200
    assert "Nog geen cijfers" in html
    assert "python manage.py import_indicators BESTAND.csv" in html
    assert "area_code,target_group,age_band,indicator,year,value,ci_low,ci_high" in html


def test_card_shows_latest_figure_interval_change_and_verdict(resident):
    # 40, 44, 48 → expected 52 in 2024; 46 measured with ± 2: D = −6, clearly below.
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})

    html = text(resident.get(reverse("monitoring:dashboard")))

    assert "46,0 %" in html
    assert "95%-interval: 44,0 tot 48,0 %" in html
    assert "Verschil met 2020: -2,0 procentpunt" in html
    assert '<span class="verdict-icon" aria-hidden="true">✓</span>' in html
    assert "Trendbreuk aangetoond" in html
    assert 'id="spark-ouderen"' in html


def test_card_without_goal_wave_says_no_measurement_yet(resident):
    make_series({2016: 40, 2020: 44, 2022: 45})

    html = text(resident.get(reverse("monitoring:dashboard")))

    assert "nog geen meting 2024" in html
    assert "Verschil met 2020: +1,0 procentpunt" in html
    assert "Niet te beoordelen" in html
    assert "nog geen meting in het doeljaar" in html


def test_indicator_switch_by_query_string(resident):
    make_series({2020: 48, 2024: 46})
    make_series({2020: 9.5, 2024: 12.5}, indicator="ernstig_eenzaam")

    html = text(resident.get(reverse("monitoring:dashboard"), {"indicator": "ernstig_eenzaam"}))

    assert "12,5 %" in html
    assert "46,0 %" not in html
    assert (
        '<a href="?indicator=ernstig_eenzaam" aria-current="true">(Zeer) ernstig eenzaam</a>'
        in html
    )


def test_unknown_indicator_falls_back_to_lonely(resident):
    make_series({2020: 48, 2024: 46})

    html = text(resident.get(reverse("monitoring:dashboard"), {"indicator": "niets"}))

    assert '<a href="?indicator=eenzaam" aria-current="true">Eenzaam</a>' in html


def test_dashboard_shows_only_the_municipality_not_references(resident):
    make_series({2020: 30, 2024: 33}, area=make_area(code="NL01", name="Nederland", kind="country"))

    html = text(resident.get(reverse("monitoring:dashboard")))

    assert "Nog geen cijfers" in html


@pytest.mark.parametrize("waves", [1, 8])
def test_dashboard_uses_a_fixed_number_of_queries(resident, waves, django_assert_max_num_queries):
    for group in ["ouderen", "jongeren", "mantelzorgers", "moeilijk-rondkomen", "volwassenen"]:
        for indicator in ["eenzaam", "ernstig_eenzaam", "sociaal_eenzaam"]:
            make_series(
                {2010 + 2 * n: 30 + n for n in range(waves)}, group=group, indicator=indicator
            )

    with django_assert_max_num_queries(3):
        response = resident.get(reverse("monitoring:dashboard"))

    assert text(response).count('class="card-plain monitor-card"') == 5


def test_detail_shows_chart_data_table_references_and_method(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})
    country = make_area(code="NL01", name="Nederland", kind="country")
    make_series({2016: 41, 2020: 45, 2024: 47}, area=country, half=0.3)

    response = resident.get(reverse("monitoring:group", args=["ouderen"]))

    html = text(response)
    assert response.status_code == 200
    assert "<h1>Eenzaam: Ouderen</h1>" in html
    assert "Verwacht in 2024 als de stijging was doorgegaan: 52,0 %" in html
    assert "Gemeten in 2024: 46,0 %" in html
    assert "<td>Nederland</td>" in html
    assert "<td>GGD Gezondheidsmonitor 2016</td>" in html
    assert "Hoe we dit beoordelen" in html
    figure = json.loads(
        html.split('<script id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    names = [trace.get("name") for trace in figure["data"]]
    assert names == [
        "95%-band rond de verwachte waarde",
        "Trend van de eerdere metingen",
        "Verwacht als de trend doorging",
        "Nederland",
        "Leidschendam-Voorburg",
    ]
    assert figure["data"][2]["line"]["dash"] == "dash"


def test_detail_shows_the_verdict_without_the_corona_year_as_a_check(resident):
    # With 2020 (60) the trend expects 68 in 2024: 49 is far below it → trend break. Without
    # 2020 the trend (40 → 44) expects 52 ± 3.6: 49 is below it but not significantly.
    make_series({2012: 40, 2016: 44, 2020: 60, 2024: 49}, half=1)

    html = text(resident.get(reverse("monitoring:group", args=["ouderen"])))

    assert "Verwacht in 2024 als de stijging was doorgegaan: 68,0 %" in html
    assert "Trendbreuk aangetoond" in html
    assert "Ter controle hebben we de trend ook zonder 2020 getekend. Het oordeel is dan:" in html
    assert "<strong>Stijging afgevlakt, niet significant</strong>" in html


def test_detail_baseline_choice_changes_the_projection(resident):
    make_series({2012: 40, 2016: 44, 2020: 60, 2024: 49})

    html = text(
        resident.get(reverse("monitoring:group", args=["ouderen"]), {"baseline": [2012, 2016]})
    )

    # 2012 and 2016 only: one point per year → 52 in 2024.
    assert "Verwacht in 2024 als de stijging was doorgegaan: 52,0 %" in html
    assert 'value="2020" id="baseline-2020">' in html
    assert 'value="2012" id="baseline-2012" checked>' in html


def test_detail_with_one_wave_shows_the_point_and_cannot_be_judged(resident):
    make_series({2024: 46})

    html = text(resident.get(reverse("monitoring:group", args=["ouderen"])))

    assert "<td>46,0 %</td>" in html
    assert "Niet te beoordelen" in html


def test_detail_age_band_switch(resident):
    make_series({2020: 48, 2024: 46}, age_band="65+")
    make_series({2020: 55, 2024: 57}, age_band="75+")

    html = text(resident.get(reverse("monitoring:group", args=["ouderen"]), {"age_band": "75+"}))

    assert "<td>57,0 %</td>" in html
    assert "<td>46,0 %</td>" not in html


def test_detail_of_unknown_group_is_404(resident):
    assert resident.get(reverse("monitoring:group", args=["katten"])).status_code == 404


@pytest.mark.parametrize("waves", [1, 8])
def test_detail_uses_a_fixed_number_of_queries(resident, waves, django_assert_max_num_queries):
    country = make_area(code="NL01", name="Nederland", kind="country")
    for area in [None, country]:
        for band in ["65+", "75+"]:
            make_series({2010 + 2 * n: 30 + n for n in range(waves)}, age_band=band, area=area)

    with django_assert_max_num_queries(3):
        response = resident.get(reverse("monitoring:group", args=["ouderen"]))

    assert response.status_code == 200


def test_measurements_export_can_be_imported_again(resident):
    make_series({2020: 48, 2024: 46})

    response = resident.get(reverse("monitoring:export_measurements"))

    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:3] == ["area_code", "target_group", "age_band"]
    assert rows[1] == [
        "GM1916", "ouderen", "65+", "eenzaam", "2020", "48.0", "46.0", "50.0", "", "DJG-11",
        "GGD Gezondheidsmonitor 2020",
    ]  # fmt: skip


def test_verdicts_export_lists_every_series(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})
    make_series({2024: 20}, group="jongeren", age_band="18-26")

    response = resident.get(reverse("monitoring:export_verdicts"))

    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert [(row["target_group"], row["verdict"]) for row in rows] == [
        ("ouderen", "trend_broken"),
        ("jongeren", "not_assessable"),
    ]
    assert rows[0]["projected"] == "52.0"


def test_inactive_target_group_has_no_card(resident):
    group = target_group("jongeren")
    group.is_active = False
    group.save()
    make_series({2020: 48})

    html = text(resident.get(reverse("monitoring:dashboard")))

    assert '<h2 id="card-jongeren">' not in html
    assert '<h2 id="card-ouderen">Ouderen</h2>' in html


def test_dashboard_in_english(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})
    resident.post(reverse("set_language"), {"language": "en", "next": "/monitor/"})

    html = text(resident.get(reverse("monitoring:dashboard")))

    assert "Monitor: loneliness per target group" in html
    assert "Trend break shown" in html


def test_dashboard_card_shows_region_and_country_of_the_same_wave(resident):
    # Issue 15, part 2: the municipality next to the GGD region and the Netherlands.
    make_series({2020: 44.0, 2024: 46.0})
    region = make_area(code="GG3230", name="GGD Haaglanden", kind="region")
    country = make_area(code="NL01", name="Nederland", kind="country")
    make_series({2024: 47.5}, area=region, half=1.5)
    make_series({2022: 49.0, 2024: 48.0}, area=country, half=0.5)
    make_series({2024: 30.0}, area=country, age_band="18+", group="volwassenen")

    response = resident.get(reverse("monitoring:dashboard"))

    card = next(c for c in response.context["cards"] if c.target_group.slug == "ouderen")
    assert [(m.area.name, m.year, m.value) for m in card.references] == [
        ("GGD Haaglanden", 2024, 47.5),
        ("Nederland", 2024, 48.0),
    ]
    html = response.content.decode()
    assert "Ter vergelijking, ook in 2024:" in html
    assert "<li>GGD Haaglanden: 47,5 % (46,0 – 49,0)</li>" in html
    assert "<li>Nederland: 48,0 % (47,5 – 48,5)</li>" in html
