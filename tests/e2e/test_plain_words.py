"""Residents and coordinators read the point first (issue 18, points 4 and 5): the monitor's
verdict in plain words with the statistics folded away, and the queue's status badges and the
signal's timeline with the looks at personal data folded per person per day."""

import re

import pytest
from playwright.sync_api import expect

from signals.models import Signal
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_signal, make_user
from tests.monitoring.test_dashboard import make_series

pytestmark = pytest.mark.django_db(transaction=True)


def test_monitor_says_the_verdict_first_and_opens_the_statistics_by_keyboard(page, live_server):
    make_series({2012: 40, 2016: 44, 2020: 60, 2024: 49}, half=1)
    page.goto(live_server.url + "/monitor/doelgroep/ouderen/", timeout=60_000)

    words = page.locator("#verdict-heading ~ .verdict-words")
    expect(words).to_have_text("Minder ouderen voelen zich eenzaam dan de trend deed verwachten.")
    how = page.locator(".verdict-how").filter(has_text="coronajaar")
    expect(how.get_by_text(re.compile("procentpunt"))).to_be_hidden()
    expect(page.get_by_text("2020 was een coronajaar")).to_be_hidden()
    assert_accessible(page)

    how.locator("summary").focus()
    page.keyboard.press("Enter")

    expect(how.get_by_text(re.compile("Verschil: .* procentpunt"))).to_be_visible()
    expect(page.get_by_text(re.compile("^2020 was een coronajaar"))).to_be_visible()
    assert_accessible(page)


def test_queue_badges_and_folded_timeline_are_readable_and_accessible(page, live_server):
    coordinator = make_user(first_name="Fatima", roles=["coordinator"])
    signal = make_signal(status=Signal.Status.IN_PROGRESS)
    make_signal()
    log_in(page, live_server, coordinator)

    page.goto(live_server.url + "/signalen/")
    expect(page.locator(".status-badge", has_text="In behandeling")).to_be_visible()
    expect(page.locator(".status-badge", has_text="Nieuw")).to_be_visible()
    expect(page.locator(".queue-summary").first).to_contain_text("wil gebeld worden")
    assert_accessible(page)

    page.get_by_role("link", name=signal.reference).click()
    page.reload()
    page.reload()

    views = page.locator(".timeline li", has_text="Persoonsgegevens bekeken")
    expect(views).to_have_count(1)
    expect(views).to_contain_text(re.compile(r"Fatima .* · 3 keer, tussen \d\d:\d\d en \d\d:\d\d"))
    assert_accessible(page)
