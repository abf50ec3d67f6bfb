import pytest

from tests.factories import make_activity

pytestmark = pytest.mark.django_db


def test_shortlist_collects_activities_in_the_session(resident):
    first = make_activity(title="Breiclub", phone="070 111 22 33")
    second = make_activity(title="Wandelclub")
    resident.post(f"/sociale-kaart/mijn-lijstje/{first.pk}/")
    response = resident.post(
        f"/sociale-kaart/mijn-lijstje/{second.pk}/", {"next": "/sociale-kaart/?q=club"}
    )
    assert response.url == "/sociale-kaart/?q=club"
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
