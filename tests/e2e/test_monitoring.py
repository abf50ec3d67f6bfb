from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_figures(transactional_db):
    # An earlier transactional test empties every table: put back what the data migrations
    # made (groups, target groups, indicators) when it is missing. Both steps are idempotent.
    if not Group.objects.exists():
        for module in [
            "coalition.migrations.0002_roles_and_target_groups",
            "monitoring.migrations.0002_seed_indicators_and_roles",
        ]:
            migration = import_module(module)
            for operation in migration.Migration.operations:
                operation.code(apps, None)
    call_command("seed_demo", stdout=StringIO())


def collect_csp_errors(page) -> list[str]:
    """CSP violations and script errors: plotly must draw under our strict CSP."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_dashboard_draws_charts_switches_indicator_and_is_accessible(
    page, live_server, demo_figures
):
    errors = collect_csp_errors(page)
    page.goto(live_server.url + "/monitor/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor: eenzaamheid per doelgroep")
    expect(page.locator(".sparkline.chart-drawn")).to_have_count(5)
    expect(page.locator("#card-ouderen")).to_have_text("Ouderen")
    page.screenshot(path="/tmp/monitoring-dashboard.png", full_page=True)
    assert_accessible(page)

    page.get_by_role("link", name="(Zeer) ernstig eenzaam").click()

    expect(page).to_have_url(live_server.url + "/monitor/?indicator=ernstig_eenzaam")
    expect(page.get_by_role("link", name="(Zeer) ernstig eenzaam")).to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator(".sparkline.chart-drawn")).to_have_count(5)
    assert errors == []


def test_detail_page_draws_the_trend_chart_and_is_accessible(page, live_server, demo_figures):
    errors = collect_csp_errors(page)
    page.goto(live_server.url + "/monitor/")

    page.get_by_role("link", name="Details voor Ouderen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Eenzaam: Ouderen")
    chart = page.locator(".chart.chart-drawn")
    expect(chart).to_have_count(1)
    expect(chart.locator("g.trace")).not_to_have_count(0)
    expect(page.get_by_text("Trendbreuk aangetoond").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sociaal eenzaam").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sociaal eenzaam: Ouderen")
    expect(page.locator(".chart.chart-drawn")).to_have_count(1)
    page.screenshot(path="/tmp/monitoring-detail.png", full_page=True)
    assert errors == []


def test_coordinator_pages_are_accessible(page, live_server, demo_figures):
    # seed_demo made the demo coordinator (coordinator@example.org, with an authenticator).
    log_in(page, live_server, User.objects.get(username="coordinator@example.org"))

    # The quickscan at /monitor/wijken/ has its own browser tests (test_quickscan.py).
    page.goto(live_server.url + "/monitor/rapport/?jaar=2024")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Eenzaamheid in Leidschendam-Voorburg: jaarrapport 2024"
    )
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    page.screenshot(path="/tmp/monitoring-report-print.png", full_page=True)

    page.emulate_media(media="screen")
    page.goto(live_server.url + "/monitor/inlezen/")
    expect(page.get_by_label("CSV-bestand met cijfers")).to_be_visible()
    assert_accessible(page)


def test_coordinator_uploads_cbs_key_figures_with_a_preview(
    page, live_server, demo_figures, tmp_path
):
    log_in(page, live_server, User.objects.get(username="coordinator@example.org"))
    key_figures = tmp_path / "kwb-2025.csv"
    key_figures.write_bytes(
        (
            "gwb_code_10;regio;gm_naam;a_inw;a_65_oo;a_hh;a_1p_hh;g_ink_pi\r\n"
            "GM1916;Leidschendam-Voorburg;Leidschendam-Voorburg;78245;19850;36500;14200;34,1\r\n"
            "WK191601;Voorburg-Noord;Leidschendam-Voorburg;9830;2510;4700;2050;31,8\r\n"
            "GM0599;Rotterdam;Rotterdam;664000;100000;350000;170000;29,0\r\n"
        ).encode("cp1252")
    )
    page.goto(live_server.url + "/monitor/inlezen/")

    page.get_by_label("CBS “Kerncijfers wijken en buurten”", exact=False).check()
    page.get_by_label("Jaar van de kerncijfers").fill("2025")
    page.get_by_label("CSV-bestand met cijfers").set_input_files(key_figures)
    page.get_by_role("button", name="Bestand controleren").click()

    expect(page.get_by_role("heading", name="Controleer voor het opslaan")).to_be_visible()
    expect(page.get_by_text("1 regel over een ander gebied is overgeslagen.")).to_be_visible()
    page.screenshot(path="/tmp/monitoring-upload-preview.png", full_page=True)
    assert_accessible(page)

    page.get_by_role("button", name="Deze cijfers opslaan").click()

    expect(page).to_have_url(live_server.url + "/monitor/wijken/?jaar=2025")
    expect(
        page.get_by_text("De kerncijfers van 2 gebieden voor 2025 zijn ingelezen.")
    ).to_be_visible()
