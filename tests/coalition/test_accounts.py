import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_totp_device, make_user

pytestmark = pytest.mark.django_db

WRONG_LOGIN = "Voer een juiste gebruikersnaam en wachtwoord in."


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def open_setup_link(client) -> None:
    """Ask for the set-up link by mail and open it, as the account holder does."""
    client.post(reverse("otp_setup_link_send"))
    link = re.search(r"http://localhost:8000(/\S+/)", mail.outbox[-1].body)[1]
    client.post(link)


def post_login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_dutch(resident):
    html = resident.get(reverse("login")).content.decode()

    assert "Inloggen" in html
    assert "Wachtwoord vergeten?" in html


def test_wrong_password_and_unknown_user_get_the_same_answer(resident, partner):
    wrong_password = post_login(resident, partner.username, "niet-goed").content.decode()
    unknown_user = post_login(resident, "niemand@example.org", "niet-goed").content.decode()

    assert WRONG_LOGIN in wrong_password
    assert WRONG_LOGIN in unknown_user


def test_partner_logs_in_without_second_factor(resident, partner):
    response = post_login(resident, partner.username, "correct-horse-battery")

    assert response.status_code == 302
    assert resident.get(reverse("home")).context["user"] == partner


def test_repeated_failures_lock_the_account(resident, partner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(resident, partner.username, "raden")

    response = post_login(resident, partner.username, "correct-horse-battery")

    assert response.status_code == 429
    assert "Te vaak geprobeerd in te loggen" in response.content.decode()


def test_password_reset_mails_a_link_through_the_task_queue(resident, partner):
    response = resident.post(reverse("password_reset"), {"email": partner.email}, follow=True)

    assert "Kijk in uw e-mail" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [partner.email]
    assert re.search(r"http://localhost:8000/accounts/reset/\S+/\S+/", mail.outbox[0].body)


def test_password_reset_does_not_tell_whether_an_account_exists(resident):
    response = resident.post(
        reverse("password_reset"), {"email": "onbekend@example.org"}, follow=True
    )

    assert "Als er een account bestaat voor dit adres" in response.content.decode()
    assert mail.outbox == []


def test_coordinator_without_device_must_set_up_second_factor(coordinator):
    from django.test import Client

    client = Client()
    client.force_login(coordinator, backend="coalition.roles.Backend")

    response = client.get(reverse("otp_overview"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_setup"))


def test_coordinator_sets_up_totp_and_gets_recovery_codes(coordinator):
    from django.test import Client

    client = Client()
    client.force_login(coordinator, backend="coalition.roles.Backend")
    open_setup_link(client)
    page = client.get(reverse("otp_setup"))
    assert "Scan deze QR-code met de app." in page.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    response = client.post(reverse("otp_setup"), {"token": current_code(device)}, follow=True)

    html = response.content.decode()
    assert "Uw herstelcodes" in html
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("otp_overview")).status_code == 200


def test_wrong_setup_code_is_refused_in_dutch(coordinator):
    from django.test import Client

    client = Client()
    client.force_login(coordinator, backend="coalition.roles.Backend")
    open_setup_link(client)
    client.get(reverse("otp_setup"))

    response = client.post(reverse("otp_setup"), {"token": "000000"})

    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()


def test_coordinator_with_device_must_enter_a_code_after_password(coordinator):
    from django.test import Client

    device = make_totp_device(coordinator)
    client = Client()
    client.force_login(coordinator, backend="coalition.roles.Backend")

    blocked = client.get(reverse("otp_overview"))
    verified = client.post(
        reverse("otp_verify") + "?next=/accounts/tweestapsverificatie/",
        {"token": current_code(device), "next": reverse("otp_overview")},
    )

    assert blocked["Location"].startswith(reverse("otp_verify"))
    assert verified["Location"] == reverse("otp_overview")
    assert client.get(reverse("otp_overview")).status_code == 200


def test_recovery_code_works_once(coordinator):
    from django.test import Client

    from coalition.security import _issue_recovery_codes

    make_totp_device(coordinator)
    code = _issue_recovery_codes(coordinator)[0]
    first, second = Client(), Client()
    for client in (first, second):
        client.force_login(coordinator, backend="coalition.roles.Backend")

    used = first.post(reverse("otp_verify"), {"token": code})
    reused = second.post(reverse("otp_verify"), {"token": code})

    assert used.status_code == 302
    assert "Deze code klopt niet" in reused.content.decode()


def test_partner_may_switch_second_factor_on_and_off(partner_client, partner):
    make_totp_device(partner)
    from django_otp import DEVICE_ID_SESSION_KEY

    session = partner_client.session
    session[DEVICE_ID_SESSION_KEY] = partner.totpdevice_set.get().persistent_id
    session.save()

    response = partner_client.post(reverse("otp_disable"), follow=True)

    assert "Tweestapsverificatie staat uit." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=partner).exists()


def test_coordinator_cannot_switch_second_factor_off(coordinator_client, coordinator):
    response = coordinator_client.post(reverse("otp_disable"), follow=True)

    assert "niet uitzetten" in response.content.decode()
    assert TOTPDevice.objects.filter(user=coordinator).exists()


def test_roles_exist_with_their_permissions():
    coordinator = Group.objects.get(name="coordinator")
    partner = Group.objects.get(name="partner")

    assert coordinator.permissions.filter(codename="change_targetgroup").exists()
    assert partner.permissions.filter(codename="view_targetgroup").exists()
    assert not partner.permissions.filter(codename="change_targetgroup").exists()


def test_admin_requires_second_factor_for_superuser(superuser):
    from django.test import Client

    client = Client()
    client.force_login(superuser, backend="coalition.roles.Backend")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_setup"))


def test_make_user_helper_assigns_roles():
    user = make_user(roles=["partner"])

    assert list(user.groups.values_list("name", flat=True)) == ["partner"]


def test_quick_retries_after_a_wrong_code_are_told_to_wait(coordinator):
    from django.test import Client

    device = make_totp_device(coordinator)
    client = Client()
    client.force_login(coordinator, backend="coalition.roles.Backend")
    wrong = "123456" if current_code(device) != "123456" else "654321"
    client.post(reverse("otp_verify"), {"token": wrong})

    response = client.post(reverse("otp_verify"), {"token": current_code(device)})

    assert "Te vaak een verkeerde code" in response.content.decode()


def test_logout_shows_a_dutch_page_and_ends_the_session(partner_client):
    response = partner_client.post(reverse("logout"))

    assert "U bent uitgelogd" in response.content.decode()
    assert response.context["user"].is_authenticated is False
    assert partner_client.get(reverse("otp_overview")).status_code == 302


def test_overlong_username_is_refused_without_reaching_the_lock_out_records(resident):
    from axes.models import AccessAttempt

    response = post_login(resident, "a" * 5000, "wachtwoord")

    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()
    assert not AccessAttempt.objects.filter(username__startswith="aaaa").exists()
