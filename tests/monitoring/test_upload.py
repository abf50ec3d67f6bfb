from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coalition.models import Area
from monitoring.models import AreaProfile, Measurement
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


def upload_bytes(client, content: bytes, name="cijfers.csv", **data):
    return client.post(
        reverse("monitoring:upload"),
        {"file": SimpleUploadedFile(name, content), "file_format": "ggd", **data},
    )


KWB = (
    "gwb_code_10;regio;gm_naam;a_inw;a_65_oo;a_hh;a_1p_hh;g_ink_pi\n"
    "GM1916;Leidschendam-Voorburg;Leidschendam-Voorburg;78245;19850;36500;14200;34,1\n"
    "WK191601;Voorburg-Noord;Leidschendam-Voorburg;9830;2510;4700;2050;31,8\n"
    "GM0599;Rotterdam;Rotterdam;664000;100000;350000;170000;29,0\n"
)


def test_coordinator_previews_and_confirms_cbs_key_figures(coordinator_client):
    preview = upload_bytes(coordinator_client, KWB.encode(), file_format="kwb", year="2024")

    html = preview.content.decode()
    assert "Kerncijfers van 2 gebieden voor 2024: 2 nieuw, 0 vervangen kerncijfers die al zijn" in (
        html
    )
    assert "<li>1 regel over een ander gebied is overgeslagen.</li>" in html
    assert "<td>Voorburg-Noord</td>" in html
    assert AreaProfile.objects.count() == 0

    response = coordinator_client.post(
        reverse("monitoring:confirm_upload"), preview.context["confirm"].initial, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("monitoring:districts") + "?jaar=2024"
    assert "De kerncijfers van 2 gebieden voor 2024 zijn ingelezen." in response.content.decode()
    assert sorted(AreaProfile.objects.values_list("area__code", "year", "inhabitants")) == [
        ("GM1916", 2024, 78245),
        ("WK191601", 2024, 9830),
    ]


def test_area_of_another_municipality_is_refused_on_the_page(coordinator_client):
    content = (
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,46,,,,,\n"
        "GM0599,ouderen,65+,eenzaam,2024,46,,,,,\n"
    )

    html = upload_bytes(coordinator_client, content.encode()).content.decode()

    assert (
        "<li>Regel 3: gebied GM0599 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS)</li>"
    ) in html
    assert "Deze cijfers opslaan" not in html


def test_cbs_key_figures_need_a_year(coordinator_client):
    response = upload_bytes(coordinator_client, KWB.encode(), file_format="kwb")

    assert "Vul het jaar van de kerncijfers in." in response.content.decode()
    assert "checked" not in response.context


def test_cbsodata_labels_are_explained_on_the_page(coordinator_client):
    labels = (
        "ID,WijkenEnBuurten,Perioden,Leeftijd,Marges,Eenzaam_25\n"
        "0,Voorburg-Noord,2024,18 jaar of ouder,Waarde,47.0\n"
    )

    response = upload_bytes(coordinator_client, labels.encode(), file_format="rivm")

    assert (
        "<li>Regel 2: het bestand heeft de labels van StatLine in plaats van de codes (kolom "
        "Leeftijd bevat “18 jaar of ouder”): download de tabel opnieuw uit StatLine als "
        "“Onbewerkte dataset” (CSV), of gebruik in Python cbsodata.get_meta(tabel, "
        "&quot;TypedDataSet&quot;), dat de codes houdt, in plaats van cbsodata.get_data, dat ze "
        "vervangt door labels</li>"
    ) in response.content.decode()


def test_windows_1252_upload_keeps_its_accents_through_the_confirmation(coordinator_client):
    content = f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,46.5,,,,,Eén meting\n".encode("cp1252")

    preview = upload_bytes(coordinator_client, content)
    assert "<td>Eén meting</td>" in preview.content.decode()
    coordinator_client.post(
        reverse("monitoring:confirm_upload"), preview.context["confirm"].initial
    )

    assert Measurement.objects.get().source == "Eén meting"


def test_title_line_and_trailing_separators_are_read_and_said(coordinator_client):
    content = (
        "Eenzaamheid 2024\n"
        + HEADER.replace(",", ";")
        + ";\nGM1916;ouderen;65+;eenzaam;2024;46,5;;;;;GGD;\n"
    ).encode()

    html = upload_bytes(coordinator_client, content).content.decode()

    assert "1 cijfers: 1 nieuw, 0 vervangen een cijfer dat al is opgeslagen." in html
    assert "<li>1 regel boven de kopregel (een titel) is overgeslagen.</li>" in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het verstuurde bestand is leeg."),  # Django's own check, next to the field
        (b"\xef\xbb\xbf\n\n", "Het bestand is leeg."),
        (bytes(range(256)) * 4, "Het bestand is geen tekstbestand (CSV)."),
    ],
    ids=["empty", "blank", "binary"],
)
def test_empty_and_binary_uploads_get_a_dutch_message(coordinator_client, content, message):
    response = upload_bytes(coordinator_client, content)

    assert message in response.content.decode()
    assert Measurement.objects.count() == 0


def test_a_50_mb_upload_is_refused_next_to_the_field(coordinator_client, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as file:
        file.write(GOOD.encode() * (50 * 1024 * 1024 // len(GOOD)))

    with path.open("rb") as file:
        response = coordinator_client.post(
            reverse("monitoring:upload"), {"file": file, "file_format": "ggd"}
        )

    assert "Het bestand is groter dan 2 MB. Splits het in kleinere bestanden." in (
        response.content.decode()
    )
    assert "checked" not in response.context


@pytest.mark.slow
def test_a_file_near_the_limit_can_be_confirmed(coordinator_client, settings):
    source = "Één meting én één cijfer – België " * 6
    lines = [
        f"WK1916{n % 100:02d};ouderen;{n // 100}+;eenzaam;2024;46,5;;;;;{source}"
        for n in range(7900)
    ]
    content = (HEADER.replace(",", ";") + "\r\n" + "\r\n".join(lines) + "\r\n").encode("cp1252")
    assert 1.8 * 1024 * 1024 < len(content) < 2 * 1024 * 1024
    # Carried back as plain form text, the page would post far more than Django accepts.
    as_text = urlencode({"content": content.decode("cp1252")})
    assert len(as_text) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    preview = upload_bytes(coordinator_client, content)
    response = coordinator_client.post(
        reverse("monitoring:confirm_upload"), preview.context["confirm"].initial
    )

    assert response.status_code == 302
    assert Measurement.objects.count() == 7900
    assert Measurement.objects.first().source == source.strip()


def test_confirming_other_content_than_was_checked_stores_nothing(coordinator_client):
    from monitoring.forms import pack

    bad = f"{HEADER}\nGM9999,ouderen,65+,eenzaam,2024,46,,,,,\n".encode()

    response = coordinator_client.post(
        reverse("monitoring:confirm_upload"),
        {"content": pack(bad), "file_format": "ggd", "year": ""},
        follow=True,
    )

    assert (
        "Het bestand is veranderd of klopt niet meer; er is niets opgeslagen."
        in response.content.decode()
    )
    assert not Area.objects.filter(code="GM9999").exists()


def test_very_many_errors_show_the_first_200(coordinator_client):
    content = (HEADER + "\n" + "GM1916,katten,65+,eenzaam,2024,46,,,,,\n" * 250).encode()

    html = upload_bytes(coordinator_client, content).content.decode()

    assert "Het bestand heeft 250 fouten; er is niets opgeslagen." in html
    assert html.count("onbekende doelgroep “katten”") == 200
    assert "Alleen de eerste 200 fouten staan hier." in html
