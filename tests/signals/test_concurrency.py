import contextlib
import threading

import pytest
from django.db import connection

from signals.models import Signal
from signals.services import intake

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_submissions_get_unique_consecutive_references():
    """The real race runs on PostgreSQL (run the suite with DATABASE_URL set). SQLite's shared
    in-memory test database refuses concurrent writers outright, so there the threads take
    turns and the test only checks the numbering."""
    errors = []
    one_at_a_time = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def submit(n):
        try:
            with one_at_a_time:
                _submit_four(n)
        except Exception as error:  # noqa: BLE001 (reported by the assert below)
            errors.append(error)
        finally:
            connection.close()

    def _submit_four(n):
        for i in range(4):
            intake.submit_signal(
                data={
                    "reporter_kind": "self",
                    "postcode": "2271 AB",
                    "situation": "Ik voel me alleen.",
                    "contact_route": "anonymous",
                    "consent": True,
                },
                target_groups=[],
                channel="web",
                form_token=f"thread-{n}-{i}",
            )

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(int(ref[-5:]) for ref in Signal.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, 25))
