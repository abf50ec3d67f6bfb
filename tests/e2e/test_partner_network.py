"""Journeys of the partner network: a meeting from plan to action, progress, the agenda."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from network.models import Action, Goal, Registration
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_action, make_membership, make_organisation, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(db):
    for name in ("coordinator", "partner"):
        Group.objects.get_or_create(name=name)
    partner = make_user(
        username="henk@example.org", first_name="Henk", last_name="Jansen", roles=["partner"]
    )
    coordinator = make_user(
        username="fatima@example.org", first_name="Fatima", roles=["coordinator"]
    )
    organisation = make_organisation(name="Welzijn Voorburg", users=[partner])
    make_membership(organisation=organisation)
    return partner, coordinator, organisation


def switch_user(page, live_server, user):
    page.context.clear_cookies()
    log_in(page, live_server, user, verified=user.groups.filter(name="coordinator").exists())


def test_meeting_from_plan_to_action_and_progress(page, live_server, people):
    partner, coordinator, organisation = people
    day = timezone.localdate() + timedelta(days=30)

    switch_user(page, live_server, coordinator)
    page.goto(live_server.url + "/netwerk/bijeenkomsten/")
    assert_accessible(page)
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Netwerkbijeenkomst najaar")
    page.get_by_label("Begint om").fill(f"{day:%Y-%m-%d}T14:00")
    page.get_by_label("Eindigt om").fill(f"{day:%Y-%m-%d}T16:00")
    page.get_by_label("Plaats").fill("Bibliotheek aan de Vliet")
    page.get_by_label("Thema").fill("Jongeren en eenzaamheid")
    page.get_by_label("Welzijn Voorburg").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerkbijeenkomst najaar")
    meeting_url = page.url

    switch_user(page, live_server, partner)
    page.goto(meeting_url)
    assert_accessible(page)
    page.get_by_label("Namens").select_option(label="Welzijn Voorburg")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Je bent aangemeld namens Welzijn Voorburg.")).to_be_visible()

    switch_user(page, live_server, coordinator)
    page.goto(meeting_url)
    assert_accessible(page)
    page.get_by_label("Henk Jansen (Welzijn Voorburg)").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("De aanwezigheid is opgeslagen: 1 aanwezig.")).to_be_visible()
    assert Registration.objects.get().attended is True

    page.get_by_label("Langetermijndoel").select_option(label=str(Goal.objects.get(number=2)))
    page.get_by_label("Titel").fill("Gezamenlijke folder voor jongeren")
    page.get_by_label("Welzijn Voorburg", exact=True).check()
    page.get_by_role("button", name="Op de actieagenda zetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezamenlijke folder voor jongeren")
    action = Action.objects.get()
    assert action.meeting.title == "Netwerkbijeenkomst najaar"
    year = action.year  # the meeting's year: in December, 30 days on can be the next one

    switch_user(page, live_server, partner)
    page.goto(live_server.url + action.get_absolute_url())
    assert_accessible(page)
    page.get_by_label("Voortgang").fill("Eerste versie van de folder is klaar.")
    page.get_by_role("button", name="Voortgang toevoegen").click()
    expect(page.get_by_text("Je voortgangsnotitie is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Eerste versie van de folder is klaar.")).to_be_visible()

    for n in range(14):  # a full year's agenda still prints on one page
        make_action(
            year=year,
            goal=Goal.objects.get(number=1 + n % 3),
            title=f"Actie {n + 1} van de coalitie met een wat langere titel",
            lead_organisation=organisation,
            status=["gepland", "loopt", "afgerond", "gestopt"][n % 4],
        )
    page.goto(live_server.url + f"/netwerk/actieagenda/{year}/")
    assert_accessible(page)
    expect(page.get_by_role("link", name="Gezamenlijke folder voor jongeren")).to_be_visible()
    page.get_by_role("link", name="Overzicht op één pagina om af te drukken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Actieagenda {year} in één oogopslag"
    )
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Printen")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_public_member_list_is_accessible(page, live_server, people):
    page.goto(live_server.url + "/netwerk/partners/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Partners van de coalitie")
    expect(page.get_by_role("link", name="Welzijn Voorburg")).to_be_visible()
    assert_accessible(page)


def test_awareness_pages_are_accessible(page, live_server, db):
    from tests.factories import make_article

    make_article(
        title="Hoe merkt u dat iemand eenzaam is?",
        slug="herkennen",
        body="## Signalen\n- minder buiten\n- [meer](https://example.org)\n\nLuister goed.",
    )

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Nieuws en verhalen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Hoe merkt u dat iemand eenzaam is?").click()
    expect(page.get_by_role("heading", level=2, name="Signalen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Meer over eenzaamheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praten over eenzaamheid")
    assert_accessible(page)
