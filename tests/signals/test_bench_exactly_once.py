"""The bench's "stored exactly once" check of the signal form (bench/exactly_once.py)."""

import pytest
from django.urls import reverse

from bench.exactly_once import check, log_accepted, stored_submissions
from bench.pages import PAGES
from signals.models import Signal
from tests.signals.helpers import report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted_log(tmp_path, monkeypatch):
    path = tmp_path / "accepted.txt"
    path.write_text("")
    monkeypatch.setenv("BENCH_ACCEPTED_LOG", str(path))
    return path


class Visitor:
    """The Django test client with the locust client's signature (as bench/run.py's)."""

    def __init__(self, client):
        self.client = client

    def get(self, path, name=None):
        response = self.client.get(path)
        response.text = response.content.decode()
        return response

    def post(self, path, data=None, name=None, **kwargs):
        return self.client.post(path, data)


def test_every_accepted_submission_of_the_bench_is_stored_once(resident, accepted_log):
    before = stored_submissions()
    for _ in range(3):
        PAGES["signal form"].request(Visitor(resident), name="signal form")

    faults = check(accepted_log, before, in_flight=0)

    assert len(accepted_log.read_text().splitlines()) == 3
    assert Signal.objects.count() == 3
    assert faults == []


def test_the_check_fails_when_a_thank_you_page_shows_no_reference(resident, accepted_log):
    data = report_data()
    resident.post(reverse("signals:report"), data)
    log_accepted(data["form_token"], "<p>We hebben uw melding ontvangen.</p>")

    faults = check(accepted_log, {}, in_flight=8)

    assert faults == [
        f"accepted, but the thank-you page showed no reference ({data['form_token'][:12]}…)"
    ]


def test_the_check_fails_on_a_reference_shown_twice_or_not_stored(resident, accepted_log):
    data = report_data()
    resident.post(reverse("signals:report"), data)
    reference = Signal.objects.get().reference
    log_accepted(data["form_token"], f"<strong>{reference}</strong>")
    log_accepted(report_data()["form_token"], f"<strong>{reference}</strong>")

    faults = check(accepted_log, {}, in_flight=8)

    assert faults == [
        f"{reference} was shown, but its submission is stored as nothing",
        f"{reference} was shown to 2 submissions",
    ]


def test_the_check_fails_when_stored_submissions_got_no_answer(resident, accepted_log):
    for _ in range(3):
        resident.post(reverse("signals:report"), report_data())

    faults = check(accepted_log, {}, in_flight=2)

    assert faults == [
        "no submission was accepted (no thank-you page reached)",
        "3 submissions stored without an accepted answer logged "
        "(at most 2 can be cut off when the load stops)",
    ]
