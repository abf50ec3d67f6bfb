"""What we write for others is in the site's language, whatever language the visitor chose;
what the visitor reads follows their choice."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _site_language_afterwards():
    """A request leaves its language active in this thread; the next test starts in Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def choose_english(client: Client) -> Client:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_password_reset_mail_is_dutch_for_an_english_visitor(resident, partner):
    choose_english(resident)

    response = resident.post(reverse("password_reset"), {"email": partner.email}, follow=True)

    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox[0].subject == f"Kies een nieuw wachtwoord voor {settings.COALITION_NAME}"
    assert mail.outbox[0].body.startswith("Hallo,\n")


def test_server_error_page_follows_the_visitors_language(monkeypatch, db):
    from coalition import views

    monkeypatch.setattr(views, "render", lambda *args, **kwargs: 1 / 0)
    dutch = Client(raise_request_exception=False)
    english = choose_english(Client(raise_request_exception=False))

    in_dutch = dutch.get(reverse("privacy")).content.decode()
    in_english = english.get(reverse("privacy")).content.decode()

    assert '<html lang="nl">' in in_dutch
    assert "<h1>Er ging iets mis</h1>" in in_dutch
    assert "Probeer het over een paar minuten opnieuw." in in_dutch
    assert '<html lang="en">' in in_english
    assert "<h1>Something went wrong</h1>" in in_english
    assert "Try again in a few minutes." in in_english
