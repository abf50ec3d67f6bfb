"""The annual report to the council as PDF (issue 15, part 3): cover, contents, sections with
conclusions, charts, outline and metadata; made once per version of its data."""

import io
from datetime import UTC, datetime

import pypdf
import pytest
from django.urls import reverse

from monitoring.models import ReportConclusion
from tests.factories import (
    make_action,
    make_measurement,
    make_organisation,
    make_referral,
    make_signal,
)

pytestmark = pytest.mark.django_db


def read_pdf(response) -> pypdf.PdfReader:
    assert response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(b"".join(response)))


def text_of(reader: pypdf.PdfReader) -> str:
    """The text of every page, lines wrapped in a table cell or after a hyphen joined again."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("-\n", "-").split())


def outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def a_year_of_work():
    lead = make_organisation(name="Welzijn Voorburg")
    make_action(
        year=2024,
        title="Wandelgroepen in elke wijk",
        status="loopt",
        target_label="wandelgroepen gestart",
        target_value=8,
        current_value=6,
        lead_organisation=lead,
    )
    for year, value in {2012: 40, 2016: 44, 2020: 48, 2024: 46}.items():
        make_measurement(year=year, value=value, ci_low=value - 2, ci_high=value + 2)
    signal = make_signal(status="referred", created_at=datetime(2024, 3, 5, 10, tzinfo=UTC))
    make_referral(signal=signal, created_at=datetime(2024, 3, 6, 10, tzinfo=UTC), went="yes")


@pytest.mark.slow
def test_pdf_has_cover_sections_figures_and_outline(coordinator_client):
    a_year_of_work()

    response = coordinator_client.get(reverse("monitoring:report_pdf", args=[2024]))

    reader = read_pdf(response)
    text = text_of(reader)
    assert response.status_code == 200
    assert reader.metadata.title == "Eenzaamheid in Leidschendam-Voorburg: jaarrapport 2024"
    assert "Gemeente Leidschendam-Voorburg" in reader.pages[0].extract_text()
    assert "Wandelgroepen in elke wijk" in text
    assert "8 wandelgroepen gestart" in text
    assert "6 (75 %)" in text
    assert "Welzijn Voorburg" in text
    assert "46,0 % (2024, 65+)" in text
    assert "Trendbreuk aangetoond" in text
    assert "Pagina 2 van" in reader.pages[1].extract_text()
    titles = outline_titles(reader.outline)
    for heading in [
        "Eenzaamheid in Leidschendam-Voorburg: jaarrapport 2024",
        "Actieagenda",
        "Bewustwording",
        "Van signaal naar steun",
        "Trendbreuk 2024 per doelgroep",
        "Gaten in de wijken",
        "Methode en bronnen",
    ]:
        assert heading in titles


def fill(n: int) -> None:
    from tests.factories import make_area, make_article, make_meeting, make_training

    district = make_area(code="WK191601", name="Voorburg-Noord")
    for i in range(n):
        make_action(year=2024, lead_organisation=make_organisation(), target_value=10)
        make_article(published_on=datetime(2024, 5, 1).date(), is_published=True)
        make_meeting(starts_at=datetime(2024, 6, 1, 14, tzinfo=UTC))
        make_training(held_on=datetime(2024, 7, 1).date())
        signal = make_signal(
            status="referred", district=district, created_at=datetime(2024, 3, 5, 10, tzinfo=UTC)
        )
        make_referral(signal=signal, created_at=datetime(2024, 3, 6, 10, tzinfo=UTC))
        make_measurement(year=2012 + (i % 7) * 2, age_band=f"{i}+")
        ReportConclusion.objects.update_or_create(
            year=2024, section=ReportConclusion.Section.choices[i % 5][0], defaults={"text": "x"}
        )


@pytest.mark.parametrize("records", [1, 30])
def test_report_page_uses_a_fixed_number_of_queries(
    coordinator_client, records, django_assert_num_queries
):
    fill(records)

    with django_assert_num_queries(41):
        response = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024})

    assert response.status_code == 200


@pytest.mark.slow
def test_coordinator_saves_conclusions_shown_with_who_in_page_and_pdf(
    coordinator_client, coordinator
):
    a_year_of_work()

    response = coordinator_client.post(
        reverse("monitoring:report_conclusion"),
        {"jaar": 2024, "section": "signals", "text": "Meer **huisartsen** laten melden."},
    )

    stored = ReportConclusion.objects.get(year=2024, section="signals")
    assert response["Location"] == "/monitor/rapport/?jaar=2024#section-signals"
    assert stored.updated_by == coordinator
    assert stored.updated_at is not None
    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024}).content.decode()
    assert "Meer <strong>huisartsen</strong> laten melden." in html
    assert "Geschreven door Fatima" in html
    pdf_text = text_of(
        read_pdf(coordinator_client.get(reverse("monitoring:report_pdf", args=[2024])))
    )
    assert "Meer huisartsen laten melden." in pdf_text
    assert "Geschreven door Fatima" in pdf_text


def test_conclusion_text_is_escaped(coordinator_client):
    a_year_of_work()
    coordinator_client.post(
        reverse("monitoring:report_conclusion"),
        {"jaar": 2024, "section": "gaps", "text": "<script>alert(1)</script>"},
    )

    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024}).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_report_page_shows_the_conclusion_form_only_with_the_permission(
    coordinator_client, coordinator
):
    a_year_of_work()
    url = reverse("monitoring:report")
    form = 'action="/monitor/rapport/conclusies/"'

    assert form in coordinator_client.get(url, {"jaar": 2024}).content.decode()

    coordinator.user_permissions.clear()
    for group in coordinator.groups.all():
        group.permissions.remove(*group.permissions.filter(codename="change_reportconclusion"))
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    coordinator_client.force_login(coordinator)
    html = coordinator_client.get(url, {"jaar": 2024}).content.decode()
    assert "Nog geen conclusies geschreven." in html
    assert form not in html


def test_partner_may_not_write_conclusions(partner_client):
    response = partner_client.post(
        reverse("monitoring:report_conclusion"),
        {"jaar": 2024, "section": "signals", "text": "Niet van mij"},
    )

    assert response.status_code == 403
    assert not ReportConclusion.objects.exists()


def test_partner_and_anonymous_may_not_download_the_pdf(partner_client, resident):
    url = reverse("monitoring:report_pdf", args=[2024])

    assert partner_client.get(url).status_code == 403
    assert resident.get(url)["Location"].startswith(reverse("login"))


@pytest.mark.slow
def test_year_without_data_says_so(coordinator_client):
    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2031}).content.decode()
    text = text_of(read_pdf(coordinator_client.get(reverse("monitoring:report_pdf", args=[2031]))))

    for shown in [html, text]:
        assert "Geen cijfers voor dit jaar" in shown
        assert "Voor 2031 zijn er nog geen cijfers" in shown
    assert "Acties van doel" not in text
    assert "<table" not in html


@pytest.mark.slow
def test_pdf_is_made_once_per_version_of_its_data(coordinator_client):
    a_year_of_work()
    url = reverse("monitoring:report_pdf", args=[2024])

    first = b"".join(coordinator_client.get(url))
    again = b"".join(coordinator_client.get(url))
    make_action(year=2024, title="Nieuwe actie voor jongeren")
    changed = b"".join(coordinator_client.get(url))

    assert again == first
    assert "Nieuwe actie voor jongeren" not in text_of(pypdf.PdfReader(io.BytesIO(first)))
    assert "Nieuwe actie voor jongeren" in text_of(pypdf.PdfReader(io.BytesIO(changed)))


def test_pdf_of_a_year_out_of_range_is_not_found(coordinator_client):
    assert coordinator_client.get("/monitor/rapport/1800.pdf").status_code == 404


def test_pdf_charts_are_svg_with_a_title(coordinator_client):
    a_year_of_work()

    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2024}).content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg" class="print-chart"' in html
    assert "Eenzame inwoners: Ouderen</title>" in html
    assert "Afhandeling van signalen, 2024</title>" in html
