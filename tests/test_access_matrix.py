"""The access matrix: every URL pattern, for every kind of user, for GET and POST.

The table below is the explicit expectation. It is checked against the URL configuration:
a new URL without an entry fails ``test_every_url_pattern_has_an_entry``. Each row gives the
status codes for, in order: anonymous, partner of organisation A, partner of organisation B,
coordinator (second step done) and superuser (second step done). A POST is sent with no data
and a valid CSRF token: it shows what the view lets each user try, not a successful change.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.conftest import login
from tests.factories import make_user

ROLES = ("anonymous", "partner_a", "partner_b", "coordinator", "superuser")

# Namespaces with their own, separately tested access rules.
NOT_IN_MATRIX = {"admin", "django.conf.urls.i18n"}


def reset_args(world):
    user = world["partner_a_user"]
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


# name: (arguments from the world, GET codes, POST codes)
MATRIX = {
    "home": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "privacy": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "healthz": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "theme_css": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "login": (None, "200 302 302 302 302", "200 302 302 302 302"),
    "logout": (None, "405 405 405 405 405", "200 200 200 200 200"),
    "password_reset": (None, "200 200 200 200 200", "200 200 200 200 200"),
    "password_reset_done": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "password_reset_confirm": (reset_args, "302 302 302 302 302", "302 302 302 302 302"),
    "password_reset_complete": (None, "200 200 200 200 200", "405 405 405 405 405"),
    "password_change": (None, "302 200 200 200 200", "302 200 200 200 200"),
    "password_change_done": (None, "302 200 200 200 200", "302 405 405 405 405"),
    "otp_overview": (None, "302 200 200 200 200", "302 200 200 200 200"),
    "otp_setup": (None, "302 200 200 302 302", "302 200 200 302 302"),
    "otp_verify": (None, "302 200 200 200 200", "302 200 200 200 200"),
    "otp_recovery_codes": (None, "302 302 302 302 302", "302 302 302 302 302"),
    "otp_new_recovery_codes": (None, "405 405 405 405 405", "302 302 302 302 302"),
    "otp_disable": (None, "405 405 405 405 405", "302 302 302 302 302"),
}


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if entry.namespace in NOT_IN_MATRIX or module in NOT_IN_MATRIX:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name


def test_every_url_pattern_has_an_entry():
    assert set(url_names()) == set(MATRIX)


@pytest.fixture
def world(db):
    """Real objects for every URL argument, and a client per role."""
    partner_a = make_user(username="a@example.org", roles=["partner"])
    partner_b = make_user(username="b@example.org", roles=["partner"])
    coordinator = make_user(username="c@example.org", roles=["coordinator"])
    superuser = make_user(username="s@example.org", is_superuser=True, is_staff=True)
    return {
        "partner_a_user": partner_a,
        "clients": {
            "anonymous": Client(enforce_csrf_checks=True),
            "partner_a": login(Client(enforce_csrf_checks=True), partner_a, verified=False),
            "partner_b": login(Client(enforce_csrf_checks=True), partner_b, verified=False),
            "coordinator": login(Client(enforce_csrf_checks=True), coordinator),
            "superuser": login(Client(enforce_csrf_checks=True), superuser),
        },
    }


def with_csrf(client: Client) -> dict:
    """A valid CSRF token for a POST: the one the site would have put in the form."""
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    return {"csrfmiddlewaretoken": _mask_cipher_secret(secret)}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access_matrix(world, name):
    args_from, get_codes, post_codes = MATRIX[name]
    url = reverse(name, args=args_from(world) if args_from else None)
    outcome = {"GET": [], "POST": []}

    for role in ROLES:
        client = world["clients"][role]
        outcome["GET"].append(str(client.get(url).status_code))
        outcome["POST"].append(str(client.post(url, with_csrf(client)).status_code))

    assert " ".join(outcome["GET"]) == get_codes, f"GET {url}"
    assert " ".join(outcome["POST"]) == post_codes, f"POST {url}"


def test_every_post_without_a_csrf_token_is_refused(world):
    client = world["clients"]["coordinator"]
    for name, (args_from, _, post_codes) in MATRIX.items():
        if post_codes.split()[3] == "405":
            continue
        url = reverse(name, args=args_from(world) if args_from else None)

        assert client.post(url, {}).status_code == 403, url
