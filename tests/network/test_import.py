import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Activity, ActivityEvent
from tests.factories import make_activity_type, make_area, make_organisation

pytestmark = pytest.mark.django_db

HEADER = (
    "organisatie;naam;samenvatting;soort;doelgroepen;wijk;adres;postcode;plaats;"
    "hoe_vaak;dagen;begintijd;eindtijd;gratis;prijs"
)


def upload(client, text: str):
    file = SimpleUploadedFile("activiteiten.csv", text.encode("utf-8-sig"), "text/csv")
    return client.post("/netwerk/import/", {"file": file})


@pytest.fixture
def setup(db):
    make_organisation(slug="buurtkamer", name="Buurtkamer")
    make_activity_type("bewegen")
    make_area(code="WK191603", name="Voorburg-Midden")


def test_good_file_is_previewed_then_imported(coordinator_client, setup, coordinator):
    text = "\n".join(
        [
            HEADER,
            "buurtkamer;Wandelen;Rondje park;bewegen;ouderen;WK191603;Parkweg 1;2271ab;"
            "Voorburg;weekly;TU,TH;10:00;11:00;ja;",
            "buurtkamer;Yoga;Op een stoel;bewegen|ontmoeting;;;Laan 2;2272 BC;"
            "Voorburg;none;;;;nee;3,50",
        ]
    )
    preview = upload(coordinator_client, text)
    assert "2 activiteiten staan klaar om te importeren" in preview.content.decode()
    assert not Activity.objects.exists()
    response = coordinator_client.post("/netwerk/import/bevestigen/")
    assert response.url == "/netwerk/"
    walking = Activity.objects.get(title="Wandelen")
    assert walking.postcode == "2271 AB"
    assert walking.weekdays == "TU,TH"
    assert walking.publication_state == Activity.Publication.PUBLISHED
    assert walking.events.get().action == ActivityEvent.Action.IMPORTED
    assert str(Activity.objects.get(title="Yoga").price) == "3.50"


def test_bad_lines_are_listed_in_dutch_and_nothing_is_stored(coordinator_client, setup):
    text = "\n".join(
        [
            HEADER,
            "buurtkamer;Goed;Prima;bewegen;;;Parkweg 1;2271 AB;Voorburg;none;;;;ja;",
            "onbekend;Fout;Tekst;bewegen;;;Parkweg 1;2271 AB;Voorburg;none;;;;ja;",
            "buurtkamer;Ook fout;Tekst;bewegen;;;Parkweg 1;22711;Voorburg;weekly;;10:00;09:00;ja;",
        ]
    )
    response = upload(coordinator_client, text)
    errors = response.context["result"].errors
    assert (3, "organisatie: “onbekend” is onbekend.") in errors
    assert (4, "postcode: Vul een postcode in zoals 2271 AB.") in errors
    assert (4, "eindtijd: De eindtijd moet na de begintijd liggen.") in errors
    assert (4, "dagen: Kies minstens één dag.") in errors
    assert "Het bestand heeft fouten" in response.content.decode()
    confirm = coordinator_client.post("/netwerk/import/bevestigen/")
    assert confirm.url == "/netwerk/import/"
    assert not Activity.objects.exists()


def test_missing_columns_are_reported(coordinator_client, setup):
    response = upload(coordinator_client, "naam,samenvatting\nA,B")
    assert response.context["result"].errors == [(1, "Kolommen ontbreken: organisatie, soort.")]


def test_file_that_is_not_utf8_is_refused(coordinator_client, setup):
    file = SimpleUploadedFile("a.csv", "naïef".encode("utf-16"), "text/csv")
    response = coordinator_client.post("/netwerk/import/", {"file": file})
    assert "Sla het bestand op als CSV in UTF-8." in response.content.decode()


def test_import_is_for_coordinators_only(partner_client, resident):
    assert partner_client.get("/netwerk/import/").status_code == 403
    assert partner_client.post("/netwerk/import/bevestigen/").status_code == 403
    assert resident.get("/netwerk/import/").url.startswith("/accounts/login/")
