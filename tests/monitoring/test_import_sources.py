"""Importers of public sources: RIVM 50150NED (neighbourhood estimates) and CBS key figures."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from coalition.models import Area
from monitoring.models import AreaProfile, Measurement
from tests.factories import make_area

pytestmark = pytest.mark.django_db

RIVM_HEADER = (
    '"ID";"WijkenEnBuurten";"Gemeentenaam_1";"Codering_3";"Perioden";"Leeftijd";"Marges";'
    '"Eenzaam_25";"SterkEenzaam_26";"EmotioneelEenzaam_27";"SociaalEenzaam_28"\n'
)


def rivm_line(n, code, age, margin, *values):
    cells = ";".join(f'"{v}"' for v in values)
    return (
        f'{n};"{code}  ";"Leidschendam-Voorburg";"{code}";"2024JJ00";"{age}";"{margin}";{cells}\n'
    )


def run(tmp_path, text, *args, command="import_indicators"):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command(command, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rivm_export_becomes_figures_with_intervals(tmp_path):
    text = (
        RIVM_HEADER
        + rivm_line(0, "WK191601", "20300", "MW00000", "47", "12", "33", "35")
        + rivm_line(1, "WK191601", "20300", "MOG0095", "44", "10", "30", "32")
        + rivm_line(2, "WK191601", "20300", "MBG0095", "50", "14", "36", "38")
        + rivm_line(3, "WK191601", "80200", "MW00000", "52,5", ".", "38", "40")
        + rivm_line(4, "WK191601", "53115", "XX00000", "1", "1", "1", "1")
    )

    out, _ = run(tmp_path, text, "--format", "rivm")

    assert out.splitlines()[0] == "7 cijfers ingelezen: 7 nieuw, 0 bijgewerkt."
    lonely = Measurement.objects.get(
        area__code="WK191601", indicator__code="eenzaam", age_band="18+"
    )
    assert (lonely.target_group.slug, lonely.year) == ("volwassenen", 2024)
    assert (lonely.value, lonely.ci_low, lonely.ci_high) == (47.0, 44.0, 50.0)
    assert lonely.source == "RIVM, Gezondheid per wijk en buurt (StatLine 50150NED)"
    older = Measurement.objects.get(
        area__code="WK191601", indicator__code="eenzaam", age_band="65+"
    )
    assert (older.target_group.slug, older.value, older.ci_low) == ("ouderen", 52.5, None)
    assert not Measurement.objects.filter(
        indicator__code="ernstig_eenzaam", age_band="65+"
    ).exists()
    assert Area.objects.get(code="WK191601").kind == Area.Kind.DISTRICT


def test_rivm_interval_not_around_the_value_is_rejected_with_its_line(tmp_path):
    text = (
        RIVM_HEADER
        + rivm_line(0, "WK191601", "20300", "MW00000", "47", "12", "33", "35")
        + rivm_line(1, "WK191601", "20300", "MOG0095", "48", "10", "30", "32")
        + rivm_line(2, "WK191601", "20300", "MBG0095", "50", "14", "36", "38")
    )
    err = StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_indicators",
            _write(tmp_path, text),
            "--format",
            "rivm",
            stdout=StringIO(),
            stderr=err,
        )

    assert err.getvalue().splitlines() == [
        "Regel 2: het interval 48–50 ligt niet rond de waarde 47"
    ]
    assert Measurement.objects.count() == 0


def _write(tmp_path, text):
    path = tmp_path / "rivm.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_file_without_rivm_columns_is_rejected(tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, "a;b\n1;2\n", "--format", "rivm")

    assert Measurement.objects.count() == 0


KWB = (
    "gwb_code_10;regio;gm_naam;a_inw;a_65_oo;a_hh;a_1p_hh;g_ink_pi\n"
    "GM1916;Leidschendam-Voorburg;Leidschendam-Voorburg;78245;19850;36500;14200;34,1\n"
    "WK191601;Voorburg-Noord;Leidschendam-Voorburg;9830;2510;4700;2050;31,8\n"
    "WK191608;Stompwijk;Leidschendam-Voorburg;1875;.;760;.;.\n"
    "GM0599;Rotterdam;Rotterdam;664000;100000;350000;170000;29,0\n"
)


def test_kerncijfers_are_stored_for_the_municipality_only(tmp_path):
    make_area(code="WK191601", name="WK191601")

    out, _ = run(tmp_path, KWB, "--year", "2024", command="import_kerncijfers")

    assert out == "De kerncijfers van 3 gebieden voor 2024 zijn ingelezen.\n"
    profile = AreaProfile.objects.get(area__code="WK191601")
    assert (profile.inhabitants, profile.aged_65_plus, profile.income_per_inhabitant) == (
        9830,
        2510,
        31.8,
    )
    assert round(profile.share_65_plus) == 26
    assert Area.objects.get(code="WK191601").name == "Voorburg-Noord"
    stompwijk = AreaProfile.objects.get(area__code="WK191608")
    assert (stompwijk.aged_65_plus, stompwijk.share_one_person) == (None, None)
    assert not Area.objects.filter(code="GM0599").exists()


def test_kerncijfers_with_a_bad_number_store_nothing(tmp_path):
    bad = KWB.replace("9830", "veel")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_kerncijfers",
            _write(tmp_path, bad),
            "--year",
            "2024",
            stdout=StringIO(),
            stderr=err,
        )

    assert err.getvalue() == "Regel 3: a_inw “veel” is geen getal van 0 of meer\n"
    assert AreaProfile.objects.count() == 0
