"""One voice (issue 16): the demo's public texts address the reader as "u", never "je"."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils.html import strip_tags

from monitoring.models import Indicator
from network.models import Activity, Article, Campaign, Idea, Organisation, PublicEvent

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


@pytest.mark.slow
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


PUBLIC_PAGES = [
    "/",
    "/sociale-kaart/",
    "/melden/",
    "/melden/bedankt/",
    "/monitor/",
    "/netwerk/partners/",
    "/privacy/",
    "/voorlichting/",
    "/denk-mee/",
    "/denk-mee/meedoen/",
    "/denk-mee/meedoen/bedankt/",
    "/denk-mee/idee/",
    "/denk-mee/idee/bedankt/",
    "/agenda/",
]
# A campaign's name is a proper name, quoted as it is: "Voel je thuis" stays "je".
PROPER_NAMES = re.compile(r"Voel je thuis", re.IGNORECASE)


@pytest.mark.slow
@pytest.mark.django_db
def test_every_public_page_of_the_demo_says_u():
    call_command("seed_demo", stdout=StringIO())
    pages = [
        *PUBLIC_PAGES,
        *(
            f"/monitor/?indicator={code}"
            for code in Indicator.objects.values_list("code", flat=True)
        ),
        *(a.get_absolute_url() for a in Article.objects.published()),
        *(a.get_absolute_url() for a in Activity.objects.published()[:20]),
        *(o.get_absolute_url() for o in Organisation.objects.active()[:10]),
        *(e.get_absolute_url() for e in PublicEvent.objects.published()),
        *(c.get_absolute_url() for c in Campaign.objects.published()),
        *(f"{e.get_absolute_url()}aanmelden/" for e in PublicEvent.objects.published()[:2]),
    ]
    resident = Client()

    informal = {}
    for url in pages:
        response = resident.get(url)
        assert response.status_code == 200, url
        text = PROPER_NAMES.sub("", strip_tags(response.content.decode()))
        if found := sorted({m[0].lower() for m in INFORMAL.finditer(text)}):
            informal[url] = found

    assert informal == {}
