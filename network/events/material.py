"""Printable material of a campaign: an A4 poster and an A5 flyer (PDF, WeasyPrint).

Each holds the campaign's text, the municipality's name and colours (settings), the phone
number of the Sociaal Servicepunt, and QR codes to the signal form and the social map, as
absolute links from ``SITE_URL``. A PDF is made once per version of its HTML
(``coalition.pdf.cached_pdf``): a changed campaign makes a new one.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coalition import pdf
from coalition.lib import absolute_url
from network.models import Campaign, PublicEvent

KINDS = {"poster": "A4", "flyer": "A5"}
STYLESHEETS = ["network/campaign-material.css"]
EVENTS_ON_MATERIAL = {"poster": 4, "flyer": 6}


def colours_css() -> str:
    return (
        f":root {{ --brand: {settings.BRAND_COLOR}; --brand-dark: {settings.BRAND_COLOR_DARK}; }}"
    )


def context(campaign: Campaign, kind: str) -> dict:
    report_url = absolute_url(reverse("signals:report"))
    map_url = absolute_url(reverse("network:search"))
    events = (
        PublicEvent.objects.coming(timezone.now())
        .filter(campaign=campaign)
        .only("title", "starts_at", "venue_name")[: EVENTS_ON_MATERIAL[kind]]
    )
    return {
        "campaign": campaign,
        "kind": kind,
        "size": KINDS[kind],
        "events": list(events),
        "municipality_name": settings.MUNICIPALITY_NAME,
        "coalition_name": settings.COALITION_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        "report_url": report_url,
        "map_url": map_url,
        "campaign_url": absolute_url(campaign.get_absolute_url()),
        "report_qr": pdf.qr_svg(report_url),
        "map_qr": pdf.qr_svg(map_url),
    }


def material_pdf(campaign: Campaign, kind: str) -> bytes:
    html = render_to_string("network/events/material_pdf.html", context(campaign, kind))
    return pdf.cached_pdf(html, stylesheets=STYLESHEETS, css=colours_css())
