"""The first set-up of two-step verification needs a link from the account's mailbox."""

import re
import time
from types import SimpleNamespace

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.coalition.test_accounts import current_code
from tests.conftest import login
from tests.factories import make_totp_device

pytestmark = pytest.mark.django_db

SENT = "We hebben u een e-mail gestuurd met een link om uw app te koppelen."


@pytest.fixture
def signed_in(coordinator):
    """A coordinator who typed the right password, without an app yet."""
    return login(Client(), coordinator, verified=False)


def ask_link(client, mailoutbox) -> str:
    client.post(reverse("otp_setup_link_send"))
    return re.search(r"http://localhost:8000(/\S+/)", mailoutbox[-1].body)[1]


def test_setup_link_password_alone_does_not_show_the_secret(signed_in, coordinator):
    html = signed_in.get(reverse("otp_setup")).content.decode()

    assert "Scan deze QR-code" not in html
    assert "Stuur mij de link" in html
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert signed_in.post(reverse("otp_setup"), {"token": "123456"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def test_setup_link_is_mailed_to_the_account_holder(signed_in, coordinator, mailoutbox):
    response = signed_in.post(reverse("otp_setup_link_send"), follow=True)

    assert SENT in response.content.decode()
    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert "1 uur" in mailoutbox[0].body


def test_setup_link_from_the_mail_unlocks_the_setup(signed_in, coordinator, mailoutbox):
    link = ask_link(signed_in, mailoutbox)

    signed_in.post(link)
    page = signed_in.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    done = signed_in.post(reverse("otp_setup"), {"token": current_code(device)}, follow=True)

    assert "Scan deze QR-code met de app." in page.content.decode()
    assert "Uw herstelcodes" in done.content.decode()
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()


def test_setup_link_works_once(signed_in, coordinator, mailoutbox):
    link = ask_link(signed_in, mailoutbox)
    signed_in.post(link)
    other = login(Client(), coordinator, verified=False)

    response = other.post(link, follow=True)

    assert "Deze link is al gebruikt." in response.content.decode()
    assert "Scan deze QR-code" not in other.get(reverse("otp_setup")).content.decode()


def test_setup_link_expires_after_an_hour(signed_in, mailoutbox, monkeypatch):
    an_hour_ago = time.time() - 61 * 60
    with monkeypatch.context() as patch:  # the link was signed an hour and a minute ago
        patch.setattr(signing, "time", SimpleNamespace(time=lambda: an_hour_ago))
        link = ask_link(signed_in, mailoutbox)

    response = signed_in.post(link, follow=True)

    assert "Deze link is verlopen." in response.content.decode()
    assert "Scan deze QR-code" not in response.content.decode()


def test_setup_link_of_another_account_is_refused(signed_in, partner, mailoutbox):
    partner_client = login(Client(), partner, verified=False)
    link = ask_link(partner_client, mailoutbox)

    response = signed_in.post(link, follow=True)

    assert "Deze link hoort bij een ander account." in response.content.decode()


def test_setup_link_opening_it_only_asks_to_continue(signed_in, mailoutbox):
    link = ask_link(signed_in, mailoutbox)

    page = signed_in.get(link)
    later = signed_in.post(link, follow=True)

    assert "Koppel uw app" in page.content.decode()
    assert "Scan deze QR-code met de app." in later.content.decode()


def test_setup_link_not_needed_after_choosing_a_password_through_the_mail(
    resident, partner, mailoutbox
):
    resident.post(reverse("password_reset"), {"email": partner.email})
    link = re.search(r"http://localhost:8000(/accounts/reset/\S+/)", mailoutbox[0].body)[1]
    form_page = resident.get(link, follow=True)
    resident.post(
        form_page.request["PATH_INFO"],
        {"new_password1": "nieuw-en-lang-genoeg", "new_password2": "nieuw-en-lang-genoeg"},
    )
    resident.post(
        reverse("login"), {"username": partner.username, "password": "nieuw-en-lang-genoeg"}
    )

    html = resident.get(reverse("otp_setup")).content.decode()

    assert "Scan deze QR-code met de app." in html


def test_setup_link_a_mail_goes_out_when_an_app_is_added(signed_in, coordinator, mailoutbox):
    signed_in.post(ask_link(signed_in, mailoutbox))
    signed_in.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    signed_in.post(reverse("otp_setup"), {"token": current_code(device)})

    assert mailoutbox[-1].to == [coordinator.email]
    assert "Er is een app gekoppeld aan uw account" in mailoutbox[-1].body


def test_setup_link_a_mail_goes_out_when_verification_is_switched_off(
    partner_client, partner, mailoutbox
):
    from django_otp import DEVICE_ID_SESSION_KEY

    device = make_totp_device(partner)
    session = partner_client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    partner_client.post(reverse("otp_disable"))

    assert [message.to for message in mailoutbox] == [[partner.email]]
    assert "Tweestapsverificatie is uitgezet voor uw account" in mailoutbox[0].body


def test_setup_link_a_mail_goes_out_when_recovery_codes_are_renewed(
    coordinator_client, coordinator, mailoutbox
):
    coordinator_client.post(reverse("otp_new_recovery_codes"))

    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert "Er zijn nieuwe herstelcodes gemaakt voor uw account" in mailoutbox[0].body
