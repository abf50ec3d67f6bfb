import pytest
from django.urls import reverse

from tests.factories import make_measurement

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(resident):
    response = resident.get(reverse("monitoring:report"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_partner_may_not_see_the_report(partner_client):
    assert partner_client.get(reverse("monitoring:report")).status_code == 403


def test_report_has_the_municipality_verdicts_and_sources(coordinator_client):
    for year, value in {2012: 40, 2016: 44, 2020: 48, 2024: 46}.items():
        make_measurement(year=year, value=value, ci_low=value - 2, ci_high=value + 2)

    response = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Eenzaamheid in Leidschendam-Voorburg: jaarrapport 2024" in html
    assert "Trendbreuk aangetoond" in html
    assert "46,0 % (2024, 65+)" in html
    assert "<li>GGD Haaglanden, Gezondheidsmonitor</li>" in html
    assert 'href="/static/monitoring/report-print.css" media="print"' in html


def test_report_of_an_earlier_year_leaves_later_figures_out(coordinator_client):
    for year, value in {2016: 44, 2020: 48, 2024: 46}.items():
        make_measurement(year=year, value=value, ci_low=value - 2, ci_high=value + 2)

    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2020}).content.decode()

    assert "48,0 % (2020, 65+)" in html
    assert "46,0 %" not in html
    assert "nog geen meting in het doeljaar" in html


def test_report_with_a_bad_year_shows_a_dutch_error(coordinator_client):
    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": "1800"}).content.decode()

    assert "Zorg ervoor dat deze waarde minstens 2000 is." in html


@pytest.mark.parametrize("waves", [1, 6])
def test_report_uses_a_fixed_number_of_queries(
    coordinator_client, waves, django_assert_max_num_queries
):
    for group in ["ouderen", "jongeren", "volwassenen"]:
        for indicator in ["eenzaam", "sociaal_eenzaam"]:
            for n in range(waves):
                make_measurement(target_group=group, indicator=indicator, year=2012 + 2 * n)

    with django_assert_max_num_queries(39):  # own figures, agenda, quickscan, "Mijn werk"
        response = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024})

    assert response.status_code == 200
