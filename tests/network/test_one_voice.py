"""One voice (issue 16): the demo's public texts address the reader as "u", never "je"."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from network.models import Activity, Article, Idea

# Whole words only: "meisje", "bejaarde" or "jeugd" are fine.
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)


def informal_texts(rows) -> list[str]:
    return [text for row in rows for text in row if text and INFORMAL.search(text)]


def test_the_word_pattern_spares_words_that_contain_je():
    assert informal_texts([["Het meisje en de jeugd", "Bejaarden", "Hoe gaat het, Jeroen?"]]) == []
    assert informal_texts([["Zo begin je.", "Jouw buurt", "JIJ ook"]]) == [
        "Zo begin je.",
        "Jouw buurt",
        "JIJ ook",
    ]


@pytest.mark.django_db
def test_the_demos_public_texts_say_u():
    call_command("seed_demo", stdout=StringIO())

    articles = Article.objects.published().values_list("title", "summary", "body")
    activities = Activity.objects.published().values_list("title", "description")
    ideas = Idea.objects.published().values_list("text", "response")

    assert articles.count() >= 5 and ideas.count() >= 2
    assert informal_texts(articles) == []
    assert informal_texts(activities) == []
    assert informal_texts(ideas) == []
