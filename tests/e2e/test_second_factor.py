import base64
import re

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.factories import make_totp_device

pytestmark = pytest.mark.django_db(transaction=True)


def code_for(key: bytes) -> str:
    return f"{totp(key):06d}"


def log_in_with_password(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(user.username)
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()


def test_coordinator_sets_up_an_authenticator_on_first_login(page, live_server, coordinator):
    log_in_with_password(page, live_server, coordinator)

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.locator("code")).to_have_count(0)  # the password alone shows no secret
    assert_accessible(page)
    page.get_by_role("button", name="Stuur mij de link").click()
    expect(page.get_by_text("We hebben u een e-mail gestuurd")).to_be_visible()
    assert_accessible(page)
    assert mail.outbox[-1].to == [coordinator.email]
    path = re.search(r"http://localhost:8000(/\S+/)", mail.outbox[-1].body)[1]
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Koppel uw app")
    assert_accessible(page)
    page.get_by_role("button", name="Verder").click()

    expect(page.locator("code")).to_be_visible()
    secret = page.locator("code").inner_text().replace(" ", "")
    page.get_by_role("textbox", name="Code").fill(code_for(base64.b32decode(secret)))
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    expect(page.locator(".codes li")).to_have_count(10)
    assert_accessible(page)
    assert "Er is een app gekoppeld aan uw account" in mail.outbox[-1].body


def test_coordinator_with_authenticator_enters_a_code_after_the_password(
    page, live_server, coordinator
):
    device = make_totp_device(coordinator)
    log_in_with_password(page, live_server, coordinator)

    expect(page.get_by_role("heading", level=1)).to_have_text("Vul uw code in")
    expect(page.get_by_role("textbox", name="Code")).to_be_focused()
    assert_accessible(page)
    page.keyboard.type(code_for(device.bin_key))
    page.get_by_role("button", name="Verder").click()

    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page).to_have_url(live_server.url + "/signalen/mijn-werk/")  # not the home page


def test_wrong_code_is_explained_next_to_the_field(page, live_server, coordinator):
    device = make_totp_device(coordinator)
    wrong = "123456" if code_for(device.bin_key) != "123456" else "654321"
    log_in_with_password(page, live_server, coordinator)

    page.get_by_role("textbox", name="Code").fill(wrong)
    page.get_by_role("button", name="Verder").click()

    expect(page.locator(".error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile("^Fout: "))
    page.get_by_role("link", name=re.compile("Deze code klopt niet")).click()
    expect(page.get_by_role("textbox", name="Code")).to_be_focused()
    expect(page.locator(".invalid-feedback")).to_contain_text("Deze code klopt niet")
    assert_accessible(page)
