"""District boundaries for the quickscan map (issue 15): the GeoJSON import, its command and
its upload page with preview and confirmation."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from coalition.models import Area
from monitoring.boundaries import BoundariesRejected, check_boundaries, import_boundaries
from monitoring.models import DistrictBoundary
from tests.factories import make_area

pytestmark = pytest.mark.django_db

RING = [[4.40, 52.08], [4.42, 52.08], [4.42, 52.10], [4.40, 52.10], [4.40, 52.08]]


def feature(properties, geometry=None):
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": geometry or {"type": "Polygon", "coordinates": [RING]},
    }


def geojson(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


VALID = geojson(
    feature({"wijkcode": "WK191608", "wijknaam": "Stompwijk"}),
    feature(
        {"statcode": "WK191601", "statnaam": "Voorburg-Noord"},
        {"type": "MultiPolygon", "coordinates": [[RING], [RING]]},
    ),
)


def test_a_valid_file_is_stored_with_either_property_name():
    make_area(code="WK191608", name="Stompwijk")

    checked = import_boundaries(VALID)

    stored = {b.area.code: json.loads(b.geometry)["type"] for b in DistrictBoundary.objects.all()}
    assert stored == {"WK191608": "Polygon", "WK191601": "MultiPolygon"}
    assert [(row["code"], row["new"]) for row in checked.rows] == [
        ("WK191608", False),
        ("WK191601", True),
    ]
    assert Area.objects.get(code="WK191601").name == "Voorburg-Noord"


def test_importing_again_replaces_the_outline():
    import_boundaries(VALID)
    moved = [[x + 0.01, y] for x, y in RING]

    import_boundaries(
        geojson(feature({"wijkcode": "WK191608"}, {"type": "Polygon", "coordinates": [moved]}))
    )

    outline = json.loads(DistrictBoundary.objects.get(area__code="WK191608").geometry)
    assert outline["coordinates"] == [moved]
    assert DistrictBoundary.objects.count() == 2


@pytest.mark.parametrize(
    "content, error",
    [
        (b"{not json", "Het bestand is geen geldige JSON (GeoJSON)."),
        (b'{"type": "Feature"}', "Het bestand is geen GeoJSON-FeatureCollection met features."),
        (geojson(), "Er staan geen features (wijken) in het bestand."),
        (
            geojson(feature({"wijkcode": "WK191608"}), feature({"naam": "Stompwijk"})),
            "Feature 2: geen wijkcode (eigenschap wijkcode of statcode).",
        ),
        (
            geojson(feature({"statcode": "WK059901"})),
            "Feature 1: WK059901 is geen wijk van Leidschendam-Voorburg (de codes beginnen met "
            "WK1916).",
        ),
        (
            geojson(feature({"wijkcode": "WK191608"}), feature({"wijkcode": "WK191608"})),
            "Feature 2: de wijk WK191608 staat meer dan eens in het bestand.",
        ),
        (
            geojson(feature({"wijkcode": "WK191608"}, {"type": "Point", "coordinates": [4.4, 52]})),
            "Feature 1: de vorm is geen Polygon of MultiPolygon.",
        ),
        (
            geojson(
                feature(
                    {"wijkcode": "WK191608"},
                    {
                        "type": "Polygon",
                        "coordinates": [
                            [[85000, 455000], [86000, 455000], [86000, 456000], [85000, 455000]]
                        ],
                    },
                )
            ),
            "Feature 1: de coördinaten zijn geen lengte- en breedtegraad (WGS84); exporteer de "
            "kaart in EPSG:4326, niet in meters (RD New).",
        ),
    ],
)
def test_a_bad_file_is_refused_with_the_reason_and_nothing_is_stored(content, error):
    checked = check_boundaries(content)

    assert checked.errors == [error]
    with pytest.raises(BoundariesRejected):
        import_boundaries(content)
    assert DistrictBoundary.objects.count() == 0
    assert not Area.objects.filter(code="WK191608").exists()


def test_the_command_imports_and_refuses(tmp_path):
    good, bad = tmp_path / "wijken.geojson", tmp_path / "fout.geojson"
    good.write_bytes(VALID)
    bad.write_bytes(geojson(feature({"wijkcode": "WK191608"}), feature({"statcode": "GM0599"})))
    out, err = StringIO(), StringIO()

    call_command("import_districts", str(good), stdout=out)
    with pytest.raises(CommandError) as refused:
        call_command("import_districts", str(bad), stdout=out, stderr=err)

    assert out.getvalue().strip() == "De grenzen van 2 wijken zijn ingelezen."
    assert "Feature 2: GM0599 is geen wijk van Leidschendam-Voorburg" in err.getvalue()
    assert refused.value.returncode == 1
    assert DistrictBoundary.objects.count() == 2


def test_upload_page_shows_a_preview_then_stores_on_confirm(coordinator_client):
    upload = SimpleUploadedFile("wijken.geojson", VALID, content_type="application/geo+json")

    preview = coordinator_client.post(reverse("monitoring:boundaries"), {"file": upload})

    html = preview.content.decode()
    assert "Controleer voor het opslaan" in html
    assert "<td>WK191601</td><td>Voorburg-Noord</td><td>ja</td>" in html
    assert DistrictBoundary.objects.count() == 0

    confirmed = coordinator_client.post(
        reverse("monitoring:boundaries_confirm"),
        {"content": preview.context["confirm"]["content"].value()},
        follow=True,
    )

    assert confirmed.redirect_chain[-1][0] == reverse("monitoring:districts")
    assert "De grenzen van 2 wijken zijn ingelezen." in confirmed.content.decode()
    assert DistrictBoundary.objects.count() == 2


def test_upload_page_shows_the_errors_and_offers_no_confirmation(coordinator_client):
    upload = SimpleUploadedFile("wijken.geojson", geojson(feature({"wijkcode": "WK036301"})))

    response = coordinator_client.post(reverse("monitoring:boundaries"), {"file": upload})

    html = response.content.decode()
    assert "Het bestand heeft 1 fout; er is niets opgeslagen." in html
    assert "Feature 1: WK036301 is geen wijk van Leidschendam-Voorburg" in html
    assert "Deze grenzen opslaan" not in html


def test_a_tampered_confirmation_stores_nothing(coordinator_client):
    response = coordinator_client.post(
        reverse("monitoring:boundaries_confirm"), {"content": "bm90IHBhY2tlZA=="}, follow=True
    )

    assert (
        "Het bestand is veranderd of klopt niet meer; er is niets opgeslagen."
        in response.content.decode()
    )
    assert DistrictBoundary.objects.count() == 0


def test_partner_may_not_upload_boundaries(partner_client):
    assert partner_client.get(reverse("monitoring:boundaries")).status_code == 403
