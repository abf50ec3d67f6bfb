"""After logging in, each role lands on its own start page; ``?next=`` still wins."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from tests.conftest import login
from tests.factories import make_totp_device, make_user

pytestmark = pytest.mark.django_db


def code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_coordinator_lands_on_my_work_after_password_and_code():
    coordinator = make_user(roles=["coordinator"])
    device = make_totp_device(coordinator)
    client = Client()

    after_password = client.post(
        reverse("login"), {"username": coordinator.username, "password": "correct-horse-battery"}
    )
    to_code = client.get(after_password["Location"])
    after_code = client.post(to_code["Location"], {"token": code(device)})
    landed = client.get(after_code["Location"])

    assert after_password["Location"] == reverse("landing")
    assert to_code["Location"] == f"{reverse('otp_verify')}?next={reverse('landing')}"
    assert landed["Location"] == reverse("signals:my_work")


def test_partner_lands_on_the_referrals_inbox(partner):
    client = login(Client(), partner)

    assert client.get(reverse("landing"))["Location"] == reverse("signals:inbox")


def test_user_without_a_role_lands_on_the_home_page():
    client = login(Client(), make_user())

    assert client.get(reverse("landing"))["Location"] == reverse("home")


def test_login_with_next_goes_there_not_to_the_landing(resident, partner):
    response = resident.post(
        reverse("login") + "?next=/netwerk/",
        {"username": partner.username, "password": "correct-horse-battery", "next": "/netwerk/"},
    )

    assert response["Location"] == "/netwerk/"


def test_code_field_has_the_focus_on_the_two_step_page(coordinator):
    make_totp_device(coordinator)
    client = login(Client(), coordinator, verified=False)

    html = client.get(reverse("otp_verify")).content.decode()

    assert 'name="token"' in html
    assert "autofocus" in html.split('name="token"')[1].split(">")[0]
