import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import CoordinatorDistrict, Referral, Signal
from tests.conftest import login
from tests.factories import make_area, make_referral, make_signal, make_user

pytestmark = pytest.mark.django_db
MY_WORK = "/signalen/mijn-werk/"
DAY = datetime.timedelta(days=1)


def section(html: str, key: str) -> str:
    start = html.index(f'aria-labelledby="{key}"')
    return html[start : html.index("</section>", start)]


def order_in(html: str, *signals) -> list[str]:
    found = [s.reference for s in signals if s.reference in html]
    return sorted(found, key=html.index)


def test_my_work_has_its_fixed_address():
    assert reverse("signals:my_work") == MY_WORK


def test_my_work_requires_login(resident):
    response = resident.get(MY_WORK)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_my_work_is_forbidden_for_partners(partner_client):
    assert partner_client.get(MY_WORK).status_code == 403


def test_first_contact_section_lists_my_signals_most_urgent_first(coordinator_client, coordinator):
    today = timezone.localdate()
    later = make_signal(assigned_to=coordinator, contact_due=today + 3 * DAY)
    overdue = make_signal(assigned_to=coordinator, contact_due=today - DAY)
    due_today = make_signal(assigned_to=coordinator, contact_due=today)
    colleagues = make_signal(assigned_to=make_user(roles=["coordinator"]), contact_due=today)
    closed = make_signal(assigned_to=coordinator, status=Signal.Status.CLOSED)
    contacted = make_signal(assigned_to=coordinator, first_contact_at=timezone.now())

    html = section(coordinator_client.get(MY_WORK).content.decode(), "eerste-contact")

    everyone = (later, overdue, due_today, colleagues, closed, contacted)
    assert order_in(html, *everyone) == [overdue.reference, due_today.reference, later.reference]
    assert 'class="badge badge-count">3</span>' in html
    assert "te laat</span>" in html


def test_call_back_section_orders_by_day_then_part_of_the_day(coordinator_client, coordinator):
    today = timezone.localdate()
    tomorrow_evening = make_signal(
        assigned_to=coordinator, call_back_on=today + DAY, call_back_part="evening"
    )
    tomorrow_morning = make_signal(
        assigned_to=coordinator, call_back_on=today + DAY, call_back_part="morning"
    )
    today_afternoon = make_signal(
        assigned_to=coordinator, call_back_on=today, call_back_part="afternoon"
    )
    no_call_back = make_signal(assigned_to=coordinator)

    html = section(coordinator_client.get(MY_WORK).content.decode(), "terugbellen")

    assert order_in(html, tomorrow_evening, tomorrow_morning, today_afternoon, no_call_back) == [
        today_afternoon.reference,
        tomorrow_morning.reference,
        tomorrow_evening.reference,
    ]
    assert "middag" in html


def test_referral_sections_follow_up_due_waiting_and_declined(coordinator_client, coordinator):
    today = timezone.localdate()
    signal = make_signal(assigned_to=coordinator, status="referred")
    due_long_ago = make_referral(signal=signal, follow_up_on=today - 5 * DAY)
    due_today = make_referral(signal=make_signal(assigned_to=coordinator, status="referred"))
    Referral.objects.filter(pk=due_today.pk).update(follow_up_on=today)
    waiting = make_referral(signal=make_signal(assigned_to=coordinator, status="referred"))
    Referral.objects.filter(pk=waiting.pk).update(follow_up_on=today + 7 * DAY)
    did_not_go = make_referral(
        signal=make_signal(assigned_to=coordinator, status="referred"),
        follow_up_on=today - DAY,
        followed_up_at=timezone.now(),
        went=Referral.Answer.NO,
    )
    went = make_referral(
        signal=make_signal(assigned_to=coordinator, status="referred"),
        follow_up_on=today - DAY,
        followed_up_at=timezone.now(),
        went=Referral.Answer.YES,
    )
    others = make_referral(signal=make_signal(status="referred"), follow_up_on=today - DAY)

    html = coordinator_client.get(MY_WORK).content.decode()

    signals = [r.signal for r in (due_long_ago, due_today, waiting, did_not_go, went, others)]
    assert order_in(section(html, "nazorg"), *signals) == [
        due_long_ago.signal.reference,
        due_today.signal.reference,
    ]
    assert order_in(section(html, "wacht-op-antwoord"), *signals) == [waiting.signal.reference]
    assert order_in(section(html, "niet-gelukt"), *signals) == [did_not_go.signal.reference]


def test_navigation_shows_my_work_with_the_number_due_today(coordinator_client, coordinator):
    today = timezone.localdate()
    make_signal(assigned_to=coordinator, contact_due=today - DAY)  # overdue first contact
    make_signal(assigned_to=coordinator, first_contact_at=timezone.now(), call_back_on=today)
    make_referral(
        signal=make_signal(
            assigned_to=coordinator, status="referred", first_contact_at=timezone.now()
        ),
        follow_up_on=today,
    )
    make_signal(assigned_to=coordinator, contact_due=today + 3 * DAY)  # not due yet
    make_signal(contact_due=today - DAY)  # not mine

    html = coordinator_client.get(reverse("signals:queue")).content.decode()

    assert (
        f'<a href="{MY_WORK}">Mijn werk <span class="badge badge-nav">3'
        '<span class="visually-hidden"> nu doen</span></span></a>'
    ) in html


def test_my_work_counts_follow_a_change_at_once(coordinator_client, coordinator):
    today = timezone.localdate()
    make_signal(assigned_to=coordinator, contact_due=today - DAY)
    coordinator_client.get(MY_WORK)  # counted, and kept for this signals version

    make_signal(assigned_to=coordinator, contact_due=today - DAY)
    html = coordinator_client.get(MY_WORK).content.decode()

    assert '<span class="badge badge-nav">2<span class="visually-hidden">' in html
    assert 'class="badge badge-count">2</span>' in section(html, "eerste-contact")


def test_navigation_has_no_my_work_for_partners(partner_client):
    assert "Mijn werk" not in partner_client.get("/").content.decode()


def test_district_coordinator_does_not_see_an_assigned_signal_of_another_district(client):
    restricted = make_user(roles=["coordinator"])
    CoordinatorDistrict.objects.create(user=restricted, district=make_area(code="WK191608"))
    elsewhere = make_signal(assigned_to=restricted, district=make_area(code="WK191601"))
    login(client, restricted)

    assert elsewhere.reference not in client.get(MY_WORK).content.decode()


def test_my_work_sections_are_paginated(coordinator_client, coordinator):
    for _ in range(26):
        make_signal(assigned_to=coordinator)

    first = section(coordinator_client.get(MY_WORK).content.decode(), "eerste-contact")
    second = coordinator_client.get(MY_WORK, {"eerste-contact": 2}).content.decode()

    assert first.count("/signalen/S-") == 25
    assert 'href="?eerste-contact=2"' in first
    assert section(second, "eerste-contact").count("/signalen/S-") == 1


@pytest.mark.parametrize("rows", [1, 30])
def test_my_work_query_count_is_fixed(
    coordinator_client, coordinator, django_assert_num_queries, rows
):
    today = timezone.localdate()
    wijk = make_area()
    for n in range(rows):
        signal = make_signal(
            assigned_to=coordinator,
            district=wijk,
            status="referred",
            call_back_on=today,
            call_back_part="morning",
        )
        make_referral(signal=signal, follow_up_on=today - n * DAY)

    with django_assert_num_queries(13):
        response = coordinator_client.get(MY_WORK)

    assert response.status_code == 200
