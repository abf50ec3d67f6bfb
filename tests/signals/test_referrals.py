import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signals.models import Referral, Signal, SignalEvent
from signals.services.privacy import anonymise_signal
from signals.services.referrals import record_follow_up, refer_signal
from signals.services.workflow import WorkflowError
from tests.factories import (
    make_activity,
    make_area,
    make_organisation,
    make_referral,
    make_signal,
    target_group,
)

pytestmark = pytest.mark.django_db
S = Signal.Status


def refer_url(signal):
    return reverse("signals:refer", args=[signal.reference])


def test_refer_page_requires_coordinator(resident, partner_client):
    signal = make_signal(status=S.CONTACTED)

    assert resident.get(refer_url(signal))["Location"].startswith(reverse("login"))
    assert partner_client.get(refer_url(signal)).status_code == 403
    assert partner_client.post(refer_url(signal), {}).status_code == 403


def test_refer_page_searches_social_map_preset_from_signal(coordinator_client):
    wijk = make_area(code="WK191605", name="Leidschendam-Zuid")
    other = make_area(code="WK191606", name="Leidschendam-Noord")
    signal = make_signal(status=S.CONTACTED, district=wijk, target_groups=[target_group("ouderen")])
    match = make_activity(
        title="Koffie in de Zuid", district=wijk, target_groups=[target_group("ouderen")]
    )
    elsewhere = make_activity(
        title="Wandelen Noord", district=other, target_groups=[target_group("ouderen")]
    )

    html = coordinator_client.get(refer_url(signal)).content.decode()

    assert "Koffie in de Zuid" in html
    assert elsewhere.title not in html
    assert f'value="{match.pk}"' in html


def test_refer_stores_referrals_and_moves_to_referred(coordinator_client, coordinator):
    signal = make_signal(status=S.CONTACTED)
    activity = make_activity(title="Breiclub")
    partner_org = make_organisation(name="Welzijn Voorburg")
    follow_up_on = timezone.localdate() + datetime.timedelta(weeks=6)

    response = coordinator_client.post(
        refer_url(signal),
        {
            "activities": [activity.pk],
            "organisations": [partner_org.pk],
            "note": "Graag bellen op dinsdag.",
            "person_agreed": "on",
            "follow_up_on": follow_up_on.isoformat(),
        },
    )

    assert response["Location"] == signal.get_absolute_url()
    signal.refresh_from_db()
    assert signal.status == S.REFERRED
    referrals = list(signal.referrals.order_by("pk"))
    assert [(r.activity, r.organisation) for r in referrals] == [
        (activity, activity.organisation),
        (None, partner_org),
    ]
    assert all(r.follow_up_on == follow_up_on and r.person_agreed for r in referrals)
    assert signal.events.filter(kind=SignalEvent.Kind.REFERRED).count() == 2
    html = coordinator_client.get(signal.get_absolute_url()).content.decode()
    assert "Breiclub" in html


def test_refer_form_defaults_follow_up_to_six_weeks(coordinator_client):
    signal = make_signal(status=S.CONTACTED)
    expected = timezone.localdate() + datetime.timedelta(weeks=6)

    html = coordinator_client.get(refer_url(signal)).content.decode()

    assert f'value="{expected.isoformat()}"' in html


def test_refer_without_choice_is_refused(coordinator_client):
    signal = make_signal(status=S.CONTACTED)

    response = coordinator_client.post(
        refer_url(signal), {"follow_up_on": "2099-01-01", "note": ""}
    )

    assert response.status_code == 200
    assert "Kies minstens één activiteit of partner." in response.content.decode()
    assert not Referral.objects.exists()


def test_refer_before_contact_is_refused_and_logged(coordinator):
    signal = make_signal(status=S.IN_PROGRESS)

    with pytest.raises(WorkflowError):
        refer_signal(
            signal=signal,
            by=coordinator,
            activities=[make_activity()],
            organisations=[],
            note="",
            person_agreed=False,
            follow_up_on=datetime.date(2099, 1, 1),
        )

    assert not Referral.objects.exists()
    assert signal.events.filter(kind=SignalEvent.Kind.REFUSED).count() == 1


