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

    assert out == (
        "De kerncijfers van 3 gebieden voor 2024 zijn ingelezen.\n"
        "1 regel over een ander gebied is overgeslagen.\n"
    )
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


def refused(tmp_path, content: bytes, *args, command="import_indicators"):
    """The lines on stderr of an import that is refused; nothing may be stored."""
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(command, str(path), *args, stdout=StringIO(), stderr=err)
    assert Measurement.objects.count() == 0
    assert AreaProfile.objects.count() == 0
    return err.getvalue().splitlines()


# What StatLine gives for "Downloaden → CSV": a title line, quoted cells, a separator at the
# end of each line and a source line below.
STATLINE_RIVM = (
    '"Gezondheid per wijk en buurt; 2012/2016/2020/2022/2024 (indeling 2024)"\n'
    '"ID";"WijkenEnBuurten";"Perioden";"Leeftijd";"Marges";"Eenzaam_25";"SterkEenzaam_26";\n'
    '101;"WK191601  ";"2024JJ00";"20300";"MW00000";"47";"12";\n'
    '102;"WK191601  ";"2024JJ00";"20300";"MOG0095";"44";"10";\n'
    '103;"WK191601  ";"2024JJ00";"20300";"MBG0095";"50";"14";\n'
    '104;"BU19160101";"2024JJ00";"80200";"MW00000";".";".";\n'
    '"Bron: RIVM, Gezondheid per wijk en buurt"\n'
)


def test_statline_download_with_title_line_and_trailing_separators_is_read(tmp_path):
    out, _ = run(tmp_path, STATLINE_RIVM, "--format", "rivm")

    assert out.splitlines() == [
        "2 cijfers ingelezen: 2 nieuw, 0 bijgewerkt.",
        "Nieuwe gebieden (met hun code als naam): WK191601",
        "1 regel boven de kopregel (een titel) is overgeslagen.",
        "1 regel met opmerkingen onder de cijfers is overgeslagen.",
        "2 cijfers zonder waarde (leeg, “.” of “-”) zijn overgeslagen.",
    ]
    assert sorted(
        Measurement.objects.values_list("indicator__code", "value", "ci_low", "ci_high")
    ) == [("eenzaam", 47.0, 44.0, 50.0), ("ernstig_eenzaam", 12.0, 10.0, 14.0)]


def test_cbsodata_labels_are_explained_with_how_to_export_codes(tmp_path):
    # pandas.DataFrame(cbsodata.get_data("50150NED", ...)).to_csv("rivm.csv")
    labels = (
        ",ID,WijkenEnBuurten,Gemeentenaam_1,Codering_3,Perioden,Leeftijd,Marges,Eenzaam_25\n"
        "0,0,Voorburg-Noord,Leidschendam-Voorburg,WK191601,2024,18 jaar of ouder,Waarde,47.0\n"
        "1,1,Voorburg-Noord,Leidschendam-Voorburg,WK191601,2024,18 jaar of ouder,"
        "Ondergrens 95%-interval,44.0\n"
    )

    assert refused(tmp_path, labels.encode(), "--format", "rivm") == [
        "Regel 2: het bestand heeft de labels van StatLine in plaats van de codes (kolom "
        "Leeftijd bevat “18 jaar of ouder”): download de tabel opnieuw uit StatLine als "
        "“Onbewerkte dataset” (CSV), of gebruik in Python cbsodata.get_meta(tabel, "
        '"TypedDataSet"), dat de codes houdt, in plaats van cbsodata.get_data, dat ze vervangt '
        "door labels"
    ]


def test_statline_download_with_labels_in_the_header_is_explained(tmp_path):
    labels = (
        '"Gezondheid per wijk en buurt; 2012/2016/2020/2022/2024 (indeling 2024)"\n'
        '"Wijken en buurten";"Perioden";"Leeftijd";"Marges";"Eenzaam (%)"\n'
        '"Voorburg-Noord";"2024";"18 jaar of ouder";"Waarde";"47"\n'
    )

    assert refused(tmp_path, labels.encode(), "--format", "rivm") == [
        "Regel 2: de kopregel heeft de labels van StatLine (“Wijken en buurten”) in plaats van de "
        "codes: download de tabel opnieuw uit StatLine als “Onbewerkte dataset” (CSV), of "
        'gebruik in Python cbsodata.get_meta(tabel, "TypedDataSet"), dat de codes houdt, in '
        "plaats van cbsodata.get_data, dat ze vervangt door labels"
    ]


def test_rivm_area_of_another_municipality_is_one_error_for_its_line(tmp_path):
    text = (
        RIVM_HEADER
        + rivm_line(0, "WK191601", "20300", "MW00000", "47", "12", "33", "35")
        + rivm_line(1, "GM9999", "20300", "MW00000", "x", "y", "z", "35")
    )

    assert refused(tmp_path, text.encode(), "--format", "rivm") == [
        "Regel 3: gebied GM9999 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS); de waarde "
        "“x” is geen getal; de waarde “y” is geen getal; de waarde “z” is geen getal"
    ]
    assert not Area.objects.filter(code="GM9999").exists()


