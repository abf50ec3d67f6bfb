import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring import own_figures
from network.models import Participation, Registration
from tests.factories import (
    make_activity,
    make_meeting,
    make_membership,
    make_organisation,
    make_person,
    make_referral,
    make_signal,
    make_training,
    target_group,
)

pytestmark = pytest.mark.django_db
URL = reverse("monitoring:own_figures")


def received(day: datetime.date, **overrides):
    """A signal received at noon on ``day``, due five working days later (a Monday)."""
    created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    overrides.setdefault("contact_due", day + datetime.timedelta(days=7))
    return make_signal(created_at=created, **overrides)


def contacted(signal, day: datetime.date):
    signal.first_contact_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    signal.save(update_fields=["first_contact_at"])
    return signal


def test_anonymous_is_sent_to_login(resident):
    response = resident.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_partner_may_not_see_the_own_figures(partner_client):
    assert partner_client.get(URL).status_code == 403


def test_dashboard_links_to_the_own_figures_for_coordinators(coordinator_client, resident):
    assert URL in coordinator_client.get(reverse("monitoring:dashboard")).content.decode()
    assert URL not in resident.get(reverse("monitoring:dashboard")).content.decode()


def test_signals_per_month_per_target_group_and_channel(coordinator_client):
    older = target_group("ouderen")
    for _ in range(6):
        received(datetime.date(2026, 3, 2), target_groups=[older], channel="phone")
    received(datetime.date(2026, 4, 6), target_groups=[older], channel="web")
    received(datetime.date(2025, 3, 3), target_groups=[older], channel="phone")

    response = coordinator_client.get(URL, {"jaar": 2026})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Signalen per maand per doelgroep" in html
    assert "Signalen per maand per kanaal" in html
    assert "7 signalen ontvangen in 2026." in html
    figures = {f.key: f for f in response.context["figures"]}
    rows = {row[0]: row for row in figures["per-group"].rows}
    group_column = figures["per-group"].columns.index(older.name)
    assert rows["maart"][group_column] == "6"
    assert rows["april"][group_column] == "<5"  # one signal: no one can be recognised
    assert rows["Totaal"][group_column] == "7"
    channels = figures["per-channel"]
    phone = channels.columns.index("telefoon")
    assert {row[0]: row for row in channels.rows}["maart"][phone] == "6"
    assert 'id="chart-per-group"' in html  # the chart's data for charts.js


def test_working_days_to_first_contact_and_within_the_term(coordinator_client):
    # Monday 2 March 2026; due Monday 9 March (five working days).
    monday = datetime.date(2026, 3, 2)
    for day in [3, 4, 5, 9]:  # 1, 2, 3 and 5 working days
        contacted(received(monday), datetime.date(2026, 3, day))
    contacted(received(monday), datetime.date(2026, 3, 10))  # 6 working days: too late
    received(monday)  # not contacted yet

    figures = own_figures.own_figures(year=2026)["figures"]

    handling = {row[0]: row for row in figures[2].rows}["Totaal"]
    assert handling[1:5] == ["6", "5", "3", "80 %"]


def test_shares_of_fewer_than_five_signals_are_not_shown(coordinator_client):
    contacted(received(datetime.date(2026, 3, 2)), datetime.date(2026, 3, 3))

    html = coordinator_client.get(URL, {"jaar": 2026}).content.decode()

    assert "minder dan 5 signalen" in html
    assert "100 %" not in html


def test_share_referred_and_followed_up():
    signals = [received(datetime.date(2026, 5, 4)) for _ in range(10)]
    for signal in signals[:5]:
        make_referral(signal=signal)
    for signal in signals[:3]:
        make_referral(signal=signal, followed_up_at=timezone.now())

    handling = {row[0]: row for row in own_figures.own_figures(year=2026)["figures"][2].rows}

    assert handling["mei"][5] == "50 %"  # 5 of 10 referred
    assert handling["mei"][6] == "60 %"  # 3 of those 5 have a follow-up


def test_published_activities_per_target_group():
    older = target_group("ouderen")
    make_activity(target_groups=[older])
    make_activity(target_groups=[older, target_group("jongeren")])
    make_activity(target_groups=[older], publication_state="draft")

    activities = own_figures.own_figures(year=2026)["figures"][3]

    assert [older.name, "2"] in activities.rows


