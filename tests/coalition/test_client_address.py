from django.test import RequestFactory

from coalition.lib import client_address


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_proxies_the_address_is_the_connection(settings):
    settings.TRUSTED_PROXY_HOPS = 0

    assert client_address(request_from("10.0.0.5", "203.0.113.9")) == "10.0.0.5"


def test_behind_one_proxy_the_visitor_is_what_the_proxy_saw(settings):
    settings.TRUSTED_PROXY_HOPS = 1

    # The visitor wrote "1.2.3.4" themselves; only the proxy's own entry counts.
    address = client_address(request_from("10.0.0.5", "1.2.3.4, 203.0.113.9"))

    assert address == "203.0.113.9"


def test_behind_a_proxy_without_forwarding_header_falls_back(settings):
    settings.TRUSTED_PROXY_HOPS = 1

    assert client_address(request_from("10.0.0.5")) == "10.0.0.5"
