"""The login lock-out counts a username together with an address, and an address alone."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"


def post_login(client, username, password, address):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_lock_out_wrong_guesses_elsewhere_do_not_lock_the_account_holder_out(resident, coordinator):
    for _ in range(8):
        post_login(resident, coordinator.username, "raden", ATTACKER)

    from django.test import Client

    office = Client()
    response = post_login(office, coordinator.username, "correct-horse-battery", OFFICE)

    assert response.status_code == 302
    assert office.session["_auth_user_id"] == str(coordinator.pk)


def test_lock_out_the_guessing_address_stays_locked_for_that_account(resident, coordinator):
    for _ in range(8):
        post_login(resident, coordinator.username, "raden", ATTACKER)

    response = post_login(resident, coordinator.username, "correct-horse-battery", ATTACKER)

    assert response.status_code == 429


def test_lock_out_an_address_guessing_many_usernames_is_locked(resident, partner, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    for n in range(12):
        post_login(resident, f"iemand{n}@example.org", "raden", ATTACKER)

    from django.test import Client

    locked = post_login(resident, partner.username, "correct-horse-battery", ATTACKER)
    elsewhere = post_login(Client(), partner.username, "correct-horse-battery", OFFICE)

    assert locked.status_code == 429
    assert elsewhere.status_code == 302


def test_lock_out_page_tells_how_long_to_wait_and_whom_to_ask(resident, partner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(resident, partner.username, "raden", ATTACKER)

    html = post_login(resident, partner.username, "raden", ATTACKER).content.decode()

    assert "Te vaak geprobeerd in te loggen" in html
    assert "Wacht 1 uur en probeer het dan opnieuw." in html
    assert "vraag de functioneel beheerder om uw account vrij te geven" in html
    assert f"bel {settings.SUPPORT_PHONE}" in html
    assert f'href="mailto:{settings.SUPPORT_EMAIL}"' in html


def test_lock_out_is_lifted_by_choosing_a_new_password_through_the_mail(
    resident, partner, settings, mailoutbox
):
    import re

    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(resident, partner.username, "raden", ATTACKER)
    resident.post(reverse("password_reset"), {"email": partner.email}, REMOTE_ADDR=ATTACKER)
    link = re.search(r"http://localhost:8000(/accounts/reset/\S+/)", mailoutbox[0].body)[1]
    form_page = resident.get(link, follow=True)
    resident.post(
        form_page.request["PATH_INFO"],
        {"new_password1": "nieuw-en-lang-genoeg", "new_password2": "nieuw-en-lang-genoeg"},
    )

    response = post_login(resident, partner.username, "nieuw-en-lang-genoeg", ATTACKER)

    assert response.status_code == 302
