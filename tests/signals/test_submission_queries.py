"""A resident's submission costs a fixed, small number of queries: the lookup of the form
token, the year's counter (one upsert), the signal, its target groups, the outbox and the
timeline, and the task of each mail after the commit. The rate limit lives in the cache
(Redis in production), so it costs no SQL there; so do the districts and target groups the
form checks its choices against (read once per catalogue version: ``warm`` below)."""

import os

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coalition.models import TargetGroup
from signals.models import Signal, SignalCounter, SignalEvent, SignalMail
from signals.services.intake import next_reference
from tests.signals.helpers import report_data

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def redis_cache(settings):
    import redis

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
    }
    redis.Redis.from_url(REDIS_URL).flushdb()


def mail_tasks(callbacks) -> int:
    """The callbacks after the commit that queue a mail's task (the others start new cache
    versions: Redis, no SQL)."""
    return sum("queue_mails" in callback.__qualname__ for callback in callbacks)


@pytest.fixture
def warm(redis_cache):
    """Another resident's report first: the vocabularies are read once per catalogue version."""
    Client().post("/melden/", report_data(), REMOTE_ADDR="203.0.113.8")


def test_a_submission_takes_at_most_nine_queries(warm, django_capture_on_commit_callbacks):
    """By phone: one mail (to the coordinators), so one task after the commit."""
    group = TargetGroup.objects.first()
    data = report_data(
        target_groups=[group.pk],
        contact_route="phone",
        contact_phone="070 123 4567",
        contact_email="",
    )
    client = Client()

    with (
        django_capture_on_commit_callbacks() as after_commit,
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.post("/melden/", data, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 302
    signal = Signal.objects.latest("pk")
    assert list(signal.target_groups.all()) == [group]
    assert SignalMail.objects.filter(signal=signal).count() == 1
    kinds = list(signal.events.values_list("kind", flat=True))
    assert kinds == [SignalEvent.Kind.CREATED, SignalEvent.Kind.MAIL_QUEUED]
    tasks = mail_tasks(after_commit)
    assert tasks == 1  # the mail's task, queued after the commit (one insert)
    assert len(queries) + tasks <= 9, "\n".join(q["sql"][:90] for q in queries)


def test_with_an_email_address_one_more_task(redis_cache, django_capture_on_commit_callbacks):
    """With a confirmation to the reporter: two mails in the same two inserts, and a task
    each (a worker killed mid-send holds back only its own mail)."""
    with (
        django_capture_on_commit_callbacks() as after_commit,
        CaptureQueriesContext(connection) as queries,
    ):
        response = Client().post("/melden/", report_data(), REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 302
    assert SignalMail.objects.count() == 2
    assert mail_tasks(after_commit) == 2
    assert len(queries) + 2 <= 11


def test_the_counter_starts_a_year_and_counts_on():
    SignalCounter.objects.create(year=2031, last_number=41)

    assert next_reference(year=2030) == "S-2030-00001"
    assert next_reference(year=2030) == "S-2030-00002"
    assert next_reference(year=2031) == "S-2031-00042"
    assert SignalCounter.objects.get(year=2030).last_number == 2
