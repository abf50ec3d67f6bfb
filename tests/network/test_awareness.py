from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Article
from network.partnership import textformat
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_text_format_allows_headings_lists_bold_and_links_but_never_html():
    html = textformat.render(
        "## Hoe herken je het\n"
        "Iemand komt **minder** buiten.\n\n"
        "- trekt zich terug\n"
        "- [meer info](https://example.org/info)\n\n"
        "<script>alert(1)</script> [kwaad](javascript:alert(1))"
    )

    assert html == (
        "<h2>Hoe herken je het</h2>\n"
        "<p>Iemand komt <strong>minder</strong> buiten.</p>\n"
        "<ul><li>trekt zich terug</li>"
        '<li><a href="https://example.org/info">meer info</a></li></ul>\n'
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [kwaad](javascript:alert(1))</p>"
    )


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/pagina",
        "/\\evil.example",
        "https:///evil.example",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "java\x00script:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,kwaad",
        "vbscript:msgbox(1)",
        "https:evil.example",
        "https:/\\evil.example",
        "mailto:",
    ],
)
def test_text_format_shows_unsafe_links_as_plain_text(target):
    html = textformat.render(f"Lees [dit]({target}) eens.")

    assert "<a" not in html
    assert html.startswith("<p>Lees [dit](")


@pytest.mark.parametrize(
    ("target", "href"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("/sociale-kaart/", "/sociale-kaart/"),
        ("/", "/"),
        ("mailto:info@example.org", "mailto:info@example.org"),
    ],
)
def test_text_format_links_web_addresses_site_paths_and_mail(target, href):
    html = textformat.render(f"[dit]({target})")

    assert html == f'<p><a href="{href}">dit</a></p>'


def test_residents_read_published_items_only(resident):
    make_article(title="Het gesprek beginnen", slug="gesprek")
    draft = make_article(title="Nog niet klaar", slug="concept", is_published=False)

    listing = resident.get("/voorlichting/").content.decode()
    page = resident.get("/voorlichting/gesprek/")

    assert "Het gesprek beginnen" in listing and "Nog niet klaar" not in listing
    assert "<h2>Wat is het</h2>" in page.content.decode()
    assert resident.get(draft.get_absolute_url()).status_code == 404


def test_coordinator_previews_a_draft(coordinator_client):
    draft = make_article(title="Nog niet klaar", is_published=False)

    html = coordinator_client.get(draft.get_absolute_url()).content.decode()

    assert "Nog niet klaar" in html and "concept" in html


def test_home_page_shows_the_latest_items(resident):
    for n in range(4):
        make_article(title=f"Nieuws {n}", kind="nieuws", published_on=date(2026, 10, 1 + n))
    make_article(title="Concept", is_published=False, published_on=date(2026, 12, 1))

    html = resident.get("/").content.decode()

    assert "Nieuws en verhalen" in html
    assert "Nieuws 3" in html and "Nieuws 2" in html and "Nieuws 1" in html
    assert "Nieuws 0" not in html and "Concept" not in html


def test_list_filters_by_kind(resident):
    make_article(title="Uitleg", kind="uitleg")
    make_article(title="Een verhaal", kind="verhaal")

    response = resident.get("/voorlichting/?soort=verhaal")

    assert [a.title for a in response.context["page"]] == ["Een verhaal"]


@pytest.mark.parametrize("rows", [1, 20])
def test_list_uses_fixed_queries(resident, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_article()

    with django_assert_max_num_queries(4):
        response = resident.get("/voorlichting/")

    assert len(response.context["page"]) == rows


def test_coordinator_publishes_an_item_with_an_image(coordinator_client, resident):
    response = coordinator_client.post(
        "/netwerk/voorlichting/nieuw/",
        {
            "kind": "verhaal",
            "title": "Het verhaal van Truus",
            "slug": "truus",
            "summary": "Truus vond via de buurtkamer nieuwe vrienden.",
            "body": "## Truus\nZe kwam voor het eerst op een dinsdag.",
            "image_alt": "Truus aan de koffietafel",
            "published_on": "2026-10-05",
            "is_published": "on",
            "upload": SimpleUploadedFile("truus.png", PNG, content_type="image/png"),
        },
    )

    assert response.url == "/voorlichting/truus/"
    image = resident.get("/voorlichting/truus/afbeelding")
    assert image["Content-Type"] == "image/png"
    assert image.content == PNG
    assert 'alt="Truus aan de koffietafel"' in resident.get("/voorlichting/truus/").content.decode()


def test_image_needs_alt_text_and_must_be_a_picture(coordinator_client):
    base = {
        "kind": "nieuws",
        "title": "Campagne",
        "slug": "campagne",
        "summary": "Kort",
        "body": "Tekst",
        "published_on": "2026-10-05",
    }

    no_alt = coordinator_client.post(
        "/netwerk/voorlichting/nieuw/",
        {**base, "upload": SimpleUploadedFile("a.png", PNG, content_type="image/png")},
    )
    not_image = coordinator_client.post(
        "/netwerk/voorlichting/nieuw/",
        {**base, "image_alt": "x", "upload": SimpleUploadedFile("a.png", b"<svg onload=x>")},
    )

    assert no_alt.context["form"].errors["image_alt"] == [
        "Beschrijf de afbeelding voor mensen die haar niet kunnen zien."
    ]
    assert not_image.context["form"].errors["upload"] == ["Upload een foto als JPEG, PNG of WebP."]
    assert not Article.objects.exists()


def test_coordinator_removes_an_image(coordinator_client):
    article = make_article(slug="met-foto", image=PNG, image_type="image/png", image_alt="Foto")

    coordinator_client.post(
        "/netwerk/voorlichting/met-foto/",
        {
            "kind": article.kind,
            "title": article.title,
            "slug": "met-foto",
            "summary": article.summary,
            "body": article.body,
            "published_on": "2026-10-01",
            "is_published": "on",
            "remove_image": "on",
        },
    )

    article.refresh_from_db()
    assert (article.image, article.image_alt) == (None, "")


def test_only_coordinators_write_items(resident, partner_client):
    article = make_article(slug="uitleg")

    assert resident.get("/netwerk/voorlichting/").url.startswith("/accounts/login/")
    assert partner_client.get("/netwerk/voorlichting/").status_code == 403
    assert partner_client.get("/netwerk/voorlichting/nieuw/").status_code == 403
    assert partner_client.post("/netwerk/voorlichting/uitleg/", {"title": "X"}).status_code == 403
    article.refresh_from_db()
    assert article.title != "X"


@pytest.mark.parametrize("rows", [1, 20])
def test_admin_list_uses_fixed_queries(coordinator_client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_article(is_published=False)

    with django_assert_max_num_queries(9):
        response = coordinator_client.get("/netwerk/voorlichting/")

    assert len(response.context["page"]) == rows


def test_slug_of_an_item_is_made_from_its_title_when_left_empty(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/voorlichting/nieuw/",
        {
            "kind": "verhaal",
            "title": "Het café van Truus",
            "slug": "",
            "summary": "Truus vond via de buurtkamer nieuwe vrienden.",
            "body": "Ze kwam voor het eerst op een dinsdag.",
            "published_on": "2026-10-05",
        },
    )

    assert response.url == "/voorlichting/het-cafe-van-truus/"
