"""A database error after the signal was stored: the resident who sends the same form again
gets the same reference, never a second signal."""

import pytest
from django.db import OperationalError, transaction
from django.db.models.signals import post_save
from django.test import Client

from signals.models import Signal
from tests.signals.helpers import reference_in, report_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_fails_after_the_first_commit():
    """The database connection is lost right after the first signal is committed, before the
    resident gets an answer (the fault comes from the commit hook, not from our code)."""
    faults = []

    def lose_connection():
        faults.append("lost")
        raise OperationalError("server closed the connection unexpectedly")

    def on_signal_saved(sender, created, **kwargs):
        if created and not faults:
            transaction.on_commit(lose_connection)

    post_save.connect(on_signal_saved, sender=Signal, dispatch_uid="resend-test")
    yield faults
    post_save.disconnect(dispatch_uid="resend-test", sender=Signal)


def test_resend_after_a_database_error_gets_the_same_reference(
    settings, database_fails_after_the_first_commit
):
    settings.SIGNAL_RATE_LIMIT = 1
    resident = Client(raise_request_exception=False)
    data = report_data()

    first = resident.post("/melden/", data, REMOTE_ADDR="203.0.113.8")
    again = resident.post("/melden/", data, REMOTE_ADDR="203.0.113.8", follow=True)

    assert first.status_code == 503  # "Probeer het later opnieuw"
    assert database_fails_after_the_first_commit == ["lost"]
    assert again.status_code == 200
    signal = Signal.objects.get()
    assert reference_in(again.content.decode()) == signal.reference
