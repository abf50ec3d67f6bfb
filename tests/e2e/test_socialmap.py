"""Journeys of the social map: a partner adds, a coordinator approves, a resident finds."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from coalition.models import TargetGroup
from network.models import Activity
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_activity, make_activity_type, make_organisation, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(db):
    for name in ("coordinator", "partner"):
        Group.objects.get_or_create(name=name)
    TargetGroup.objects.get_or_create(slug="ouderen", defaults={"name": "Ouderen"})
    make_activity_type("bewegen")
    partner = make_user(username="henk@example.org", first_name="Henk", roles=["partner"])
    coordinator = make_user(
        username="fatima@example.org", first_name="Fatima", roles=["coordinator"]
    )
    organisation = make_organisation(name="Welzijn Voorburg", users=[partner])
    return partner, coordinator, organisation


def switch_user(page, live_server, user):
    page.context.clear_cookies()
    if user is not None:
        log_in(page, live_server, user, verified=user.groups.filter(name="coordinator").exists())


def test_partner_adds_coordinator_approves_resident_finds(page, live_server, people):
    partner, coordinator, organisation = people
    switch_user(page, live_server, partner)
    page.goto(live_server.url + "/netwerk/activiteiten/nieuw/")
    assert_accessible(page)
    page.get_by_label("Organisatie").select_option(label="Welzijn Voorburg")
    page.get_by_label(re.compile(r"^\s*Naam\W*$")).fill("Wandelgroep Vlietpark")
    page.get_by_label("Korte samenvatting").fill("Elke dinsdag een rustige wandeling.")
    page.get_by_label("Bewegen").check()
    page.get_by_label("Ouderen").check()
    page.get_by_label("Straat en huisnummer").fill("Parkweg 1")
    page.get_by_label("Postcode").fill("2271 AB")
    page.get_by_label("Plaats").fill("Voorburg")
    page.get_by_label("Hoe vaak").select_option("weekly")
    page.get_by_label("Dinsdag").check()
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("11:00")
    page.get_by_label("Gratis", exact=True).uncheck()
    page.get_by_label("Prijs in euro").fill("2,50")  # the Dutch way (issue 12)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een coördinator controleert de activiteit")).to_be_visible()

    switch_user(page, live_server, coordinator)
    page.goto(live_server.url + "/netwerk/moderatie/")
    assert_accessible(page)
    page.get_by_role("link", name="Wandelgroep Vlietpark").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("De activiteit is gepubliceerd.")).to_be_visible()

    switch_user(page, live_server, None)
    page.goto(live_server.url + "/sociale-kaart/")
    page.get_by_label("Wat zoekt u?").fill("wandelgroep")
    page.get_by_label("Voor wie").select_option(label="Ouderen")
    page.get_by_label("Dag", exact=True).select_option(label="dinsdag")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("heading", name="1 activiteit gevonden")).to_be_visible()
    assert "doelgroep=ouderen" in page.url
    assert_accessible(page)
    page.get_by_role("link", name="Wandelgroep Vlietpark").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelgroep Vlietpark")
    expect(page.get_by_text(re.compile("Laatst gecontroleerd op"))).to_be_visible()
    expect(page.get_by_text("€ 2,50")).to_be_visible()
    assert_accessible(page)


def test_partner_edit_stays_invisible_until_approved(page, live_server, people):
    partner, coordinator, organisation = people
    activity = make_activity(organisation=organisation, title="Koffieochtend De Linde")
    switch_user(page, live_server, partner)
    page.goto(live_server.url + f"/netwerk/activiteiten/{activity.pk}/bewerken/")
    page.get_by_label(re.compile(r"^\s*Naam\W*$")).fill("Koffieochtend De Linde op woensdag")
    page.get_by_label("Straat en huisnummer").fill("Lindelaan 4")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Tot dan blijft de oude versie zichtbaar")).to_be_visible()

    switch_user(page, live_server, None)
    page.goto(live_server.url + activity.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffieochtend De Linde")

    switch_user(page, live_server, coordinator)
    page.goto(live_server.url + f"/netwerk/activiteiten/{activity.pk}/")
    expect(page.get_by_role("row", name=re.compile("Naam"))).to_contain_text(
        "Koffieochtend De Linde op woensdag"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Wijziging goedkeuren").click()

    switch_user(page, live_server, None)
    page.goto(live_server.url + activity.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffieochtend De Linde op woensdag")
    assert Activity.objects.get(pk=activity.pk).street == "Lindelaan 4"


def test_professional_builds_and_prints_a_shortlist(page, live_server, people):
    make_activity(title="Breiclub Voorburg", phone="070 111 22 33")
    make_activity(title="Taalcafé Leidschendam")
    page.goto(live_server.url + "/sociale-kaart/")
    page.get_by_role("button", name="“Breiclub Voorburg” op mijn lijstje zetten").click()
    page.get_by_role("button", name="“Taalcafé Leidschendam” op mijn lijstje zetten").click()
    page.get_by_role("link", name=re.compile("Mijn lijstje \\(2")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn lijstje")
    expect(page.get_by_text("070 111 22 33")).to_be_visible()
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Printen")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.get_by_role("heading", name="Breiclub Voorburg")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one A4


def test_map_view_shows_markers(page, live_server, people):
    make_activity(title="Op de kaart", latitude="52.0800", longitude="4.3900")
    page.goto(live_server.url + "/sociale-kaart/?weergave=kaart")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.get_by_role("link", name="Op de kaart")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Op de kaart").click()
    expect(page.locator("#activity-map .leaflet-marker-icon")).to_be_visible()
    assert_accessible(page)
