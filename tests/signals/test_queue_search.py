import datetime

import pytest
from django.utils import timezone

from signals.models import CoordinatorDistrict, SearchAudit, Signal
from tests.conftest import login
from tests.factories import make_area, make_referral, make_signal, make_user

pytestmark = pytest.mark.django_db
QUEUE = "/signalen/"
DAY = datetime.timedelta(days=1)


def found(client, q, *signals) -> set[str]:
    html = client.get(QUEUE, {"q": q}).content.decode()
    return {s.reference for s in signals if s.reference in html}


@pytest.fixture
def people(db):
    return {
        "jansen": make_signal(
            person_name="Mevr. Jansen",
            contact_phone="070 123 45 67",
            contact_email="Piet.Jansen@Example.org",
            postcode="2271 AB",
        ),
        "bakker": make_signal(
            person_name="Dhr. Bakker",
            contact_name="Ria de Vries",
            contact_phone="+31 6-12345678",
            contact_email="ria@example.org",
            postcode="2275 CD",
        ),
    }


def test_search_by_reference_in_any_case(coordinator_client, people):
    jansen = people["jansen"]

    assert found(coordinator_client, jansen.reference.lower(), *people.values()) == {
        jansen.reference
    }


def test_search_by_part_of_a_name_or_the_contact_persons_name(coordinator_client, people):
    assert found(coordinator_client, "jansen", *people.values()) == {people["jansen"].reference}
    assert found(coordinator_client, "de vries", *people.values()) == {people["bakker"].reference}


@pytest.mark.parametrize(
    "typed", ["0701234567", "070-123 4567", "+31 70 123 4567", "0031701234567"]
)
def test_search_by_phone_ignores_spaces_dashes_and_country_code(coordinator_client, people, typed):
    assert found(coordinator_client, typed, *people.values()) == {people["jansen"].reference}


def test_search_by_phone_finds_a_number_stored_with_country_code(coordinator_client, people):
    assert found(coordinator_client, "06 1234 5678", *people.values()) == {
        people["bakker"].reference
    }


def test_search_by_email_in_any_case(coordinator_client, people):
    assert found(coordinator_client, "piet.jansen@example.ORG", *people.values()) == {
        people["jansen"].reference
    }


@pytest.mark.parametrize("typed", ["2275cd", "2275 CD", " 2275  cd "])
def test_search_by_postcode_in_capitals_or_not_with_or_without_space(
    coordinator_client, people, typed
):
    assert found(coordinator_client, typed, *people.values()) == {people["bakker"].reference}


def test_search_also_finds_closed_signals(coordinator_client):
    closed = make_signal(person_name="Mevr. Oud", status=Signal.Status.CLOSED)

    assert found(coordinator_client, "oud", closed) == {closed.reference}


def test_each_search_is_audited_without_the_term(coordinator_client, coordinator, people):
    coordinator_client.get(QUEUE, {"q": "070 123 45 67"})
    coordinator_client.get(QUEUE, {"q": "+31701234567"})
    coordinator_client.get(QUEUE, {"q": "niemand"})

    audits = list(SearchAudit.objects.order_by("pk"))
    assert [(a.by, a.kind, a.results) for a in audits] == [
        (coordinator, "phone", 1),
        (coordinator, "phone", 1),
        (coordinator, "name", 0),
    ]
    assert audits[0].term_digest == audits[1].term_digest == SearchAudit.digest("0701234567")
    assert "1234567" not in audits[0].term_digest
    assert audits[2].term_digest != SearchAudit.digest("niemand ")


def test_a_queue_without_search_is_not_audited(coordinator_client, people):
    coordinator_client.get(QUEUE, {"status": "new"})

    assert not SearchAudit.objects.exists()


def test_partners_may_not_search_and_leave_no_audit(partner_client, people):
    response = partner_client.get(QUEUE, {"q": "jansen"})

    assert response.status_code == 403
    assert not SearchAudit.objects.exists()


def test_district_coordinator_does_not_find_another_districts_signal(client):
    restricted = make_user(roles=["coordinator"])
    CoordinatorDistrict.objects.create(user=restricted, district=make_area(code="WK191608"))
    elsewhere = make_signal(person_name="Mevr. Jansen", district=make_area(code="WK191601"))
    login(client, restricted)

    assert found(client, "jansen", elsewhere) == set()
    assert SearchAudit.objects.get().results == 0


def test_queue_puts_what_needs_action_first(coordinator_client):
    now, today = timezone.now(), timezone.localdate()
    old_calm = make_signal(created_at=now - 9 * DAY, contact_due=today + DAY)
    due_today = make_signal(created_at=now - 2 * DAY, contact_due=today)
    overdue = make_signal(created_at=now - DAY, contact_due=today - DAY)
    call_back = make_signal(
        created_at=now - 3 * DAY,
        contact_due=today + DAY,
        first_contact_at=now,
        call_back_on=today,
    )
    follow_up = make_signal(created_at=now - 4 * DAY, contact_due=today + 4 * DAY)
    make_referral(signal=follow_up, follow_up_on=today)
    new_calm = make_signal(created_at=now, contact_due=today + 5 * DAY)

    html = coordinator_client.get(QUEUE).content.decode()

    order = [overdue, follow_up, call_back, due_today, old_calm, new_calm]
    assert sorted((s.reference for s in order), key=html.index) == [s.reference for s in order]


def test_queue_search_box_keeps_the_term_in_the_filters(coordinator_client, people):
    html = coordinator_client.get(QUEUE, {"q": "2275 CD"}).content.decode()

    assert '<input type="hidden" name="q" value="2275 CD">' in html
    assert 'role="search"' in html


@pytest.mark.parametrize("rows", [1, 30])
def test_queue_search_query_count_is_fixed(coordinator_client, django_assert_num_queries, rows):
    wijk = make_area()
    for _ in range(rows):
        make_signal(district=wijk, postcode="2271 AB")
    coordinator_client.get(QUEUE)  # builds the counts of this signals version (cached)

    with django_assert_num_queries(11):  # the counts: the user's districts and the version
        response = coordinator_client.get(QUEUE, {"q": "2271ab", "status": "new"})

    assert response.status_code == 200
    assert SearchAudit.objects.get().results == rows


def test_admin_finds_the_searches_for_a_term_as_typed(superuser_client, coordinator_client, people):
    coordinator_client.get(QUEUE, {"q": "070-123 45 67"})
    coordinator_client.get(QUEUE, {"q": "jansen"})

    html = superuser_client.get(
        "/admin/signals/searchaudit/", {"q": "+31 70 1234567"}
    ).content.decode()

    assert html.count('<td class="field-kind">') == 1
    assert '<td class="field-kind">telefoonnummer</td>' in html
