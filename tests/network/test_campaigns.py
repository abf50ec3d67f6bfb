"""Campaigns (issue 16): a public page with events, articles and material; the A4 poster and
A5 flyer as PDF with the campaign's text, the municipality, the Sociaal Servicepunt's phone
number and QR codes; downloads counted in the own figures."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from monitoring.campaign_figures import campaign_figure
from network.events import material
from network.models import Campaign
from tests.factories import (
    make_article,
    make_campaign,
    make_event_registration,
    make_public_event,
)


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())  # lines wrap


def test_campaign_page_gathers_events_articles_and_material(resident):
    campaign = make_campaign(title="Week tegen Eenzaamheid 2026", body="## Doe mee\n**Samen**")
    campaign.articles.add(make_article(title="Zo begint u het gesprek"))
    make_public_event(campaign=campaign, title="Koffie in de bibliotheek")
    make_public_event(title="Geen campagne")

    page = resident.get(f"/campagnes/{campaign.slug}/").content.decode()

    assert "Koffie in de bibliotheek" in page
    assert "Geen campagne" not in page
    assert "Zo begint u het gesprek" in page
    assert f"/campagnes/{campaign.slug}/poster.pdf" in page
    assert "<strong>Samen</strong>" in page


def test_unpublished_campaign_is_hidden_from_residents(resident, coordinator_client):
    campaign = make_campaign(is_published=False)

    assert resident.get(f"/campagnes/{campaign.slug}/").status_code == 404
    assert coordinator_client.get(f"/campagnes/{campaign.slug}/").status_code == 200


@pytest.mark.slow
def test_poster_has_text_municipality_phone_and_qr_links(resident, settings):
    settings.SUPPORT_PHONE = "070 123 45 67"
    settings.SITE_URL = "https://oogvoorelkaar.example.org"
    campaign = make_campaign(title="Voel je thuis 2026", poster_text="Samen is het leuker.")

    response = resident.get(f"/campagnes/{campaign.slug}/poster.pdf")
    text = pdf_text(response.content)
    context = material.context(campaign, "poster")

    assert response["Content-Type"] == "application/pdf"
    assert "Voel je thuis 2026" in text
    assert "Samen is het leuker." in text
    assert "070 123 45 67" in text
    assert "Leidschendam-Voorburg" in text
    assert context["report_url"] == "https://oogvoorelkaar.example.org/melden/"
    assert context["map_url"] == "https://oogvoorelkaar.example.org/sociale-kaart/"
    assert str(context["report_qr"]).startswith("<svg")


@pytest.mark.slow
def test_flyer_is_a5_and_poster_a4(resident):
    campaign = make_campaign()

    poster = PdfReader(BytesIO(resident.get(f"/campagnes/{campaign.slug}/poster.pdf").content))
    flyer = PdfReader(BytesIO(resident.get(f"/campagnes/{campaign.slug}/flyer.pdf").content))

    assert round(float(poster.pages[0].mediabox.width) / 72 * 25.4) == 210
    assert round(float(flyer.pages[0].mediabox.width) / 72 * 25.4) == 148


@pytest.mark.slow
def test_downloads_are_counted(resident):
    campaign = make_campaign()

    resident.get(f"/campagnes/{campaign.slug}/poster.pdf")
    resident.get(f"/campagnes/{campaign.slug}/poster.pdf")
    resident.get(f"/campagnes/{campaign.slug}/flyer.pdf")

    campaign.refresh_from_db()
    assert (campaign.poster_downloads, campaign.flyer_downloads) == (2, 1)


def test_own_figures_count_per_campaign(db):
    campaign = make_campaign(title="Voel je thuis 2026", poster_downloads=3, flyer_downloads=1)
    event = make_public_event(campaign=campaign)
    make_public_event(campaign=campaign)
    make_event_registration(event=event, people=2, attended=True)
    make_event_registration(event=event, people=1)
    make_event_registration(event=event, people=4, status="cancelled")
    make_event_registration(event=event, people=1, status="waiting")

    figure = campaign_figure(2026)

    assert figure.rows == [["Voel je thuis 2026", "2", "3", "2", "4"]]


def test_coordinator_builds_a_campaign(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/campagnes/nieuw/",
        {
            "title": "Week tegen Eenzaamheid 2026",
            "summary": "Een week over eenzaamheid.",
            "body": "Praat erover.",
            "poster_text": "Eenzaam? Praat erover.",
            "starts_on": "2026-09-24",
            "ends_on": "2026-10-01",
            "is_published": "on",
        },
    )

    campaign = Campaign.objects.get()
    assert campaign.slug == "week-tegen-eenzaamheid-2026"
    assert response.url == "/campagnes/week-tegen-eenzaamheid-2026/"


def test_partner_may_not_build_campaigns(partner_client):
    assert partner_client.get("/netwerk/campagnes/nieuw/").status_code == 403
