"""The hourly limit of the public form holds under a burst, on the database cache and on
Redis, and a broken limiter (Redis down) never costs a resident their report."""

import logging
import os
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from signals.models import Signal
from tests.servers import free_port
from tests.signals.helpers import reference_in, report_data

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
ADDRESS = "203.0.113.50"
needs_concurrent_writers = pytest.mark.skipif(
    "connection.vendor == 'sqlite'",
    reason="SQLite's shared in-memory test database refuses concurrent writers; "
    "runs in the PostgreSQL pass",
)


@pytest.fixture(autouse=True)
def _no_counts_yet():
    """The cache table outlives the flush between transactional tests."""
    cache.clear()


def redis_cache(settings, location: str) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"  # as in settings.py


def burst(size: int) -> list[int]:
    """``size`` residents' browsers at one address press "send" at the same moment."""
    start = threading.Barrier(size)
    statuses = [None] * size

    def send(n: int) -> None:
        client = Client()
        data = report_data(situation=f"Melding {n}: mijn buurman is veel alleen.")
        try:
            start.wait()
            statuses[n] = client.post("/melden/", data, REMOTE_ADDR=ADDRESS).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(size)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def three_of_five_used(settings) -> None:
    settings.SIGNAL_RATE_LIMIT = 5
    for n in range(3):
        data = report_data(situation=f"Eerder vandaag {n}.")
        assert Client().post("/melden/", data, REMOTE_ADDR=ADDRESS).status_code == 302


@pytest.mark.slow
@needs_concurrent_writers
def test_rate_limit_holds_under_a_burst_on_the_database_cache(settings):
    three_of_five_used(settings)

    statuses = burst(30)

    assert (statuses.count(302), statuses.count(429)) == (2, 28)
    assert Signal.objects.count() == 5


@pytest.mark.slow
@needs_concurrent_writers
def test_rate_limit_holds_under_a_burst_on_redis(settings):
    import redis

    redis_cache(settings, REDIS_URL)
    redis.Redis.from_url(REDIS_URL).flushdb()
    three_of_five_used(settings)

    statuses = burst(30)

    assert (statuses.count(302), statuses.count(429)) == (2, 28)
    assert Signal.objects.count() == 5


def test_refused_form_does_not_use_up_the_limit(settings):
    settings.SIGNAL_RATE_LIMIT = 1
    resident = Client()
    refused = resident.post("/melden/", report_data(postcode="12345"), REMOTE_ADDR=ADDRESS)

    stored = resident.post("/melden/", report_data(), REMOTE_ADDR=ADDRESS)

    assert refused.status_code == 200
    assert stored.status_code == 302
    assert Signal.objects.count() == 1


def test_redis_down_still_stores_the_signal_and_thanks_the_resident(settings, caplog):
    redis_cache(settings, f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    resident = Client()

    with caplog.at_level(logging.WARNING, logger="signals"):
        response = resident.post("/melden/", report_data(), REMOTE_ADDR=ADDRESS, follow=True)

    signal = Signal.objects.get()
    assert response.status_code == 200
    assert reference_in(response.content.decode()) == signal.reference
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "Signal rate limit unavailable, the form is not limited: ConnectionError"
    ]
