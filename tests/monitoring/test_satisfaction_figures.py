"""The own figures count the reporters' satisfaction answers per channel (issue 14)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import SatisfactionAnswer
from tests.factories import make_signal

pytestmark = pytest.mark.django_db
URL = reverse("monitoring:own_figures")


def answered(channel: str, answer: str, *, year: int = 2026, moment: str = "closed"):
    created = timezone.make_aware(datetime.datetime(year, 3, 2, 12))
    signal = make_signal(channel=channel, created_at=created)
    return SatisfactionAnswer.objects.create(
        signal=signal, moment=moment, answer=answer, remark="Geheim"
    )


def satisfaction(client) -> dict:
    response = client.get(URL, {"jaar": 2026})
    assert response.status_code == 200
    figure = {f.key: f for f in response.context["figures"]}["satisfaction"]
    return {row[0]: row for row in figure.rows}, figure.columns, response.content.decode()


def test_answers_are_counted_per_channel_with_the_share_satisfied(coordinator_client):
    for answer in ["yes", "yes", "yes", "a_little", "no", "yes"]:
        answered("web", answer)
    answered("phone", "no")
    answered("web", "yes", year=2025)  # another year

    rows, columns, html = satisfaction(coordinator_client)

    assert columns == ["Kanaal", "Antwoorden", "Ja", "Een beetje", "Nee", "Tevreden"]
    assert rows["website"] == ["website", "6", "<5", "<5", "<5", "67 %"]
    assert rows["telefoon"] == ["telefoon", "<5", "0", "0", "<5", "minder dan 5 signalen"]
    assert rows["Totaal"][1] == "7"
    assert "Zijn melders tevreden?" in html
    assert "Geheim" not in html  # remarks are for the signal page only


@pytest.mark.parametrize("count", [1, 40])
def test_satisfaction_figure_uses_a_fixed_number_of_queries(
    coordinator_client, django_assert_max_num_queries, count
):
    for n in range(count):
        answered(["web", "phone", "desk"][n % 3], ["yes", "no", "a_little"][n % 3])

    with django_assert_max_num_queries(19):  # the whole own-figures page, "Mijn werk" count
        rows, _columns, _html = satisfaction(coordinator_client)
    assert rows["Totaal"][1] == (str(count) if count >= 5 else "<5")