def test_year_filter_and_bad_year(coordinator_client):
    received(datetime.date(2025, 6, 2))

    assert (
        "1 signaal ontvangen in 2025."
        in coordinator_client.get(URL, {"jaar": 2025}).content.decode()
    )
    response = coordinator_client.get(URL, {"jaar": "abc"})
    assert response.status_code == 200
    assert "Voer een geheel getal in." in response.content.decode()


@pytest.mark.parametrize("count", [1, 40])
def test_fixed_number_of_queries(coordinator_client, django_assert_max_num_queries, count):
    older = target_group("ouderen")
    for n in range(count):
        signal = contacted(
            received(datetime.date(2026, 1 + n % 12, 5), target_groups=[older]),
            datetime.date(2026, 1 + n % 12, 7),
        )
        make_referral(signal=signal)
        make_activity(target_groups=[older])
        make_membership(signed_on=datetime.date(2026, 1 + n % 12, 1))
        make_meeting(starts_at=timezone.make_aware(datetime.datetime(2026, 1 + n % 12, 2, 14)))

    with django_assert_max_num_queries(
        19
    ):  # one per figure or table (two for campaigns), "Mijn werk"
        response = coordinator_client.get(URL, {"jaar": 2026})
    assert response.status_code == 200


def test_annual_report_has_the_own_figures(coordinator_client):
    received(datetime.date(2026, 3, 2), channel="phone")

    html = coordinator_client.get(reverse("monitoring:report"), {"jaar": 2026}).content.decode()

    assert "Signalen per maand per doelgroep" in html
    assert "Signalen per maand per kanaal" in html


def test_partners_and_declarations_over_time():
    make_membership(signed_on=datetime.date(2025, 11, 1))
    make_membership(signed_on=datetime.date(2026, 2, 10))
    make_membership(signed_on=datetime.date(2026, 2, 20))
    make_membership(signed_on=datetime.date(2026, 6, 1))

    partners = {f.key: f for f in own_figures.own_figures(year=2026)["figures"]}["partners"]

    rows = {row[0]: row for row in partners.rows}
    assert rows["januari"][1:] == ["0", "1"]
    assert rows["februari"][1:] == ["2", "3"]
    assert rows["december"][1:] == ["0", "4"]
    assert rows["Totaal"][1:] == ["3", "4"]


def test_trained_ambassadors_and_meetings_held():
    ambassador = make_person(is_ambassador=True)
    contact = make_person()
    training = make_training(held_on=datetime.date(2026, 5, 12))
    Participation.objects.create(training=training, person=ambassador, completed=True)
    Participation.objects.create(training=training, person=contact, completed=True)
    meeting = make_meeting(starts_at=timezone.make_aware(datetime.datetime(2026, 3, 10, 14)))
    organisation = make_organisation()
    for name, attended in [("Anna", True), ("Bram", True), ("Cor", False)]:
        Registration.objects.create(
            meeting=meeting, name=name, organisation=organisation, attended=attended
        )
    make_meeting(starts_at=timezone.now() + datetime.timedelta(days=60))  # not held yet

    network = {f.key: f for f in own_figures.own_figures(year=2026)["figures"]}["network"]

    rows = {row[0]: row for row in network.rows}
    assert rows["mei"][1] == "1"  # only the ambassador counts
    assert rows["maart"][2:] == ["1", "2"]
    assert rows["Totaal"][1:3] == ["1", "1"]


def test_page_shows_the_partner_network(coordinator_client):
    make_membership(signed_on=datetime.date(2026, 2, 10))

    html = coordinator_client.get(URL, {"jaar": 2026}).content.decode()

    assert "Partners en getekende intentieverklaringen" in html
    assert "Getrainde ambassadeurs en gehouden netwerkbijeenkomsten" in html


def test_trained_versus_active_ambassadors_per_target_group(coordinator_client):
    from network.models import Contribution

    older = target_group("ouderen")
    active = make_person(is_ambassador=True, target_group=older)
    make_person(is_ambassador=True, target_group=older)
    Contribution.objects.create(
        person=active, date=timezone.localdate(), kind="gesprekken", people_reached=3
    )

    response = coordinator_client.get(URL, {"jaar": 2026})

    figure = {f.key: f for f in response.context["figures"]}["ambassadors"]
    assert figure.rows == [["Ouderen", "2", "1"], ["Totaal", "2", "1"]]
    assert "Ambassadeurs: getraind en actief" in response.content.decode()
