"""The Django admin shows no personal data of signals, not even to a superuser: every look at
personal data goes through the workspace, where it is logged (``viewed``)."""

import pytest
from django.urls import reverse

from signals.models import CoordinatorDistrict, SignalEvent, SignalMail
from tests.factories import make_area, make_referral, make_signal

pytestmark = pytest.mark.django_db

PERSONAL = [
    "Zorbalinde",  # person_name
    "2593 QX",  # postcode
    "Kwetterbeek situatie",  # situation
    "Wensvlinder koffie",  # wishes
    "Contactnaam Grootgrut",  # contact_name
    "06 9876 5432",  # contact_phone
    "grootgrut@example.org",  # contact_email
    "Sluisweg 77",  # contact_address
    "Na de Brommerdienst",  # contact_when
    "Notitie Parelhoen",  # event detail (a note)
    "Onderwerp Vlierbes",  # mail subject
    "Mailtekst Kabouterhof",  # mail body
    "smtp weigerde grootgrut",  # last error of a mail
    "Deel Snoezelkamer",  # referral note shared with the partner
    "Terugkoppeling Hazelaar",  # follow-up note
]


@pytest.fixture
def seeded(coordinator):
    signal = make_signal(
        person_name="Zorbalinde",
        postcode="2593 QX",
        situation="Kwetterbeek situatie",
        wishes="Wensvlinder koffie",
        contact_name="Contactnaam Grootgrut",
        contact_phone="06 9876 5432",
        contact_email="grootgrut@example.org",
        contact_address="Sluisweg 77",
        contact_when="Na de Brommerdienst",
        status="referred",
    )
    event = SignalEvent.objects.create(
        signal=signal, kind=SignalEvent.Kind.NOTE, by=coordinator, detail="Notitie Parelhoen"
    )
    mail = SignalMail.objects.create(
        signal=signal,
        kind=SignalMail.Kind.CONFIRMATION,
        to="grootgrut@example.org",
        subject="Onderwerp Vlierbes",
        body="Mailtekst Kabouterhof",
        state=SignalMail.State.FAILED,
        last_error="smtp weigerde grootgrut@example.org",
    )
    make_referral(signal=signal, note="Deel Snoezelkamer", follow_up_note="Terugkoppeling Hazelaar")
    team = CoordinatorDistrict.objects.create(user=coordinator, district=make_area())
    return {"signal": signal, "signalevent": event, "signalmail": mail, "coordinatordistrict": team}


@pytest.mark.parametrize("model", ["signal", "signalevent", "signalmail", "coordinatordistrict"])
def test_admin_pages_show_no_personal_data_to_a_superuser(superuser_client, seeded, model):
    obj = seeded[model]
    pages = [
        reverse(f"admin:signals_{model}_changelist"),
        reverse(f"admin:signals_{model}_change", args=[obj.pk]),
        reverse(f"admin:signals_{model}_history", args=[obj.pk]),
    ]

    for url in pages:
        response = superuser_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert [value for value in PERSONAL if value in html] == [], url


def test_admin_signal_delete_confirmation_shows_no_personal_data(superuser_client, seeded):
    url = reverse("admin:signals_signal_delete", args=[seeded["signal"].pk])

    html = superuser_client.get(url).content.decode()

    assert [value for value in PERSONAL if value in html] == []
