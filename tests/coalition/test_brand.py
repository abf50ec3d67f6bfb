"""The municipality's own look (issue 18): house colour with enough contrast on every
component, a logo or the wordmark, icons served by us, a home page that leads with what
residents come for."""

from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse

from coalition.environment import contrast_with_white
from coalition.models import TargetGroup
from tests.coalition.test_settings import manage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("colour", "ratio"), [("#ffffff", 1.0), ("#000000", 21.0), ("#00558c", 7.8), ("#ffcc00", 1.5)]
)
def test_contrast_with_white_follows_wcag(colour, ratio):
    assert round(contrast_with_white(colour), 1) == ratio


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"BRAND_COLOR": "#FFCC00"},
            "Configuration error: BRAND_COLOR #ffcc00 has a contrast of 1.5:1 with white; "
            "buttons, links and the menu need at least 4.5:1 (WCAG AA): choose a darker colour.",
        ),
        (
            {"BRAND_COLOR_DARK": "#7a8a99"},
            "Configuration error: BRAND_COLOR_DARK #7a8a99 has a contrast of 3.5:1 with white; "
            "buttons, links and the menu need at least 4.5:1 (WCAG AA): choose a darker colour.",
        ),
        (
            {"BRAND_COLOR": "blue"},
            "Configuration error: BRAND_COLOR must be a colour such as #00558c, not 'blue'.",
        ),
        (
            {"SITE_LOGO": "https://cdn.example.com/logo.svg"},
            "Configuration error: SITE_LOGO must be a path among the static files such as "
            "img/logo.svg, not 'https://cdn.example.com/logo.svg'.",
        ),
    ],
)
def test_a_colour_without_enough_contrast_is_refused_with_the_reason(env, message):
    result = manage("check", **env)

    assert result.returncode == 1
    assert result.stderr.strip() == message


@pytest.mark.slow
def test_a_dark_enough_colour_is_taken():
    assert manage("check", BRAND_COLOR="#8B0000").returncode == 0


def test_theme_gives_components_the_colour_as_rgb_too(client, settings):
    settings.BRAND_COLOR = "#8b0000"

    css = client.get(reverse("theme_css")).content.decode()

    assert "--brand: #8b0000;" in css
    assert "--brand-rgb: 139, 0, 0;" in css
    site_css = (ROOT / "static" / "css" / "site.css").read_text()
    for component in (".pagination", ".form-check-input:checked", ":focus-visible", ".btn-primary"):
        rule = site_css[site_css.index(component) :].split("}")[0]
        assert "var(--brand" in rule, component


@pytest.mark.django_db
def test_header_shows_the_logo_or_the_wordmark(client, settings):
    wordmark = client.get("/").content.decode()
    settings.SITE_LOGO = "img/favicon.svg"
    logo = client.get("/").content.decode()

    assert '<svg class="site-logo site-mark"' in wordmark
    assert (
        '<img class="site-logo" src="/static/img/favicon.svg" alt="Gemeente Leidschendam-Voorburg">'
        in logo
    )


def test_icons_are_our_own_files_with_their_licence():
    folder = ROOT / "static" / "icons" / "bootstrap-icons"
    html = Template('{% load icons %}{% icon "geo-alt" %}').render(Context())

    assert "MIT License" in (folder / "LICENSE").read_text()
    assert html.startswith('<svg aria-hidden="true" focusable="false" ')
    assert 'class="bi bi-geo-alt"' in html


@pytest.mark.django_db
def test_home_page_leads_with_a_signal_and_the_social_map(client):
    TargetGroup.objects.get_or_create(slug="mantelzorgers", defaults={"name": "Mantelzorgers"})

    body = client.get("/").content.decode()

    routes = body.index("Ik voel me eenzaam, of ik maak me zorgen om iemand")
    assert routes < body.index("Vind een activiteit bij u in de buurt") < body.index("Over ons")
    assert '<a href="/sociale-kaart/?doelgroep=mantelzorgers">' in body
