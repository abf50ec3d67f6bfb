"""Residents think along (issue 16): focus groups, sessions, findings and ideas."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coalition.models import TargetGroup
from network.models import Finding, FocusGroupMember, FocusSession, Idea, ThinkAlongLog
from network.thinkalong import services
from network.thinkalong.tokens import member_for_token, sign_off_token
from tests.factories import make_action


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()  # the rate limit's slots


@pytest.fixture
def older(db):
    return TargetGroup.objects.get(slug="ouderen")


def make_member(group, **overrides):
    overrides.setdefault("name", "Ria")
    overrides.setdefault("email", "ria@example.org")
    return FocusGroupMember.objects.create(
        target_group=group, consent_at=timezone.now(), **overrides
    )


def join_data(group, **overrides):
    data = {"target_group": group.pk, "name": "Ria Jansen", "email": "ria@example.org"}
    data.update(consent="on", **overrides)
    return data


def test_signing_up_stores_the_member_and_mails_a_sign_off_link(
    resident, older, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = resident.post("/denk-mee/meedoen/", join_data(older))

    member = FocusGroupMember.objects.get()
    assert response.url == "/denk-mee/meedoen/bedankt/"
    assert (member.name, member.target_group, member.email) == (
        "Ria Jansen",
        older,
        "ria@example.org",
    )
    assert mail.outbox[0].subject == "U bent aangemeld voor de focusgroep Ouderen"
    link = re.search(r"https?://\S+/denk-mee/afmelden/(\S+)/", mail.outbox[0].body)
    # The signed link carries the second it was made, so compare what it names.
    assert member_for_token(link[1]) == member.pk


def test_signing_up_needs_consent_and_a_way_to_reach(resident, older):
    response = resident.post("/denk-mee/meedoen/", {"target_group": older.pk, "name": "Ria"})

    assert FocusGroupMember.objects.count() == 0
    assert set(response.context["form"].errors) == {"consent", "phone"}


def test_a_second_sign_up_with_the_same_address_is_recognised(resident, older):
    resident.post("/denk-mee/meedoen/", join_data(older))
    resident.post("/denk-mee/meedoen/", join_data(older, email="RIA@example.org"))

    assert FocusGroupMember.objects.count() == 1


def test_the_honeypot_stores_nothing_but_thanks_the_robot(resident, older):
    response = resident.post("/denk-mee/meedoen/", join_data(older, website="spam"))

    assert response.url == "/denk-mee/meedoen/bedankt/"
    assert FocusGroupMember.objects.count() == 0


def test_the_public_forms_are_rate_limited(settings, older):
    settings.THINKALONG_RATE_LIMIT = 2
    client = Client()
    codes = [client.post("/denk-mee/idee/", {"text": f"Idee {n}"}).status_code for n in range(3)]

    assert codes == [302, 302, 429]
    assert Idea.objects.count() == 2


def test_the_sign_off_link_deletes_the_member_and_says_so_a_second_time(resident, older):
    member = make_member(older)
    url = f"/denk-mee/afmelden/{sign_off_token(member.pk)}/"

    assert "Afmelden en mijn gegevens verwijderen" in resident.get(url).content.decode()
    resident.post(url)
    again = resident.get(url)

    assert FocusGroupMember.objects.count() == 0
    assert "U bent afgemeld." in again.content.decode()
    log = ThinkAlongLog.objects.get()
    assert (log.kind, log.subject_id, log.by) == ("signed_off", member.pk, None)


def test_a_changed_sign_off_link_is_refused(resident, older):
    member = make_member(older)

    response = resident.post(f"/denk-mee/afmelden/{sign_off_token(member.pk)}x/")

    assert response.status_code == 400
    assert FocusGroupMember.objects.count() == 1


def test_every_look_at_members_is_logged(coordinator_client, coordinator, older):
    members = [make_member(older, name=f"Lid {n}") for n in range(3)]

    coordinator_client.get("/netwerk/denk-mee/leden/")
    page = coordinator_client.get(members[0].get_absolute_url()).content.decode()

    logged = ThinkAlongLog.objects.filter(kind="viewed", by=coordinator)
    assert sorted(logged.values_list("subject_id", flat=True)) == sorted(
        [m.pk for m in members] + [members[0].pk]
    )
    assert page.count("bekeken, ") == 2  # the member page lists both looks at this member


def test_partners_do_not_see_the_members(partner_client, older):
    make_member(older)

    assert partner_client.get("/netwerk/denk-mee/leden/").status_code == 403


def test_a_member_is_exported_and_erased_on_request(coordinator_client, older):
    member = make_member(older)

    export = coordinator_client.get(f"/netwerk/denk-mee/leden/{member.pk}/export.json").json()
    coordinator_client.post(f"/netwerk/denk-mee/leden/{member.pk}/verwijderen/")

    assert (export["name"], export["email"], export["focus_group"]) == (
        "Ria",
        "ria@example.org",
        "Ouderen",
    )
    assert FocusGroupMember.objects.count() == 0
    assert list(ThinkAlongLog.objects.order_by("pk").values_list("kind", flat=True)) == [
        "exported",
        "erased",
    ]


def test_a_session_invites_its_members_records_attendance_and_findings(
    coordinator_client, older, django_capture_on_commit_callbacks
):
    ria, kees = make_member(older), make_member(older, name="Kees", email="")
    make_member(TargetGroup.objects.get(slug="jongeren"), email="jong@example.org")
    action = make_action(title="Wandelgroep op vaste dagen")
    response = coordinator_client.post(
        "/netwerk/denk-mee/sessies/nieuw/",
        {"target_group": older.pk, "starts_at": "2026-03-02T14:00", "place": "Buurtkamer"},
    )
    session = FocusSession.objects.get()
    assert response.url == session.get_absolute_url()

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(f"/netwerk/denk-mee/sessies/{session.pk}/uitnodigen/")
    coordinator_client.post(
        f"/netwerk/denk-mee/sessies/{session.pk}/aanwezig/", {"participants": [ria.pk, kees.pk]}
    )
    coordinator_client.post(
        f"/netwerk/denk-mee/sessies/{session.pk}/bevinding/",
        {"text": "Samen **wandelen** helpt.", "actions": [action.pk]},
    )

    assert [m.to for m in mail.outbox] == [["ria@example.org"]]
    assert "Buurtkamer" in mail.outbox[0].body
    session.refresh_from_db()
    assert session.attendance_count == 2
    assert list(Finding.objects.get().actions.all()) == [action]
    page = coordinator_client.get(action.get_absolute_url()).content.decode()
    assert "Samen <strong>wandelen</strong> helpt." in page
    agenda = coordinator_client.get(f"/netwerk/actieagenda/{action.year}/").content.decode()
    assert "Inbreng van inwoners: Ouderen" in agenda


def test_a_finding_is_never_raw_html(coordinator_client, older):
    session = services.plan_session(
        target_group=older, starts_at=timezone.now(), place="Buurtkamer", topic=""
    )
    services.add_finding(session=session, text="<script>alert(1)</script>", actions=[])

    page = coordinator_client.get(session.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_an_idea_is_public_only_after_a_coordinator_publishes_it(
    resident, coordinator_client, older
):
    resident.post(
        "/denk-mee/idee/",
        {
            "text": "Een bankje bij de supermarkt.",
            "name": "Jan",
            "email": "jan@example.org",
            "consent": "on",
        },
    )
    idea = Idea.objects.get()
    assert "Een bankje bij de supermarkt." not in resident.get("/denk-mee/").content.decode()

    response = coordinator_client.post(
        idea.get_absolute_url(), {"decision": "yes", "response": "Er staat nu een bankje."}
    )
    page = resident.get("/denk-mee/").content.decode()

    assert response.url == "/netwerk/denk-mee/ideeen/"
    assert "Een bankje bij de supermarkt." in page
    assert "Er staat nu een bankje." in page
    assert "jan@example.org" not in page and "Jan" not in page


def test_contact_details_with_an_idea_need_consent(resident):
    response = resident.post("/denk-mee/idee/", {"text": "Idee", "email": "jan@example.org"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["consent"]


def test_prune_deletes_what_passed_the_retention_period(settings, older):
    settings.THINKALONG_RETENTION_MONTHS = 12
    now = timezone.now()
    old, recent, active = make_member(older), make_member(older), make_member(older)
    FocusGroupMember.objects.filter(pk__in=[old.pk, active.pk]).update(
        created_at=now - datetime.timedelta(days=400)
    )
    session = FocusSession.objects.create(target_group=older, starts_at=now, place="Buurtkamer")
    session.participants.add(active)
    published = Idea.objects.create(text="A", email="a@example.org", status="gepubliceerd")
    declined = Idea.objects.create(text="B", email="b@example.org", status="afgewezen")
    Idea.objects.update(created_at=now - datetime.timedelta(days=400))

    call_command("prune_thinkalong", stdout=StringIO())

    assert set(FocusGroupMember.objects.values_list("pk", flat=True)) == {recent.pk, active.pk}
    assert list(Idea.objects.values_list("pk", "email")) == [(published.pk, "")]
    assert not Idea.objects.filter(pk=declined.pk).exists()
    assert ThinkAlongLog.objects.filter(kind="expired").count() == 3


@pytest.mark.parametrize("rows", [1, 30])
def test_public_page_uses_fixed_queries(resident, django_assert_num_queries, older, rows):
    for n in range(rows):
        Idea.objects.create(
            text=f"Idee {n}",
            target_group=older,
            status="gepubliceerd",
            response="Gedaan",
            decided_at=timezone.now(),
        )

    with django_assert_num_queries(3):
        response = resident.get("/denk-mee/")

    assert len(response.context["page"]) == min(rows, 10)


def test_staff_pages_use_the_same_queries_for_few_and_many_rows(coordinator_client, older):
    def add_rows(count):
        for n in range(count):
            member = make_member(older, name=f"Lid {n}")
            Idea.objects.create(text=f"Idee {n}", email="x@example.org")
            session = FocusSession.objects.create(
                target_group=older, starts_at=timezone.now(), place=f"Plek {n}"
            )
            session.participants.add(member)
            Finding.objects.create(session=session, text="Bevinding")
        return session

    def counts(session):
        urls = ["/netwerk/denk-mee/", "/netwerk/denk-mee/leden/", "/netwerk/denk-mee/ideeen/"]
        found = []
        for url in [*urls, session.get_absolute_url()]:
            coordinator_client.get(url)  # the navigation's counts are kept per signals version
            with CaptureQueriesContext(connection) as queries:
                assert coordinator_client.get(url).status_code == 200
            found.append(len(queries))
        return found

    few = counts(add_rows(1))
    many = counts(add_rows(30))

    assert few == many
    assert max(many) <= 15


@pytest.mark.parametrize("path", ["/denk-mee/meedoen/", "/denk-mee/idee/"])
def test_public_forms_use_fixed_queries(resident, django_assert_num_queries, older, path):
    for n in range(20):
        TargetGroup.objects.create(slug=f"groep-{n}", name=f"Groep {n}")

    with django_assert_num_queries(1):  # the target groups
        response = resident.get(path)

    assert response.status_code == 200


def test_the_public_forms_refuse_an_id_no_column_can_hold(resident, older):
    join = resident.post("/denk-mee/meedoen/", join_data(older, target_group=10**30))
    idea = resident.post("/denk-mee/idee/", {"text": "Idee", "target_group": 10**30})

    assert (join.status_code, idea.status_code) == (200, 200)
    assert list(join.context["form"].errors) == ["target_group"]
    assert FocusGroupMember.objects.count() + Idea.objects.count() == 0
