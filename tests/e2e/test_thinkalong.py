"""A resident thinks along (issue 16): signs up for a focus group and sends an idea that a
coordinator publishes; then it shows on the public page. Keyboard only on the public forms,
axe-core clean on every page."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from network.models import FocusGroupMember, Idea
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_resident_signs_up_and_sends_an_idea_that_a_coordinator_publishes(
    page, live_server, transactional_db
):
    Group.objects.get_or_create(name="coordinator")
    coordinator = make_user(username="fatima@example.org", roles=["coordinator"])

    page.goto(live_server.url + "/denk-mee/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Denk mee")
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden voor een focusgroep").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden voor een focusgroep")
    assert_accessible(page)
    page.get_by_label("Mantelzorgers").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Ria Jansen")
    page.keyboard.press("Tab")
    page.keyboard.type("ria@example.org")
    page.get_by_label("Ik geef toestemming", exact=False).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Aanmelden").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw aanmelding")
    assert_accessible(page)
    member = FocusGroupMember.objects.get()
    assert (member.name, member.target_group.slug) == ("Ria Jansen", "mantelzorgers")
    assert mail.outbox[-1].to == ["ria@example.org"]

    page.goto(live_server.url + "/denk-mee/idee/")
    assert_accessible(page)
    page.get_by_role("textbox", name="Uw idee").focus()
    page.keyboard.type("Een praatbankje bij de supermarkt.")
    page.get_by_role("button", name="Idee versturen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw idee")
    assert_accessible(page)
    idea = Idea.objects.get()

    log_in(page, live_server, coordinator)
    page.goto(live_server.url + "/netwerk/denk-mee/ideeen/")
    assert_accessible(page)
    page.locator(f'a[href="{idea.get_absolute_url()}"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Idee van een inwoner")
    assert_accessible(page)
    page.get_by_label("Ja, publiceren").check()
    page.get_by_label("Wat heeft de coalitie ermee gedaan?").fill(
        "Bij twee supermarkten staat nu een praatbankje."
    )
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Uw besluit is opgeslagen.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(live_server.url + "/denk-mee/")
    expect(page.get_by_text("Een praatbankje bij de supermarkt.")).to_be_visible()
    expect(page.get_by_text("Bij twee supermarkten staat nu een praatbankje.")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/denk-mee/", "/denk-mee/meedoen/", "/denk-mee/idee/"])
def test_the_public_pages_reflow_at_320_pixels(page, live_server, transactional_db, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
