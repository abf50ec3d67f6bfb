"""The whole referral loop in the browser (issue 14): a resident reports with consent to pass
on name and phone, a coordinator refers to an activity of organisation X, a partner of X gets
the mail, accepts and records "came", the coordinator's signal page and the own figures show
it, and a partner of organisation Y sees none of it. axe on every new page."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from signals.models import Signal
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.test_signals import fill_report_about_neighbour
from tests.factories import make_activity, make_organisation, make_user, target_group

pytestmark = pytest.mark.django_db(transaction=True)


def test_referral_loop_from_report_to_own_figures(page, live_server):
    coordinator = make_user(first_name="Fatima", roles=["coordinator"])
    partner_x = make_user(username="henk@welzijn.example", roles=["partner"])
    partner_y = make_user(username="yara@sport.example", roles=["partner"])
    organisation_x = make_organisation(name="Welzijn De Vliet", users=[partner_x])
    make_organisation(name="Sportclub Y", users=[partner_y])
    make_activity(
        title="Zangkoor De Vliet",
        organisation=organisation_x,
        target_groups=[target_group("ouderen")],
    )

    # A resident reports and agrees that name and phone may be passed on.
    page.goto(live_server.url + "/melden/")
    fill_report_about_neighbour(page)
    page.locator("input[name=share_contact][value=yes]").check()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw melding")
    signal = Signal.objects.get()
    assert signal.share_contact is True

    # The coordinator makes contact and refers to the activity of organisation X.
    log_in(page, live_server, coordinator)
    page.goto(live_server.url + signal.get_absolute_url())
    page.get_by_role("button", name="Deze melding oppakken").click()
    page.get_by_text("Contactpoging vastleggen").click()
    page.locator("#attempt_form_channel").select_option("phone")
    page.get_by_label("Ja, we hebben gesproken").check()
    page.get_by_role("button", name="Contactpoging opslaan").click()
    expect(page.locator("#signal-status")).to_have_text("Contact gelegd")
    page.get_by_role("link", name="Doorverwijzen naar een activiteit of partner").click()
    page.get_by_label(re.compile("Zangkoor De Vliet")).check()
    expect(page.get_by_label(re.compile("Geef de naam en het telefoonnummer door"))).to_be_checked()
    mail.outbox.clear()
    page.get_by_role("button", name="Doorverwijzen", exact=True).click()
    expect(page.locator("#signal-status")).to_have_text("Doorverwezen")

    # The partner of X gets a mail with only a link, and opens the referral from it.
    [message] = mail.outbox
    assert message.to == [partner_x.email]
    assert "070 123 4567" not in message.body and "Mevr. K." not in message.body
    link = re.search(r"http\S+/netwerk/doorverwijzingen/\d+/", message.body)[0]
    log_in(page, live_server, partner_x)
    page.goto(live_server.url + "/netwerk/doorverwijzingen/")
    expect(page.get_by_role("link", name=re.compile("Verwijzingen"))).to_contain_text("1")
    assert_accessible(page)
    page.goto(live_server.url + urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwijzing naar Zangkoor De Vliet")
    expect(page.get_by_text("070 123 4567")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Accepteren: wij nemen contact op").click()
    expect(page.locator("#referral-status")).to_have_text("Geaccepteerd")
    assert_accessible(page)
    page.get_by_label("is gekomen").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator("#referral-status")).to_have_text("Is gekomen")

    # The partner of Y sees none of it.
    log_in(page, live_server, partner_y)
    page.goto(live_server.url + "/netwerk/doorverwijzingen/")
    expect(page.get_by_text("Geen verwijzingen naar uw organisatie.")).to_be_visible()
    assert_accessible(page)
    response = page.goto(live_server.url + urlsplit(link).path)
    assert response.status == 404

    # The coordinator's follow-up block shows the partner's answer; the own figures count it.
    log_in(page, live_server, coordinator)
    page.goto(live_server.url + signal.get_absolute_url())
    expect(page.locator(".referral-answers")).to_contain_text("Is gekomen")
    expect(page.locator(".timeline")).to_contain_text("Verwijzing geaccepteerd")
    assert_accessible(page)
    page.goto(live_server.url + "/monitor/eigen-cijfers/")
    table = page.get_by_role("table", name=re.compile("Verwijzingen per partnerorganisatie"))
    expect(table.get_by_role("row", name=re.compile("Welzijn De Vliet"))).to_contain_text("<5")
    assert_accessible(page)
