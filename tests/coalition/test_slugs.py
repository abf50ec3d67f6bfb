"""Slugs: one function makes them, for the forms and the demo alike (issue 12)."""

import pytest
from django.urls import reverse

from coalition.lib import make_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Repair Café Voorburg", "repair-cafe-voorburg"),
        ("Stichting 't Centrum & Co.", "stichting-t-centrum-co"),
        ("  Zwemmen (55+)  ", "zwemmen-55"),
        ("Ĳsbaan Leidschendam", "ijsbaan-leidschendam"),
        ("!!!", ""),
    ],
)
def test_make_slug_gives_ascii_words_joined_by_hyphens(text, slug):
    assert make_slug(text, max_length=80) == slug


def test_make_slug_is_cut_to_length_without_a_trailing_hyphen():
    assert make_slug("Repair Café Voorburg", max_length=11) == "repair-cafe"
    assert make_slug("Repair Café Voorburg", max_length=12) == "repair-cafe"


def test_a_made_slug_fits_the_address_of_an_organisation():
    slug = make_slug("Repair Café Voorburg", max_length=80)

    assert reverse("network:organisation", args=[slug]) == f"/sociale-kaart/organisatie/{slug}/"
