import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import Signal
from tests.factories import make_area, make_signal, target_group

pytestmark = pytest.mark.django_db
QUEUE = "/signalen/"


def test_queue_requires_login(resident):
    response = resident.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_queue_is_forbidden_for_partners(partner_client):
    assert partner_client.get(QUEUE).status_code == 403


def test_queue_lists_open_signals_with_counts(coordinator_client):
    open_signal = make_signal(status=Signal.Status.IN_PROGRESS)
    closed = make_signal(status=Signal.Status.CLOSED)

    response = coordinator_client.get(QUEUE)

    html = response.content.decode()
    assert response.status_code == 200
    assert open_signal.reference in html
    assert closed.reference not in html
    assert "In behandeling</a>: <strong>1</strong>" in html
    assert "Afgesloten</a>: <strong>1</strong>" in html


def test_queue_filters(coordinator_client, coordinator):
    wijk = make_area(code="WK191603", name="Voorburg-Midden")
    mine = make_signal(status=Signal.Status.IN_PROGRESS, assigned_to=coordinator)
    in_district = make_signal(district=wijk, target_groups=[target_group("ouderen")])
    by_phone = make_signal(channel=Signal.Channel.PHONE)
    overdue = make_signal(contact_due=timezone.localdate() - datetime.timedelta(days=1))

    def refs(query):
        html = coordinator_client.get(QUEUE, query).content.decode()
        return {s.reference for s in (mine, in_district, by_phone, overdue) if s.reference in html}

    assert refs({"assigned": "me"}) == {mine.reference}
    assert refs({"assigned": "none"}) == {
        in_district.reference,
        by_phone.reference,
        overdue.reference,
    }
    assert refs({"district": wijk.pk}) == {in_district.reference}
    assert refs({"target_group": "ouderen"}) == {in_district.reference}
    assert refs({"channel": "phone"}) == {by_phone.reference}
    assert refs({"overdue": "on"}) == {overdue.reference}
    assert refs({"status": "in_progress"}) == {mine.reference}


def test_queue_marks_overdue(coordinator_client):
    make_signal(contact_due=timezone.localdate() - datetime.timedelta(days=1))

    assert "te laat</span>" in coordinator_client.get(QUEUE).content.decode()


def test_queue_sorts_by_age(coordinator_client):
    now = timezone.now()
    old = make_signal(created_at=now - datetime.timedelta(days=3))
    new = make_signal(created_at=now)

    oldest_first = coordinator_client.get(QUEUE).content.decode()
    newest_first = coordinator_client.get(QUEUE, {"sort": "newest"}).content.decode()

    assert oldest_first.index(old.reference) < oldest_first.index(new.reference)
    assert newest_first.index(new.reference) < newest_first.index(old.reference)


def test_queue_is_paginated(coordinator_client):
    for _ in range(26):
        make_signal()

    first = coordinator_client.get(QUEUE).content.decode()
    second = coordinator_client.get(QUEUE, {"page": 2}).content.decode()

    assert "Pagina 1 van 2" in first
    assert first.count("/signalen/S-") == 25
    assert second.count("/signalen/S-") == 1


def test_queue_pages_keep_the_filters(coordinator_client):
    for _ in range(26):
        make_signal()

    first = coordinator_client.get(QUEUE, {"sort": "newest"}).content.decode()
    second = coordinator_client.get(QUEUE, {"sort": "newest", "page": 2}).content.decode()

    assert 'href="?sort=newest&amp;page=2"' in first
    assert 'href="?sort=newest&amp;page=1"' in second


@pytest.mark.parametrize("rows", [1, 30])
def test_queue_query_count_is_fixed(coordinator_client, django_assert_max_num_queries, rows):
    wijk = make_area()
    for _ in range(rows):
        make_signal(district=wijk, target_groups=[target_group("ouderen")])

    with django_assert_max_num_queries(12):
        response = coordinator_client.get(QUEUE)

    assert response.status_code == 200


def _fields_drawn(response) -> int:
    return [template.name for template in response.templates].count("coalition/forms/field.html")


def test_queue_filters_are_drawn_once_per_set_of_values(coordinator_client):
    make_area(code="WK191601", name="Voorburg-Noord")
    url = reverse("signals:queue")
    first = coordinator_client.get(url, {"status": "new"})
    again = coordinator_client.get(url, {"status": "new"})
    other = coordinator_client.get(url, {"status": "referred"})

    assert _fields_drawn(first) == 9  # the search field and the eight filters
    assert _fields_drawn(again) == 1  # only the search field
    assert again.content.decode().count('<option value="new" selected>') == 1
    assert _fields_drawn(other) == 9
    assert '<option value="referred" selected>' in other.content.decode()


def test_a_new_district_is_a_filter_at_once(coordinator_client):
    url = reverse("signals:queue")
    coordinator_client.get(url)
    make_area(code="WK191608", name="Stompwijk")

    assert "Stompwijk" in coordinator_client.get(url).content.decode()


def test_a_wrong_filter_value_is_drawn_afresh_with_its_error(coordinator_client):
    url = reverse("signals:queue")
    coordinator_client.get(url, {"status": "nonsense"})
    response = coordinator_client.get(url, {"status": "nonsense"})

    assert _fields_drawn(response) == 9
    assert 'class="form-select is-invalid"' in response.content.decode()


def test_the_search_term_is_never_drawn_from_memory(coordinator_client):
    url = reverse("signals:queue")
    coordinator_client.get(url, {"q": "de Vries"})
    html = coordinator_client.get(url, {"q": "Jansen"}).content.decode()

    assert 'value="Jansen"' in html
    assert "de Vries" not in html
