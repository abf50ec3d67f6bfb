"""The referral handshake (issue 14): the partner's mail, answers and outcomes, the consent to
pass on name and phone, the coordinator's withdrawals, and anonymisation."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from signals.models import Referral, Signal, SignalEvent
from signals.services.handshake import (
    accept_referral,
    decline_referral,
    record_partner_outcome,
    withdraw_consent,
    withdraw_referral,
)
from signals.services.privacy import anonymise_signal
from signals.services.referrals import refer_signal
from signals.services.workflow import WorkflowError
from tests.factories import make_activity, make_organisation, make_referral, make_signal, make_user

pytestmark = pytest.mark.django_db
S = Signal.Status
Kind = SignalEvent.Kind


def referred(partner, **signal_overrides):
    """A referral of a signal with consent to share, to an activity of the partner's org."""
    organisation = make_organisation(users=[partner], name="Welzijn Voorburg")
    signal_overrides.setdefault("status", S.REFERRED)
    signal_overrides.setdefault("share_contact", True)
    signal = make_signal(**signal_overrides)
    return make_referral(signal=signal, activity=make_activity(organisation=organisation))


def kinds(signal):
    return list(signal.events.values_list("kind", flat=True))


def test_refer_mails_each_partner_user_a_link_without_personal_data(
    coordinator, partner, django_capture_on_commit_callbacks
):
    colleague = make_user(roles=["partner"])
    organisation = make_organisation(users=[partner, colleague], name="Welzijn Voorburg")
    signal = make_signal(status=S.CONTACTED, person_name="Anna", contact_phone="070 111 2233")

    with django_capture_on_commit_callbacks(execute=True):
        [referral] = refer_signal(
            signal=signal,
            by=coordinator,
            activities=[make_activity(organisation=organisation)],
            organisations=[],
            note="Houdt van zingen.",
            person_agreed=True,
            follow_up_on=timezone.localdate() + datetime.timedelta(weeks=6),
        )

    assert sorted(m.to[0] for m in mail.outbox) == sorted([partner.email, colleague.email])
    body = mail.outbox[0].body
    assert f"/netwerk/doorverwijzingen/{referral.pk}/" in body
    assert "Welzijn Voorburg" in body
    for private in ("Anna", "070 111 2233", "Houdt van zingen", signal.reference):
        assert private not in body + mail.outbox[0].subject


def test_accept_records_answer_and_timeline(partner):
    referral = referred(partner)

    accept_referral(referral=referral, by=partner)

    referral.refresh_from_db()
    assert (referral.state, referral.answered_by) == (Referral.State.ACCEPTED, partner)
    assert kinds(referral.signal)[-1] == Kind.ACCEPTED


def test_accept_twice_is_refused(partner):
    referral = referred(partner)
    accept_referral(referral=referral, by=partner)

    with pytest.raises(WorkflowError, match="al beantwoord"):
        accept_referral(referral=referral, by=partner)


def test_decline_notifies_coordinator_and_puts_signal_back_to_refer(
    partner, coordinator, django_capture_on_commit_callbacks
):
    referral = referred(partner, assigned_to=coordinator, person_name="Anna")

    with django_capture_on_commit_callbacks(execute=True):
        decline_referral(referral=referral, by=partner, reason="full", note="Pas in maart")

    referral.refresh_from_db()
    signal = referral.signal
    signal.refresh_from_db()
    assert (referral.state, referral.decline_reason) == ("declined", "full")
    assert signal.status == S.CONTACTED
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert signal.reference in mail.outbox[0].body
    assert "Anna" not in mail.outbox[0].body
    assert "Pas in maart" not in mail.outbox[0].body


def test_decline_keeps_status_while_another_referral_runs(partner):
    referral = referred(partner)
    make_referral(signal=referral.signal)

    decline_referral(referral=referral, by=partner, reason="no_capacity")

    referral.signal.refresh_from_db()
    assert referral.signal.status == S.REFERRED


def test_first_contact_plans_follow_up_from_the_partners_date(partner, settings):
    settings.SIGNAL_FOLLOW_UP_WEEKS = 6
    referral = referred(partner)
    accept_referral(referral=referral, by=partner)
    contact = timezone.localdate() - datetime.timedelta(days=2)

    record_partner_outcome(referral=referral, by=partner, kind="first_contact", on=contact)

    referral.refresh_from_db()
    assert referral.first_contact_on == contact
    assert referral.follow_up_on == contact + datetime.timedelta(weeks=6)
    assert kinds(referral.signal)[-1] == Kind.PARTNER_CONTACT


@pytest.mark.parametrize(
    ("kind", "event"), [("came", Kind.CAME), ("regular", Kind.REGULAR), ("stopped", Kind.STOPPED)]
)
def test_participation_outcomes_land_on_the_timeline(partner, kind, event):
    referral = referred(partner)
    accept_referral(referral=referral, by=partner)

    record_partner_outcome(
        referral=referral, by=partner, kind=kind, on=timezone.localdate(), reason="Te ver weg"
    )

    referral.refresh_from_db()
    assert referral.participation == kind
    assert referral.first_contact_on == timezone.localdate()
    assert referral.stop_reason == ("Te ver weg" if kind == "stopped" else "")
    assert kinds(referral.signal)[-1] == event