# "Kerncijfers wijken en buurten" as Excel saves it on Windows: CSV (puntkomma), Windows-1252.
KWB_WINDOWS = (
    "gwb_code_10;regio;gm_naam;a_inw;a_65_oo;a_hh;a_1p_hh;g_ink_pi\r\n"
    "NL00;Nederland;Nederland;17942942;3551620;8231945;3243415;36,2\r\n"
    "GM1916;Leidschendam-Voorburg;Leidschendam-Voorburg;78245;19850;36500;14200;34,1\r\n"
    "WK191605;Mariënpark en Essesteijn;Leidschendam-Voorburg;6120;1890;2940;1310;33,0\r\n"
    "BU05990101;Stadsdriehoek;Rotterdam;17065;1780;11860;8195;35,2\r\n"
).encode("cp1252")


def test_windows_1252_kerncijfers_keep_their_accents_and_nl00_becomes_nl01(tmp_path):
    path = tmp_path / "kwb-2024.csv"
    path.write_bytes(KWB_WINDOWS)
    out = StringIO()

    call_command("import_kerncijfers", str(path), "--year", "2024", stdout=out)

    assert out.getvalue().splitlines() == [
        "De kerncijfers van 3 gebieden voor 2024 zijn ingelezen.",
        "1 regel over een ander gebied is overgeslagen.",
    ]
    assert Area.objects.get(code="WK191605").name == "Mariënpark en Essesteijn"
    assert AreaProfile.objects.get(area__code="NL01").inhabitants == 17942942
    assert not Area.objects.filter(code__in=["NL00", "BU05990101"]).exists()


def test_kerncijfers_from_statline_with_a_title_line_are_read(tmp_path):
    statline = (
        '"Kerncijfers wijken en buurten 2024"\n'
        '"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";'
        '"AantalInwoners_5";"k_65JaarOfOuder_12";"HuishoudensTotaal_29";'
        '"Eenpersoonshuishoudens_30";"GemiddeldInkomenPerInwoner_78";\n'
        '1;"GM1916    ";"Leidschendam-Voorburg";"Gemeente";"GM1916    ";"78245";"19850";'
        '"36500";"14200";"34.1";\n'
        '2;"WK191601  ";"Leidschendam-Voorburg";"Wijk";"WK191601  ";"9830";"2510";"4700";'
        '"2050";".";\n'
    )

    out, _ = run(tmp_path, statline, "--year", "2024", command="import_kerncijfers")

    assert out.splitlines()[0] == "De kerncijfers van 2 gebieden voor 2024 zijn ingelezen."
    profile = AreaProfile.objects.get(area__code="WK191601")
    assert (profile.inhabitants, profile.one_person_households, profile.income_per_inhabitant) == (
        9830,
        2050,
        None,
    )


def test_kerncijfers_from_cbsodata_take_the_codes_from_codering(tmp_path):
    # cbsodata.get_data("85984NED") puts the names in WijkenEnBuurten, the codes in Codering_3.
    labels = (
        "ID,WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5\n"
        "1,Leidschendam-Voorburg,Leidschendam-Voorburg,Gemeente,GM1916    ,78245\n"
        "2,Voorburg-Noord,Leidschendam-Voorburg,Wijk,WK191601  ,9830\n"
    )

    run(tmp_path, labels, "--year", "2024", command="import_kerncijfers")

    assert Area.objects.get(code="WK191601").name == "Voorburg-Noord"
    assert AreaProfile.objects.get(area__code="WK191601").inhabitants == 9830


def test_kerncijfers_with_names_instead_of_codes_are_explained(tmp_path):
    labels = "WijkenEnBuurten;AantalInwoners_5\nLeidschendam-Voorburg;78245\n"

    assert refused(tmp_path, labels.encode(), "--year", "2024", command="import_kerncijfers") == [
        "Regel 2: het bestand heeft de labels van StatLine in plaats van de codes (kolom "
        "WijkenEnBuurten bevat “Leidschendam-Voorburg”): download de tabel opnieuw uit StatLine "
        "als “Onbewerkte dataset” (CSV), of gebruik in Python cbsodata.get_meta(tabel, "
        '"TypedDataSet"), dat de codes houdt, in plaats van cbsodata.get_data, dat ze vervangt '
        "door labels"
    ]


def test_kerncijfers_report_one_error_per_bad_line(tmp_path):
    bad = (
        KWB.replace("9830;2510;4700;2050", "veel;2510;-4;2050")
        + "WK191601;Voorburg-Noord;Leidschendam-Voorburg;9830;2510;4700;2050;31,8\n"
        + "GM1916;Leidschendam-Voorburg;Leidschendam-Voorburg;78245;90000;36500;14200;34,1\n"
    )

    assert refused(tmp_path, bad.encode(), "--year", "2024", command="import_kerncijfers") == [
        "Regel 2: het gebied GM1916 staat meer dan eens in het bestand",
        "Regel 3: het gebied WK191601 staat meer dan eens in het bestand; a_inw “veel” is geen "
        "getal van 0 of meer; a_hh “-4” is geen getal van 0 of meer",
        "Regel 6: het gebied WK191601 staat meer dan eens in het bestand",
        "Regel 7: het gebied GM1916 staat meer dan eens in het bestand; a_65_oo (90000) is "
        "groter dan a_inw (78245)",
    ]


def test_kerncijfers_refuse_a_year_that_cannot_be_right(tmp_path):
    assert refused(tmp_path, KWB.encode(), "--year", "20244", command="import_kerncijfers") == [
        "het jaar moet tussen 1990 en 2100 liggen, niet 20244"
    ]
