import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from monitoring.models import Measurement
from tests.factories import make_measurement

pytestmark = pytest.mark.django_db

HEADER = (
    "area_code,target_group,age_band,indicator,year,value,"
    + "ci_low,ci_high,sample_size,instrument,source"
)
GOOD = (
    f"{HEADER}\n"
    "GM1916,ouderen,65+,eenzaam,2024,46.5,44.1,48.9,,,GGD 2024\n"
    "WK191601,ouderen,65+,eenzaam,2024,51,,,,,RIVM\n"
)


def upload(client, text, name="cijfers.csv", file_format="ggd"):
    return client.post(
        reverse("monitoring:upload"),
        {"file": SimpleUploadedFile(name, text.encode("utf-8")), "file_format": file_format},
    )


def test_anonymous_is_sent_to_login(resident):
    response = resident.get(reverse("monitoring:upload"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_partner_may_not_import(partner_client):
    response = upload(partner_client, GOOD)

    assert response.status_code == 403
    assert Measurement.objects.count() == 0


def test_coordinator_sees_a_preview_and_nothing_is_stored_yet(coordinator_client):
    make_measurement(year=2024, value=40.0)

    response = upload(coordinator_client, GOOD)

    html = response.content.decode()
    assert response.status_code == 200
    assert "2 cijfers: 1 nieuw, 1 vervangen een cijfer dat al is opgeslagen." in html
    assert "Deze gebieden worden toegevoegd: WK191601." in html
    assert "<td>GGD 2024</td>" in html
    assert Measurement.objects.get().value == 40.0


def test_coordinator_confirms_and_the_figures_are_stored(coordinator_client):
    preview = upload(coordinator_client, GOOD)
    content = preview.context["confirm"].initial["content"]

    response = coordinator_client.post(
        reverse("monitoring:confirm_upload"), {"content": content, "file_format": "ggd"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:dashboard")
    assert sorted(Measurement.objects.values_list("area__code", "value")) == [
        ("GM1916", 46.5),
        ("WK191601", 51.0),
    ]
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "2 cijfers ingelezen: 2 nieuw, 0 bijgewerkt." in page


def test_bad_file_lists_every_error_and_offers_no_confirmation(coordinator_client):
    bad = (
        f"{HEADER}\n"
        "GM1916,katten,65+,eenzaam,2024,46,,,,,\n"
        "GM1916,ouderen,65+,eenzaam,2024,146,,,,,\n"
    )

    response = upload(coordinator_client, bad)

    html = response.content.decode()
    assert "Het bestand heeft 2 fouten; er is niets opgeslagen." in html
    assert "<li>Regel 2: onbekende doelgroep “katten”</li>" in html
    assert "<li>Regel 3: de waarde 146 ligt niet tussen 0 en 100</li>" in html
    assert "Deze cijfers opslaan" not in html
    assert Measurement.objects.count() == 0


def test_confirming_a_tampered_file_stores_nothing(coordinator_client):
    response = coordinator_client.post(
        reverse("monitoring:confirm_upload"),
        {"content": f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,146,,,,,\n", "file_format": "ggd"},
        follow=True,
    )

    assert (
        "Het bestand is veranderd of klopt niet meer; er is niets opgeslagen."
        in response.content.decode()
    )
    assert Measurement.objects.count() == 0


def test_upload_without_a_file_shows_a_dutch_error_next_to_the_field(coordinator_client):
    response = coordinator_client.post(reverse("monitoring:upload"), {})

    assert "Dit veld is verplicht." in response.content.decode()


def test_coordinator_imports_an_rivm_export(coordinator_client):
    rivm = (
        "ID;WijkenEnBuurten;Perioden;Leeftijd;Marges;Eenzaam_25\n"
        "0;WK191601  ;2024JJ00;20300;MW00000;47\n"
        "1;WK191601  ;2024JJ00;20300;MOG0095;44\n"
        "2;WK191601  ;2024JJ00;20300;MBG0095;50\n"
    )
    preview = upload(coordinator_client, rivm, file_format="rivm")
    confirm = preview.context["confirm"].initial

    coordinator_client.post(reverse("monitoring:confirm_upload"), confirm)

    stored = Measurement.objects.get()
    assert (stored.area.code, stored.age_band, stored.value, stored.ci_high) == (
        "WK191601",
        "18+",
        47.0,
        50.0,
    )


def test_anonymous_cannot_confirm_an_import(resident):
    response = resident.post(
        reverse("monitoring:confirm_upload"), {"content": GOOD, "file_format": "ggd"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert Measurement.objects.count() == 0


def test_partner_cannot_confirm_an_import(partner_client):
    response = partner_client.post(
        reverse("monitoring:confirm_upload"), {"content": GOOD, "file_format": "ggd"}
    )

    assert response.status_code == 403
    assert Measurement.objects.count() == 0


def test_confirm_only_accepts_post(coordinator_client):
    assert coordinator_client.get(reverse("monitoring:confirm_upload")).status_code == 405


def test_too_large_file_is_refused_next_to_the_field(coordinator_client):
    big = GOOD + "#" * (2 * 1024 * 1024)

    response = upload(coordinator_client, big)

    assert "Het bestand is groter dan 2 MB. Splits het in kleinere bestanden." in (
        response.content.decode()
    )
    assert Measurement.objects.count() == 0
