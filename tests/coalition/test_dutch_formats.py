"""Numbers and dates the Dutch way (issue 12): "2,50" is a price, "1 december 2026" a date,
and no form offers an empty choice in English."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from network.models import Activity
from tests.factories import make_activity, make_membership, make_organisation, make_signal
from tests.network.test_moderation import activity_post
from tests.test_access_matrix import MATRIX
from tests.test_demo_crawl import takes_arguments, url_patterns

pytestmark = pytest.mark.django_db


def test_activity_form_reads_numbers_with_a_decimal_comma(coordinator_client):
    data = activity_post(
        make_organisation(), is_free="", price="2,50", latitude="52,0831", longitude="4,393"
    )

    response = coordinator_client.post(reverse("network:activity_new"), data)

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert (activity.price, activity.latitude, activity.longitude) == (
        Decimal("2.50"),
        Decimal("52.0831"),
        Decimal("4.393"),
    )


def test_activity_form_still_reads_a_decimal_point(coordinator_client):
    data = activity_post(make_organisation(), is_free="", price="2.50")

    coordinator_client.post(reverse("network:activity_new"), data)

    assert Activity.objects.get().price == Decimal("2.50")


def test_activity_form_and_page_show_the_price_with_a_decimal_comma(coordinator_client, resident):
    activity = make_activity(is_free=False, price=Decimal("2.50"))

    form = coordinator_client.get(reverse("network:activity_edit", args=[activity.pk]))
    page = resident.get(activity.get_absolute_url())

    assert re.search(r'<input type="text" name="price" value="2,50"[^>]*inputmode="decimal"', (
        form.content.decode()
    ))  # fmt: skip
    assert "€ 2,50" in page.content.decode()


def test_a_date_is_written_out_in_dutch_in_a_table(coordinator_client):
    make_membership(signed_on=date(2026, 12, 1))

    html = coordinator_client.get(reverse("network:members_admin")).content.decode()

    assert "<td>1 december 2026</td>" in html


def test_a_date_is_written_out_in_the_queue_in_dutch_and_in_english(coordinator_client):
    make_signal(created_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), contact_due=date(2027, 1, 12))

    dutch = coordinator_client.get(reverse("signals:queue")).content.decode()
    coordinator_client.cookies["django_language"] = "en"
    english = coordinator_client.get(reverse("signals:queue")).content.decode()

    assert "1 december 2026" in dutch and "12 januari 2027" in dutch
    assert "1 December 2026" in english and "12 January 2027" in english
    assert "Dec 2026" not in dutch + english


def test_django_empty_choice_is_dutch():
    with translation.override("nl"):
        assert gettext("- Select an option -") == "– kies –"


def coordinator_pages() -> list[str]:
    """Every page without arguments that a coordinator may open: lists, filters, new forms.
    The pages of one record are in the demo crawl (tests/test_demo_crawl.py)."""
    return sorted(
        reverse(name)
        for name, pattern in url_patterns()
        if MATRIX[name][0].split()[3] == "200" and not takes_arguments(pattern)
    )


@pytest.mark.slow
def test_no_form_page_offers_an_untranslated_empty_choice(coordinator_client, partner_client):
    make_activity(organisation=make_organisation())
    responses = {url: coordinator_client.get(url) for url in coordinator_pages()}
    responses["partner"] = partner_client.get(reverse("network:activity_new"))
    pages = {
        url: response.content.decode()
        for url, response in responses.items()
        if response["Content-Type"].startswith("text/html")
    }

    assert len(pages) > 30
    assert [url for url, html in pages.items() if "Select an option" in html] == []
    assert [url for url, html in pages.items() if "---------" in html] == []
