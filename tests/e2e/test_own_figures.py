import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_activity, make_membership, make_signal, target_group

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_sees_the_own_figures_with_charts_and_tables(page, live_server, coordinator):
    older = target_group("ouderen")
    for day in range(2, 9):
        created = timezone.make_aware(datetime.datetime(2026, 3, day, 12))
        make_signal(
            created_at=created,
            target_groups=[older],
            channel="phone",
            first_contact_at=created + datetime.timedelta(days=1),
        )
    make_activity(target_groups=[older])
    make_membership(signed_on=datetime.date(2026, 2, 1))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    log_in(page, live_server, coordinator)

    page.goto(live_server.url + "/monitor/")
    page.get_by_role("link", name="De eigen cijfers van de coalitie").click()
    page.get_by_label("Jaar").fill("2026")
    page.get_by_role("button", name="Tonen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "De eigen cijfers van de coalitie 2026"
    )
    expect(page.get_by_text("7 signalen ontvangen in 2026.")).to_be_visible()
    charts = page.locator(".chart").count()  # one per figure, in the HTML from the server
    assert charts >= 11
    expect(page.locator(".chart.chart-drawn")).to_have_count(charts)  # every one drawn
    table = page.get_by_role("table", name="Signalen per maand per kanaal")
    expect(table.get_by_role("row", name="maart")).to_contain_text("7")
    page.screenshot(path="/tmp/own-figures.png", full_page=True)
    assert_accessible(page)
    assert errors == []
