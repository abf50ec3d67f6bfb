"""One message from a coordinator to the active ambassadors of a target group or district,
through the task worker, with an unsubscribe link that works without logging in."""

import re

import pytest
from django.core import mail

from network.models import AmbassadorMessage, Person
from network.partnership.unsubscribe import unsubscribe_token
from tests.factories import make_area, target_group
from tests.network.test_ambassadors import make_ambassador, make_contribution

pytestmark = pytest.mark.django_db


@pytest.fixture
def ambassadors():
    """Active and inactive ambassadors of two target groups."""
    older, young = target_group("ouderen"), target_group("jongeren")
    people = {
        "active": make_ambassador(name="Anna", email="anna@example.org", target_group=older),
        "inactive": make_ambassador(name="Bram", email="bram@example.org", target_group=older),
        "no_email": make_ambassador(name="Chantal", email="", target_group=older),
        "unsubscribed": make_ambassador(name="Dirk", email="dirk@example.org", target_group=older),
        "other_group": make_ambassador(name="Esra", email="esra@example.org", target_group=young),
    }
    for key in ("active", "no_email", "unsubscribed", "other_group"):
        make_contribution(people[key])
    Person.objects.filter(pk=people["unsubscribed"].pk).update(
        mail_unsubscribed_at="2026-01-01T10:00Z"
    )
    return people


def send(client, data, **extra):
    return client.post("/netwerk/ambassadeurs/bericht/", data | extra)


MESSAGE = {"subject": "Week tegen Eenzaamheid", "text": "Doet u mee op 1 oktober?"}


def test_coordinator_sees_how_many_ambassadors_get_the_message_before_sending(
    coordinator_client, ambassadors
):
    response = send(coordinator_client, MESSAGE, target_group=target_group("ouderen").pk)

    assert response.status_code == 200
    assert "Dit bericht gaat naar 1 actieve ambassadeur." in response.content.decode()
    assert mail.outbox == []
    assert not AmbassadorMessage.objects.exists()


def test_message_reaches_only_active_ambassadors_of_the_group_with_email(
    coordinator, coordinator_client, ambassadors
):
    group = target_group("ouderen").pk

    response = send(coordinator_client, MESSAGE, target_group=group, confirmed_count=1, send="1")

    message = AmbassadorMessage.objects.get()
    assert response.url == "/netwerk/ambassadeurs/bericht/"
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert mail.outbox[0].subject == "Week tegen Eenzaamheid"
    assert "Beste Anna," in mail.outbox[0].body
    assert "Doet u mee op 1 oktober?" in mail.outbox[0].body
    assert (message.recipient_count, message.sent_by, message.target_group_id) == (
        1,
        coordinator,
        group,
    )


def test_message_to_a_district_goes_to_its_active_ambassadors(coordinator_client):
    west = make_area(name="West")
    there = make_ambassador(email="west@example.org", district=west)
    elsewhere = make_ambassador(email="oost@example.org", district=make_area(name="Oost"))
    make_contribution(there)
    make_contribution(elsewhere)

    send(coordinator_client, MESSAGE, district=west.pk, confirmed_count=1, send="1")

    assert [m.to for m in mail.outbox] == [["west@example.org"]]


def test_nothing_is_sent_when_the_number_changed_since_the_preview(coordinator_client, ambassadors):
    response = send(
        coordinator_client,
        MESSAGE,
        target_group=target_group("ouderen").pk,
        confirmed_count=5,
        send="1",
    )

    assert "Het aantal ontvangers is veranderd. Kijk het opnieuw na." in response.content.decode()
    assert mail.outbox == []


def test_a_message_needs_a_target_group_or_district(coordinator_client):
    response = send(coordinator_client, MESSAGE)

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Kies een doelgroep, een wijk of allebei."
    ]


def test_sent_messages_are_listed_for_the_coordinator(coordinator_client, ambassadors):
    send(coordinator_client, MESSAGE, target_group=target_group("ouderen").pk, confirmed_count=1,
         send="1")  # fmt: skip

    html = coordinator_client.get("/netwerk/ambassadeurs/bericht/").content.decode()

    assert "Week tegen Eenzaamheid" in html
    assert '<td class="text-end">1</td>' in html


def test_partner_may_not_send_a_message(partner_client):
    assert partner_client.get("/netwerk/ambassadeurs/bericht/").status_code == 403


def test_the_task_table_holds_only_ids_and_no_signed_link(
    coordinator_client, ambassadors, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    send(coordinator_client, MESSAGE, target_group=target_group("ouderen").pk, confirmed_count=1,
         send="1")  # fmt: skip

    task = DBTaskResult.objects.get()
    message = AmbassadorMessage.objects.get()
    assert task.args_kwargs == {
        "args": [],
        "kwargs": {"message_id": message.pk, "person_id": ambassadors["active"].pk},
    }
    assert unsubscribe_token(ambassadors["active"]) not in str(task.args_kwargs)
    assert mail.outbox == []


def unsubscribe_link(body: str) -> str:
    return re.search(r"http://testserver(/netwerk/afmelden/[^/\s]+/)", body)[1]


def test_the_unsubscribe_link_in_the_mail_works_without_logging_in(
    coordinator_client, resident, ambassadors, settings
):
    settings.SITE_URL = "http://testserver"
    send(coordinator_client, MESSAGE, target_group=target_group("ouderen").pk, confirmed_count=1,
         send="1")  # fmt: skip
    link = unsubscribe_link(mail.outbox[0].body)

    question = resident.get(link)
    answer = resident.post(link)
    again = resident.post(link)

    person = Person.objects.get(pk=ambassadors["active"].pk)
    assert "Klik op de knop" in question.content.decode()
    assert "U bent afgemeld." in answer.content.decode()
    assert again.status_code == 200
    assert person.mail_unsubscribed_at is not None


def test_unsubscribing_twice_keeps_the_first_moment(resident, ambassadors):
    person = ambassadors["unsubscribed"]
    first = Person.objects.get(pk=person.pk).mail_unsubscribed_at

    resident.post(f"/netwerk/afmelden/{unsubscribe_token(person)}/")

    assert Person.objects.get(pk=person.pk).mail_unsubscribed_at == first


def test_an_unsubscribed_ambassador_gets_no_further_message(coordinator_client, resident):
    person = make_ambassador(email="anna@example.org", target_group=target_group("ouderen"))
    make_contribution(person)
    resident.post(f"/netwerk/afmelden/{unsubscribe_token(person)}/")

    response = send(coordinator_client, MESSAGE, target_group=target_group("ouderen").pk)

    assert response.context["count"] == 0
    assert mail.outbox == []


def test_a_tampered_link_is_refused_with_a_dutch_page(resident, ambassadors):
    token = unsubscribe_token(ambassadors["active"])
    other = unsubscribe_token(ambassadors["inactive"])
    tampered = other.split(":")[0] + ":" + token.split(":", 1)[1]

    response = resident.post(f"/netwerk/afmelden/{tampered}/")

    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()
    assert Person.objects.get(pk=ambassadors["inactive"].pk).mail_unsubscribed_at is None


def test_a_link_for_a_person_no_longer_known_is_not_found(resident):
    person = make_ambassador()
    token = unsubscribe_token(person)
    person.delete()

    response = resident.get(f"/netwerk/afmelden/{token}/")

    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
