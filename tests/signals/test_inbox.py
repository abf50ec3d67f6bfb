"""The partner's inbox at /netwerk/doorverwijzingen/ (issue 14): who sees which referral,
what of the person, the answers through the pages, the count in the navigation."""

import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import Referral, Signal, SignalEvent
from signals.services.handshake import accept_referral
from signals.services.privacy import anonymise_signal
from tests.factories import make_activity, make_area, make_organisation, make_referral, make_signal

pytestmark = pytest.mark.django_db
S = Signal.Status
INBOX = "/netwerk/doorverwijzingen/"


def referral_to(partner, **signal_overrides):
    organisation = make_organisation(users=[partner], name="Welzijn Voorburg")
    signal_overrides.setdefault("status", S.REFERRED)
    signal_overrides.setdefault("person_name", "Anna de Vries")
    signal_overrides.setdefault("contact_phone", "070 111 2233")
    signal = make_signal(**signal_overrides)
    return make_referral(
        signal=signal,
        activity=make_activity(organisation=organisation, title="Zingen in de Vliet"),
        note="Houdt van zingen.",
    )


def detail(referral):
    return reverse("signals:inbox_detail", args=[referral.pk])


def test_inbox_lives_at_its_fixed_address():
    assert reverse("signals:inbox") == INBOX


def test_inbox_lists_own_referrals_without_contact_details(partner_client, partner):
    referral = referral_to(partner, share_contact=True, district=make_area(name="Voorburg-West"))
    make_referral(note="Andere partner")

    html = partner_client.get(INBOX).content.decode()

    assert detail(referral) in html
    assert "Voorburg-West" in html
    assert "A. D. V." in html
    assert "070 111 2233" not in html
    assert "Andere partner" not in html


def test_partner_sees_name_and_phone_with_consent_and_it_is_logged(partner_client, partner):
    referral = referral_to(partner, share_contact=True)

    html = partner_client.get(detail(referral)).content.decode()

    assert "070 111 2233" in html
    assert "Anna de Vries" in html
    viewed = referral.signal.events.filter(kind=SignalEvent.Kind.VIEWED)
    assert list(viewed.values_list("by", flat=True)) == [partner.pk]


def test_partner_without_consent_sees_initials_age_district_and_note(partner_client, partner):
    referral = referral_to(partner, share_contact=False)

    html = partner_client.get(detail(referral)).content.decode()

    assert "070 111 2233" not in html
    assert "Anna" not in html
    assert "A. D. V." in html
    assert "Houdt van zingen." in html
    assert "ouder dan 75" in html
    assert not referral.signal.events.filter(kind=SignalEvent.Kind.VIEWED).exists()


def test_other_organisations_referral_is_404(other_partner_client, partner):
    referral = referral_to(partner)

    assert other_partner_client.get(detail(referral)).status_code == 404
    url = reverse("signals:referral_accept", args=[referral.pk])
    assert other_partner_client.post(url).status_code == 404
    referral.refresh_from_db()
    assert referral.state == Referral.State.NEW


def test_coordinator_may_not_open_the_partner_inbox(coordinator_client, partner):
    referral = referral_to(partner)

    assert coordinator_client.get(INBOX).status_code == 403
    assert coordinator_client.get(detail(referral)).status_code == 403


def test_anonymised_signal_is_gone_from_the_inbox(partner_client, partner, coordinator):
    referral = referral_to(partner, status=S.CLOSED, closed_at=timezone.now())
    anonymise_signal(signal=referral.signal, by=coordinator, reason="Bewaartermijn")

    assert partner_client.get(detail(referral)).status_code == 404
    assert detail(referral) not in partner_client.get(INBOX).content.decode()


def test_accept_through_the_page(partner_client, partner):
    referral = referral_to(partner)

    response = partner_client.post(
        reverse("signals:referral_accept", args=[referral.pk]), follow=True
    )

    assert "Dank u. Het Sociaal Servicepunt weet nu" in response.content.decode()
    referral.refresh_from_db()
    assert referral.state == Referral.State.ACCEPTED


def test_decline_other_without_text_is_refused(partner_client, partner):
    referral = referral_to(partner)

    response = partner_client.post(
        reverse("signals:referral_decline", args=[referral.pk]), {"reason": "other"}
    )

    assert response.status_code == 400
    assert "Vertel ons de reden." in response.content.decode()
    referral.refresh_from_db()
    assert referral.state == Referral.State.NEW


def test_record_came_through_the_page(partner_client, partner):
    referral = referral_to(partner)
    accept_referral(referral=referral, by=partner)

    partner_client.post(
        reverse("signals:referral_outcome", args=[referral.pk]),
        {"kind": "came", "on": timezone.localdate().isoformat()},
    )

    referral.refresh_from_db()
    assert referral.participation == "came"


def test_answer_on_withdrawn_referral_shows_a_clear_message(partner_client, partner):
    referral = referral_to(partner)
    Referral.objects.filter(pk=referral.pk).update(withdrawn_at=timezone.now())

    response = partner_client.post(
        reverse("signals:referral_accept", args=[referral.pk]), follow=True
    )

    html = response.content.decode()
    assert "Het Sociaal Servicepunt heeft deze verwijzing ingetrokken." in html
    assert "070 111 2233" not in html
    referral.refresh_from_db()
    assert referral.state == Referral.State.NEW


def test_navigation_counts_referrals_waiting_for_an_answer(partner_client, partner):
    first = referral_to(partner)
    referral_to(partner)
    accept_referral(referral=first, by=partner)

    html = partner_client.get("/").content.decode()

    assert f'href="{INBOX}"' in html
    assert '<span class="badge text-bg-primary">1<' in html


def test_inbox_counts_follow_an_answer_at_once(partner_client, partner):
    first = referral_to(partner)
    referral_to(partner)
    partner_client.get(INBOX)  # counted, and kept for this signals version

    accept_referral(referral=first, by=partner)
    html = partner_client.get(INBOX, {"open": "on"}).content.decode()

    assert '<span class="badge text-bg-primary">1<' in html
    assert html.count(f'href="{INBOX}') == 1 + 1  # the navigation and the one left


def test_filter_shows_only_referrals_waiting_for_an_answer(partner_client, partner):
    answered = referral_to(partner)
    waiting = referral_to(partner)
    accept_referral(referral=answered, by=partner)

    html = partner_client.get(INBOX, {"open": "on"}).content.decode()

    assert detail(waiting) in html
    assert detail(answered) not in html


@pytest.mark.parametrize("rows", [1, 30])
def test_inbox_uses_a_fixed_number_of_queries(
    partner_client, partner, django_assert_num_queries, rows
):
    organisation = make_organisation(users=[partner])
    for _ in range(rows):
        make_referral(
            signal=make_signal(status=S.REFERRED, district=make_area()),
            activity=make_activity(organisation=organisation),
        )

    # Session, user, permissions, the user's organisations, the page, the version of the
    # counts (the page's and the navigation's, cached), ...: the same for 1 and 30 rows.
    with django_assert_num_queries(8):
        response = partner_client.get(INBOX)

    assert response.status_code == 200
    assert response.content.decode().count("/netwerk/doorverwijzingen/") >= min(rows, 25)
