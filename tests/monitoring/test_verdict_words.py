"""The monitor for residents (issue 18, point 4): the verdict in plain words first, the
statistics and the corona check folded under "Hoe weten we dit?"."""

import re

import pytest
from django.urls import reverse

from monitoring import trend
from monitoring.verdict_words import in_words, people
from tests.monitoring.test_dashboard import make_series

pytestmark = pytest.mark.django_db


def result(verdict, *, rising=True, previous_year=2022):
    return trend.Evaluation(
        verdict=verdict,
        goal_year=2024,
        baseline_years=(),
        rising=rising,
        previous_year=previous_year,
    )


@pytest.mark.parametrize(
    ("verdict", "rising", "words"),
    [
        (
            trend.TREND_BROKEN,
            True,
            "Minder ouderen voelen zich eenzaam dan de trend deed verwachten.",
        ),
        (trend.TREND_BROKEN, False, "Minder ouderen voelen zich eenzaam dan in 2022."),
        (
            trend.FLATTENED,
            True,
            "Iets minder ouderen voelen zich eenzaam dan de trend deed verwachten, maar dat kan "
            "toeval zijn.",
        ),
        (
            trend.FLATTENED,
            False,
            "Niet meer ouderen voelen zich eenzaam dan in 2022: geen stijging.",
        ),
        (
            trend.NO_TREND_BREAK,
            True,
            "Evenveel of meer ouderen voelen zich eenzaam dan de trend deed verwachten.",
        ),
        (trend.NO_TREND_BREAK, False, "Meer ouderen voelen zich eenzaam dan in 2022."),
        (
            trend.NOT_ASSESSABLE,
            None,
            "We kunnen nog niet zeggen of minder ouderen zich eenzaam voelen.",
        ),
    ],
)
def test_each_verdict_in_plain_words(verdict, rising, words):
    assert in_words(result(verdict, rising=rising), group="Ouderen", indicator="Eenzaam") == words


def test_a_group_name_of_several_words_reads_as_people_in_the_group():
    assert people("Moeilijk rondkomen") == "mensen in de groep ‘moeilijk rondkomen’"
    assert people("Mantelzorgers") == "mantelzorgers"


def test_detail_page_says_the_verdict_first_and_folds_the_statistics(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})

    html = resident.get(reverse("monitoring:group", args=["ouderen"])).content.decode()
    section = html.split('id="verdict-heading"')[1].split("</section>")[0]

    words = "Minder ouderen voelen zich eenzaam dan de trend deed verwachten."
    first_paragraph = re.search(r"<p[^>]*>(.*?)</p>", section, re.S)[1]
    assert first_paragraph == words
    folded = section.split("<details")[1].split("</details>")[0]
    assert "<summary>Hoe weten we dit?</summary>" in folded
    assert "procentpunt" in folded
    assert "95%-interval" in folded
    assert "significant" in folded
    assert "procentpunt" not in section.split("<details")[0]


def test_corona_check_is_explained_inside_the_fold_and_says_when_it_differs(resident):
    # With 2020 a trend break; without 2020 only flattened (see test_dashboard).
    make_series({2012: 40, 2016: 44, 2020: 60, 2024: 49}, half=1)

    html = resident.get(reverse("monitoring:group", args=["ouderen"])).content.decode()
    section = html.split('id="verdict-heading"')[1].split("</section>")[0]
    before, folded = section.split("<details")

    assert "Stijging afgevlakt" not in before  # a resident reads one verdict up front
    assert "2020 was een coronajaar met ongewone cijfers." in folded
    assert "Dat is een ander oordeel: de conclusie hierboven hangt af van het coronajaar" in folded


def test_dashboard_card_says_the_verdict_in_words_and_folds_the_interval(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})

    html = resident.get(reverse("monitoring:dashboard")).content.decode()
    card = html.split('id="card-ouderen"')[1].split("</section>")[0]

    words = "Minder ouderen voelen zich eenzaam dan de trend deed verwachten."
    assert f'<p class="verdict-words">{words}</p>' in card
    assert "95%-interval: 44,0 tot 48,0 %" in card.split("<details")[1]


def test_a_wrong_choice_in_the_address_falls_back_without_an_error_summary(resident):
    make_series({2012: 40, 2016: 44, 2020: 48, 2024: 46})

    html = resident.get(
        reverse("monitoring:dashboard") + "?indicator=bestaat-niet"
    ).content.decode()

    assert "error-summary" not in html
    assert "<title>Fout" not in html
