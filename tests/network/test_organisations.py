import pytest
from django.contrib.auth.models import User
from django.core import mail

from network.models import Organisation
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_coordinator_creates_an_organisation(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/organisaties/nieuw/",
        {"name": "Sportclub Stompwijk", "slug": "sportclub-stompwijk", "sector": "sport"},
    )
    assert response.url == "/netwerk/organisaties/sportclub-stompwijk/"
    assert Organisation.objects.get().name == "Sportclub Stompwijk"


def test_organisation_form_rejects_bad_input_in_dutch(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/organisaties/nieuw/",
        {"name": "", "slug": "met spaties", "sector": "x", "email": "nee", "website": "nee"},
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["Dit veld is verplicht."]
    assert errors["email"] == ["Voer een geldig e-mailadres in."]
    assert not Organisation.objects.exists()


def test_partner_edits_own_organisation_but_not_its_name(partner_client, partner):
    organisation = make_organisation(name="Buurtkamer", users=[partner])
    partner_client.post(
        f"/netwerk/organisaties/{organisation.slug}/bewerken/",
        {"description": "Nieuwe tekst", "name": "Gekaapt", "phone": "070 1234567"},
    )
    organisation.refresh_from_db()
    assert organisation.description == "Nieuwe tekst"
    assert organisation.name == "Buurtkamer"


def test_partner_cannot_create_organisations(partner_client):
    assert partner_client.get("/netwerk/organisaties/nieuw/").status_code == 403


def test_invite_creates_partner_and_mails_a_set_password_link(coordinator_client):
    organisation = make_organisation(name="Buurtkamer")
    response = coordinator_client.post(
        f"/netwerk/organisaties/{organisation.slug}/uitnodigen/",
        {"email": "Nieuw@Example.org", "first_name": "Sanne", "last_name": "Bakker"},
    )
    assert response.url == f"/netwerk/organisaties/{organisation.slug}/"
    user = User.objects.get(username="nieuw@example.org")
    assert not user.has_usable_password()
    assert user.groups.filter(name="partner").exists()
    assert list(user.organisations.all()) == [organisation]
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert "Buurtkamer" in mail.outbox[0].body


def test_set_password_link_from_the_invitation_works(coordinator_client, client):
    organisation = make_organisation()
    coordinator_client.post(
        f"/netwerk/organisaties/{organisation.slug}/uitnodigen/",
        {"email": "sanne@example.org", "first_name": "Sanne"},
    )
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("http://localhost:8000", 1)[1]
    response = client.get(path, follow=True)
    assert "new_password1" in response.content.decode()


def test_invite_is_refused_for_a_coordinator_address(coordinator_client, coordinator):
    organisation = make_organisation()
    response = coordinator_client.post(
        f"/netwerk/organisaties/{organisation.slug}/uitnodigen/",
        {"email": coordinator.email, "first_name": "X"},
    )
    assert response.status_code == 200
    assert "andere rechten" in response.content.decode()


def test_partner_cannot_invite(partner_client, partner):
    organisation = make_organisation(users=[partner])
    response = partner_client.post(
        f"/netwerk/organisaties/{organisation.slug}/uitnodigen/",
        {"email": "x@example.org", "first_name": "X"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="x@example.org").exists()


def test_coordinator_disables_a_partner(coordinator_client, partner, client):
    organisation = make_organisation(users=[partner])
    coordinator_client.post(
        f"/netwerk/organisaties/{organisation.slug}/gebruikers/{partner.pk}/uitzetten/"
    )
    partner.refresh_from_db()
    assert not partner.is_active
    assert not User.objects.get(pk=partner.pk).is_active


def test_organisations_list_uses_a_fixed_number_of_queries(
    coordinator_client, django_assert_max_num_queries
):
    make_organisation()
    with django_assert_max_num_queries(14) as few:
        coordinator_client.get("/netwerk/organisaties/")
    baseline = len(few.captured_queries)
    for _ in range(29):
        make_organisation()
    with django_assert_max_num_queries(baseline):
        response = coordinator_client.get("/netwerk/organisaties/")
    assert len(response.context["page"]) == 25


def test_organisation_form_makes_the_slug_from_the_name_when_left_empty(coordinator_client):
    response = coordinator_client.post(
        "/netwerk/organisaties/nieuw/",
        {"name": "Repair Café Voorburg", "slug": "", "sector": "buurt"},
    )

    assert response.url == "/netwerk/organisaties/repair-cafe-voorburg/"
    assert Organisation.objects.get().slug == "repair-cafe-voorburg"


def test_organisation_form_keeps_a_slug_that_was_given(coordinator_client):
    coordinator_client.post(
        "/netwerk/organisaties/nieuw/",
        {"name": "Repair Café Voorburg", "slug": "repaircafe", "sector": "buurt"},
    )

    assert Organisation.objects.get().slug == "repaircafe"


def test_organisation_form_says_when_the_made_slug_is_taken(coordinator_client):
    make_organisation(name="Repair Café", slug="repair-cafe")

    response = coordinator_client.post(
        "/netwerk/organisaties/nieuw/", {"name": "Repair Café", "slug": "", "sector": "buurt"}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["slug"]
