"""The referral handshake in the own figures (issue 14, part 5)."""

import datetime

import pytest
from django.utils import timezone

from monitoring.referral_figures import referral_figures
from signals.models import Referral
from tests.factories import make_area, make_organisation, make_referral, make_signal, target_group

pytestmark = pytest.mark.django_db
REFERRED_ON = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))  # a Monday
TODAY = datetime.date(2026, 6, 1)


def referral(organisation, district, **overrides):
    signal = make_signal(
        status="referred", district=district, target_groups=[target_group("ouderen")]
    )
    return make_referral(
        signal=signal, organisation=organisation, activity=None, created_at=REFERRED_ON, **overrides
    )


def figures(groups=None):
    groups = groups or [target_group("ouderen")]
    result = referral_figures(year=2026, target_groups=groups, today=TODAY)
    return {f.key: {row[0]: row for row in f.rows} for f in result}


def test_counts_per_partner_group_and_district(settings):
    settings.REFERRAL_ANSWER_WORKING_DAYS = 3
    org = make_organisation(name="Welzijn Voorburg")
    west = make_area(code="WK191603", name="Voorburg-West")
    for _ in range(5):
        referral(
            org,
            west,
            state=Referral.State.ACCEPTED,
            first_contact_on=datetime.date(2026, 3, 5),
            participation=Referral.Participation.REGULAR,
        )
    referral(org, west, state=Referral.State.ACCEPTED, participation="stopped")
    referral(org, west, state=Referral.State.DECLINED, decline_reason="full")
    referral(org, west)  # never answered
    referral(org, west, withdrawn_at=REFERRED_ON)  # withdrawn: not counted

    tables = figures()

    row = tables["referrals-per-partner"]["Welzijn Voorburg"]
    # referrals, accepted, declined, unanswered, median working days, came, still taking part
    assert row[1:] == ["8", "6", "<5", "<5", "3", "83 %", "83 %"]
    assert tables["referrals-per-district"]["Voorburg-West"][1] == "8"
    assert tables["referrals-per-group"]["Ouderen"][2] == "6"


@pytest.mark.parametrize("rows", [1, 30])
def test_referral_figures_use_two_queries(django_assert_num_queries, rows):
    org = make_organisation()
    district = make_area()
    for _ in range(rows):
        referral(org, district)

    groups = [target_group("ouderen")]

    with django_assert_num_queries(2):
        figures(groups)