def test_outcome_before_accepting_is_refused(partner):
    referral = referred(partner)

    with pytest.raises(WorkflowError, match="Accepteer eerst"):
        record_partner_outcome(referral=referral, by=partner, kind="came", on=timezone.localdate())

    referral.refresh_from_db()
    assert referral.participation == ""


def test_answer_on_withdrawn_referral_changes_nothing(partner, coordinator):
    referral = referred(partner)
    withdraw_referral(referral=referral, by=coordinator)

    with pytest.raises(WorkflowError, match="ingetrokken"):
        accept_referral(referral=referral, by=partner)

    referral.refresh_from_db()
    assert referral.state == Referral.State.NEW
    referral.signal.refresh_from_db()
    assert referral.signal.status == S.CONTACTED


def test_answer_on_closed_signal_changes_nothing(partner):
    referral = referred(partner, status=S.CLOSED)

    with pytest.raises(WorkflowError, match="afgesloten"):
        decline_referral(referral=referral, by=partner, reason="full")

    referral.refresh_from_db()
    assert referral.state == Referral.State.NEW


def test_withdrawn_consent_hides_contact_details_at_once(partner, coordinator):
    referral = referred(partner)
    assert referral.shares_contact

    withdraw_consent(signal=referral.signal, by=coordinator)

    referral = Referral.objects.select_related("signal").get(pk=referral.pk)
    assert not referral.shares_contact
    assert kinds(referral.signal)[-1] == Kind.CONSENT_WITHDRAWN


def test_contact_shared_only_with_consent_and_coordinator_confirmation(partner):
    assert not referred(partner, share_contact=False).shares_contact
    unconfirmed = referred(partner)
    unconfirmed.person_agreed = False
    assert not unconfirmed.shares_contact


def test_anonymising_blanks_the_partners_texts(partner, coordinator):
    referral = referred(partner)
    accept_referral(referral=referral, by=partner)
    record_partner_outcome(
        referral=referral, by=partner, kind="stopped", on=timezone.localdate(), reason="Ziek"
    )

    anonymise_signal(signal=referral.signal, by=coordinator, reason="Verzoek")

    referral.refresh_from_db()
    assert (referral.stop_reason, referral.note) == ("", "")
    assert referral.participation == "stopped"
    assert not Referral.objects.for_partner(partner).exists()


def test_coordinator_withdraws_consent_on_the_signal_page(coordinator_client, partner):
    referral = referred(partner)
    url = reverse("signals:stop_sharing", args=[referral.signal.reference])

    response = coordinator_client.post(url, follow=True)

    assert "Partners zien de naam en het telefoonnummer niet meer." in response.content.decode()
    referral.signal.refresh_from_db()
    assert referral.signal.share_withdrawn_at is not None


def test_signal_page_shows_the_partners_answers(coordinator_client, partner):
    referral = referred(partner)
    accept_referral(referral=referral, by=partner)
    record_partner_outcome(
        referral=referral, by=partner, kind="came", on=datetime.date(2026, 11, 2)
    )

    html = coordinator_client.get(referral.signal.get_absolute_url()).content.decode()

    assert "Is de persoon gekomen?" in html
    assert "Is gekomen (2 november 2026)" in html


def test_coordinator_withdraws_a_referral(coordinator_client, partner):
    referral = referred(partner)
    url = reverse("signals:referral_withdraw", args=[referral.signal.reference, referral.pk])

    coordinator_client.post(url)

    referral.refresh_from_db()
    assert referral.withdrawn_at is not None
    assert not Referral.objects.for_partner(partner).awaiting_answer().exists()


def test_report_form_asks_separately_to_pass_on_name_and_phone(resident):
    from tests.signals.helpers import post_report

    html = resident.get("/melden/").content.decode()
    assert "Mogen wij uw naam en telefoonnummer doorgeven aan de organisatie" in html

    refused = post_report(resident, share_contact=None)
    assert "Kies ja of nee." in refused.content.decode()
    assert not Signal.objects.exists()

    post_report(resident, share_contact="yes")
    assert Signal.objects.get().share_contact is True


def test_desk_report_stores_the_answer_to_pass_on(coordinator_client):
    from tests.signals.helpers import report_data

    coordinator_client.post(
        reverse("signals:desk_report"),
        report_data(
            channel="phone", contact_route="phone", contact_phone="070 123 4567", share_contact="no"
        ),
    )

    assert Signal.objects.get().share_contact is False
    form = coordinator_client.get(reverse("signals:desk_report")).content.decode()
    assert "Mogen wij de naam en het telefoonnummer doorgeven" in form
