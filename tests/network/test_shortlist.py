from datetime import date
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import make_activity


def freeze_date(day: str):
    return mock.patch.object(timezone, "localdate", return_value=date.fromisoformat(day))


pytestmark = pytest.mark.django_db


def test_shortlist_collects_activities_in_the_session(resident):
    first = make_activity(title="Breiclub", phone="070 111 22 33")
    second = make_activity(title="Wandelclub")
    resident.post(f"/sociale-kaart/mijn-lijstje/{first.pk}/")
    response = resident.post(
        f"/sociale-kaart/mijn-lijstje/{second.pk}/", {"next": "/sociale-kaart/?q=club"}
    )
    assert response.url == f"/sociale-kaart/?q=club#shortlist-{second.pk}"
    page = resident.get("/sociale-kaart/mijn-lijstje/")
    assert [a.title for a in page.context["activities"]] == ["Breiclub", "Wandelclub"]
    body = page.content.decode()
    assert "070 111 22 33" in body
    assert 'id="print-list"' in body
    assert "/static/network/shortlist.js" in body


def test_shortlist_remove_and_clear(resident):
    first, second = make_activity(title="A"), make_activity(title="B")
    for activity in (first, second):
        resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/")
    resident.post(f"/sociale-kaart/mijn-lijstje/{first.pk}/weg/")
    assert [
        a.title for a in resident.get("/sociale-kaart/mijn-lijstje/").context["activities"]
    ] == ["B"]
    resident.post("/sociale-kaart/mijn-lijstje/leeg/")
    page = resident.get("/sociale-kaart/mijn-lijstje/")
    assert "Uw lijstje is leeg." in page.content.decode()


def test_unpublished_activity_cannot_be_added(resident):
    hidden = make_activity(publication_state="pending")
    assert resident.post(f"/sociale-kaart/mijn-lijstje/{hidden.pk}/").status_code == 404


def test_next_to_another_site_is_ignored(resident):
    activity = make_activity()
    response = resident.post(
        f"/sociale-kaart/mijn-lijstje/{activity.pk}/", {"next": "https://evil.example.com/"}
    )
    assert response.url == "/sociale-kaart/mijn-lijstje/"


def test_shortlist_is_exportable_as_csv(resident):
    activity = make_activity(title="Taalcafé")
    resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/")
    response = resident.get("/sociale-kaart/mijn-lijstje/export.csv")
    text = b"".join(response.streaming_content).decode()
    assert "Taalcafé" in text


def test_shortlist_uses_a_fixed_number_of_queries(resident, django_assert_max_num_queries):
    activities = [make_activity() for _ in range(30)]
    resident.post(f"/sociale-kaart/mijn-lijstje/{activities[0].pk}/")
    with django_assert_max_num_queries(10) as few:
        resident.get("/sociale-kaart/mijn-lijstje/")
    baseline = len(few.captured_queries)
    for activity in activities[1:]:
        resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/")
    with django_assert_max_num_queries(baseline):
        page = resident.get("/sociale-kaart/mijn-lijstje/")
    assert len(page.context["activities"]) == 30


def test_adding_sends_the_reader_back_to_the_button_with_a_link_to_the_list(resident):
    activity = make_activity(title="Breiclub")
    next_url = f"{activity.get_absolute_url()}#elders"

    response = resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/", {"next": next_url})

    assert response.url == f"{activity.get_absolute_url()}#shortlist-{activity.pk}"
    page = resident.get(response.url).content.decode()
    assert '“Breiclub” staat op uw lijstje. <a href="/sociale-kaart/mijn-lijstje/">' in page
    assert f'id="shortlist-{activity.pk}"' in page
    assert "“Breiclub” staat op mijn lijstje · eraf halen" in page
    assert "Mijn lijstje (1 activiteit)" in page


def test_adding_by_script_answers_what_the_button_becomes(resident):
    activity = make_activity(title="Breiclub")
    headers = {"X-Requested-With": "fetch"}

    added = resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/", headers=headers).json()
    removed = resident.post(
        f"/sociale-kaart/mijn-lijstje/{activity.pk}/weg/", headers=headers
    ).json()

    assert added == {
        "on_list": True,
        "text": "“Breiclub” staat op uw lijstje.",
        "label": "“Breiclub” staat op mijn lijstje · eraf halen",
        "action": f"/sociale-kaart/mijn-lijstje/{activity.pk}/weg/",
        "link": "Mijn lijstje (1 activiteit)",
        "view": "Bekijk mijn lijstje",
        "list_url": "/sociale-kaart/mijn-lijstje/",
    }
    assert removed["on_list"] is False
    assert removed["label"] == "“Breiclub” op mijn lijstje zetten"
    assert removed["action"] == f"/sociale-kaart/mijn-lijstje/{activity.pk}/"
    assert removed["link"] == "Mijn lijstje (0 activiteiten)"


def test_printed_list_says_whom_to_call_when_and_has_a_qr_code_per_activity(resident, settings):
    settings.SUPPORT_PHONE = "070 300 40 50"
    settings.SITE_URL = "https://oogvoorelkaar.example.nl"
    first = make_activity(title="Breiclub", venue_name="Buurthuis De Linde", street="Lindelaan 4")
    second = make_activity(title="Taalcafé")
    for activity in (first, second):
        resident.post(f"/sociale-kaart/mijn-lijstje/{activity.pk}/")

    with freeze_date("2026-12-01"):
        body = resident.get("/sociale-kaart/mijn-lijstje/").content.decode()

    assert "Oog voor elkaar · Leidschendam-Voorburg" in body
    assert "Bel het Sociaal Servicepunt: 070 300 40 50" in body
    assert "Geprint op 1 december 2026" in body
    assert body.count('<figure class="print-only shortlist-qr">') == 2
    assert body.count("<svg") == body.count('aria-hidden="true" focusable="false"') + 2
    assert "QR-code van de pagina van “Breiclub”" in body
    assert "Buurthuis De Linde<br>Lindelaan 4<br>" in body
