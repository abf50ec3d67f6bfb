import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_referral, make_signal, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_opens_my_work_and_searches_the_queue(page, live_server):
    coordinator = make_user(first_name="Fatima", roles=["coordinator"])
    today = timezone.localdate()
    overdue = make_signal(assigned_to=coordinator, contact_due=today - datetime.timedelta(days=1))
    make_signal(
        assigned_to=coordinator,
        first_contact_at=timezone.now(),
        call_back_on=today,
        call_back_part="morning",
    )
    make_referral(
        signal=make_signal(assigned_to=coordinator, status="referred"), follow_up_on=today
    )
    other = make_signal(postcode="2275 CD", person_name="Dhr. Bakker")
    log_in(page, live_server, coordinator)

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Mijn werk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.get_by_role("link", name=overdue.reference).first).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/signalen/")
    page.get_by_role("searchbox", name="Zoeken").fill("2275cd")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name=other.reference)).to_be_visible()
    expect(page.get_by_role("link", name=overdue.reference)).to_have_count(0)
    assert_accessible(page)
