"""Password reset: limited per address and per client, and the same for known and unknown."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def ask_reset(client, email, address="192.0.2.1", **extra):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address, **extra)


def test_password_reset_twenty_requests_for_one_address_send_at_most_the_limit(
    resident, partner, settings, mailoutbox
):
    for n in range(20):
        ask_reset(Client(), partner.email, address=f"192.0.2.{n + 1}")

    assert len(mailoutbox) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS == 3
    assert {tuple(message.to) for message in mailoutbox} == {(partner.email,)}


def test_password_reset_many_addresses_from_one_client_are_limited(settings, mailoutbox):
    from tests.factories import make_user

    users = [make_user() for _ in range(15)]
    client = Client()

    for user in users:
        ask_reset(client, user.email, address="192.0.2.99")

    assert len(mailoutbox) == settings.PASSWORD_RESET_LIMIT_PER_CLIENT == 10


def test_password_reset_throttled_requests_get_the_usual_answer(resident, partner):
    for _ in range(5):
        response = ask_reset(resident, partner.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")


def test_password_reset_known_and_unknown_addresses_get_identical_pages(partner):
    known = ask_reset(Client(), partner.email, follow=True)
    unknown = ask_reset(Client(), "onbekend@example.org", follow=True)

    assert known.redirect_chain == unknown.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert CSRF.sub("", known.content.decode()) == CSRF.sub("", unknown.content.decode())


def test_password_reset_known_and_unknown_addresses_take_the_same_path(partner, settings):
    from django.tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    paths = []
    for email, address in ((partner.email, "192.0.2.7"), ("onbekend@example.org", "192.0.2.8")):
        default_task_backend.clear()
        with CaptureQueriesContext(connection) as queries:
            ask_reset(Client(), email, address=address)
        tasks = [result.task.name for result in default_task_backend.results]
        paths.append((len(queries), tasks))

    assert paths[0] == paths[1]
    assert paths[0][1] == ["send_password_reset"]