def test_follow_up_stores_structured_outcome(coordinator_client):
    referral = make_referral()
    signal = referral.signal

    coordinator_client.post(
        reverse("signals:follow_up", args=[signal.reference, referral.pk]),
        {"went": "yes", "helps": "partly", "more_needed": "no", "note": ""},
    )

    referral.refresh_from_db()
    assert (referral.went, referral.helps, referral.more_needed) == ("yes", "partly", False)
    assert referral.followed_up_at is not None
    assert signal.events.get(kind=SignalEvent.Kind.FOLLOW_UP).detail.endswith(
        "Gegaan: ja. Helpt: deels. Meer nodig: nee."
    )


def test_follow_up_with_more_needed_reopens_closed_signal(coordinator):
    referral = make_referral(signal=make_signal(status=S.CLOSED, closed_at=timezone.now()))

    record_follow_up(referral=referral, by=coordinator, went="no", helps="no", more_needed=True)

    assert Signal.objects.get().status == S.IN_PROGRESS


def test_follow_up_missing_answers_shows_errors(coordinator_client):
    referral = make_referral()

    response = coordinator_client.post(
        reverse("signals:follow_up", args=[referral.signal.reference, referral.pk]), {}
    )

    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert Referral.objects.get().followed_up_at is None


def test_queue_filters_follow_up_due(coordinator_client):
    due = make_referral(follow_up_on=timezone.localdate())
    make_referral(follow_up_on=timezone.localdate() + datetime.timedelta(days=3))

    html = coordinator_client.get("/signalen/", {"follow_up": "on"}).content.decode()

    assert html.count("/signalen/S-") == 1
    assert due.signal.reference in html


def test_my_reports_points_to_the_inbox_without_referral_details(partner_client, partner):
    organisation = make_organisation(users=[partner])
    make_referral(organisation=organisation, activity=None, note="Belt u haar?")

    html = partner_client.get(reverse("signals:my_reports")).content.decode()

    assert 'href="/netwerk/doorverwijzingen/"' in html
    assert "Belt u haar?" not in html


def test_partner_report_is_on_behalf_of_organisation(partner_client, partner):
    organisation = make_organisation(users=[partner], name="Huisartsenpraktijk De Vliet")
    from tests.signals.helpers import report_data

    form = partner_client.get(reverse("signals:report")).content.decode()
    assert "Huisartsenpraktijk De Vliet" in form
    assert partner.email in form

    partner_client.post(
        reverse("signals:report"),
        report_data(reporter_kind="professional", reporter_organisation=organisation.pk),
    )

    signal = Signal.objects.get()
    assert (signal.reporter_organisation, signal.channel) == (organisation, "professional")


def test_colleague_of_organisation_sees_status(other_partner_client, partner, other_partner):
    organisation = make_organisation(users=[partner, other_partner])
    signal = make_signal(reported_by=partner, reporter_organisation=organisation)

    html = other_partner_client.get(reverse("signals:my_reports")).content.decode()

    assert signal.reference in html


def test_anonymise_blanks_referral_notes(coordinator):
    referral = make_referral(signal=make_signal(status=S.CLOSED), note="Woont op 3-hoog")

    anonymise_signal(signal=referral.signal, by=coordinator, reason="Verzoek")

    referral.refresh_from_db()
    assert referral.note == ""
    assert referral.activity is not None


@pytest.mark.parametrize("rows", [1, 30])
def test_refer_page_query_count_is_fixed(coordinator_client, django_assert_max_num_queries, rows):
    signal = make_signal(status=S.CONTACTED, target_groups=[target_group("ouderen")])
    for _ in range(rows):
        activity = make_activity(target_groups=[target_group("ouderen")])
        activity.organisation.target_groups.add(target_group("ouderen"))

    with django_assert_max_num_queries(15):
        response = coordinator_client.get(refer_url(signal))

    assert response.status_code == 200
    assert response.content.decode().count('name="activities"') == min(rows, 20)
