import pytest
from django.core.management import CommandError, call_command

from coalition.models import Area
from monitoring.models import Measurement
from tests.factories import make_measurement

pytestmark = pytest.mark.django_db

DUPLICATE = (
    "hetzelfde cijfer (gebied, doelgroep, leeftijd, indicator, jaar, meetinstrument) "
    "staat meer dan eens in het bestand"
)

HEADER = (
    "area_code,target_group,age_band,indicator,year,value,"
    + "ci_low,ci_high,sample_size,instrument,source"
)


def write(tmp_path, text, name="figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_indicators", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_stores_every_figure(tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2020,50.7,47.1,54.3,620,DJG-11,GGD Haaglanden 2020\n"
        "NL01,ouderen,65+,eenzaam,2020,48.5,,,,,RIVM\n",
    )

    out, _ = run(path)

    assert out.splitlines()[0] == "2 cijfers ingelezen: 2 nieuw, 0 bijgewerkt."
    stored = Measurement.objects.get(area__code="GM1916")
    assert (stored.value, stored.ci_low, stored.ci_high, stored.sample_size) == (
        50.7,
        47.1,
        54.3,
        620,
    )
    assert stored.instrument == "DJG-11"
    assert stored.source == "GGD Haaglanden 2020"
    assert Measurement.objects.get(area__code="NL01").instrument == "DJG-11"


def test_import_reads_semicolons_and_decimal_commas(tmp_path):
    path = write(
        tmp_path,
        HEADER.replace(",", ";")
        + "\nGM1916;jongeren;18-26;eenzaam;2024;41,5;38,2;44,8;;DJG-6;GGD\n",
    )

    run(path)

    stored = Measurement.objects.get()
    assert (stored.value, stored.ci_low, stored.ci_high, stored.instrument) == (
        41.5,
        38.2,
        44.8,
        "DJG-6",
    )


def test_import_creates_unknown_areas_with_kind_from_the_code(tmp_path, settings):
    settings.COMPARISON_AREAS = ["GG3230"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,50,,,,,GGD\n"
        "WK191603,ouderen,65+,eenzaam,2024,52,,,,,RIVM\n"
        "GG3230,ouderen,65+,eenzaam,2024,49,,,,,GGD\n",
    )

    out, _ = run(path)

    district = Area.objects.get(code="WK191603")
    assert district.kind == Area.Kind.DISTRICT
    assert district.parent.code == "GM1916"
    assert Area.objects.get(code="GG3230").kind == Area.Kind.REGION
    assert "Nieuwe gebieden (met hun code als naam): GG3230, GM1916, WK191603" in out


def test_reimport_updates_the_figure(tmp_path):
    make_measurement(year=2024, value=40.0, source="oud")
    path = write(tmp_path, f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,44.4,,,,,nieuw\n")

    out, _ = run(path)

    stored = Measurement.objects.get()
    assert (stored.value, stored.source) == (44.4, "nieuw")
    assert out.splitlines()[0] == "1 cijfers ingelezen: 0 nieuw, 1 bijgewerkt."


def test_bad_file_is_rejected_whole_with_every_line_and_reason(tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,50,,,,,goed\n"
        "GM1916,katten,65+,eenzaam,2024,50,,,,,\n"
        "GM1916,ouderen,65+,blij,2024,50,,,,,\n"
        "GM1916,ouderen,65+,eenzaam,2016,150,,,,,\n"
        "GM1916,ouderen,65+,eenzaam,2022,50,52,58,,,\n"
        "GM1916,ouderen,65+,eenzaam,twintig,50,,,,,\n"
        "GM1916,jongeren,18-26,eenzaam,2024,30,,,,,\n"
        "GM1916,jongeren,18-26,eenzaam,2024,31,,,,,\n"
        "XX12,ouderen,65+,eenzaam,2020,50,,,,,\n",
    )

    with pytest.raises(CommandError) as raised:
        run(path)

    assert raised.value.returncode == 1
    message = str(raised.value)
    assert message == "Het bestand is niet ingelezen: 8 fout(en); er is niets opgeslagen."
    assert Measurement.objects.count() == 0
    assert not Area.objects.filter(code="GM1916").exists()


def test_bad_lines_are_listed_in_dutch_on_stderr(tmp_path, capsys):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,50,,,,,goed\n"
        "GM1916,katten,65+,eenzaam,2024,50,,,,,\n"
        "GM1916,ouderen,65+,blij,2024,50,,,,,\n"
        "GM1916,ouderen,65+,eenzaam,2016,150,,,,,\n"
        "GM1916,ouderen,65+,eenzaam,2022,50,52,58,,,\n"
        "GM1916,ouderen,65+,eenzaam,twintig,50,,,,,\n"
        "GM1916,jongeren,18-26,eenzaam,2024,30,,,,,\n"
        "GM1916,jongeren,18-26,eenzaam,2024,31,,,,,\n"
        "XX12,ouderen,65+,eenzaam,2020,50,,,,,\n",
    )
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_indicators", str(path), stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        "Regel 3: onbekende doelgroep “katten”",
        "Regel 4: onbekende indicator “blij”",
        "Regel 5: de waarde 150 ligt niet tussen 0 en 100",
        "Regel 6: het interval 52–58 ligt niet rond de waarde 50",
        "Regel 7: “twintig” is geen jaartal tussen 1990 en 2100",
        f"Regel 8: {DUPLICATE}",
        f"Regel 9: {DUPLICATE}",
        "Regel 10: onbekende gebiedscode “XX12” (gebruik NL01, GM1916, WK191601 of BU19160101)",
    ]


def test_wrong_header_is_rejected(tmp_path, capsys):
    path = write(tmp_path, "gebied,jaar,waarde\nGM1916,2024,50\n")
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_indicators", str(path), stdout=StringIO(), stderr=err)

    assert err.getvalue().startswith(
        "Regel 1: de kopregel moet precies zijn: area_code,target_group,"
    )
    assert Measurement.objects.count() == 0


def test_file_that_is_not_text_is_rejected(tmp_path):
    # Once "not UTF-8" was refused; Windows-1252 is read now (below), binary bytes are not.
    path = tmp_path / "binary.csv"
    path.write_bytes(
        f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,50,,,,,".encode() + b"\x00\x81\xff"
    )

    with pytest.raises(CommandError):
        run(path)

    assert Measurement.objects.count() == 0


def test_one_sided_interval_and_bad_sample_size_are_rejected(tmp_path):
    from io import StringIO

    path = write(
        tmp_path,
        f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,50,45,,,,\nGM1916,ouderen,75+,eenzaam,2024,50,,,-3,,\n",
    )
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_indicators", str(path), stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        "Regel 2: vul ci_low en ci_high allebei in, of allebei niet",
        "Regel 3: de steekproefomvang “-3” is geen heel getal boven 0",
    ]


def test_excel_style_file_with_bom_crlf_and_quotes_is_read(tmp_path):
    path = tmp_path / "excel.csv"
    text = (
        HEADER.replace(",", ";")
        + "\r\n"
        + 'GM1916;ouderen;65+;eenzaam;2024;"46,4";"41,7";"51,1";650;;"GGD; monitor 2024"\r\n\r\n'
    )
    path.write_bytes(text.encode("utf-8-sig"))

    run(path)

    stored = Measurement.objects.get()
    assert (stored.value, stored.ci_low, stored.sample_size) == (46.4, 41.7, 650)
    assert stored.source == "GGD; monitor 2024"


def run_failing(path, command="import_indicators", *args):
    """The lines on stderr of an import that is refused."""
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(command, str(path), *args, stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 1
    return err.getvalue().splitlines()


def test_title_line_above_the_header_and_notes_below_are_skipped(tmp_path):
    path = write(
        tmp_path,
        "Eenzaamheid in Leidschendam-Voorburg, GGD Gezondheidsmonitor 2024\n"
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,49.1,46.0,52.2,610,,GGD Haaglanden 2024\n"
        "\n"
        "Bron: GGD Haaglanden\n",
    )

    out, _ = run(path)

    assert out.splitlines() == [
        "1 cijfers ingelezen: 1 nieuw, 0 bijgewerkt.",
        "Nieuwe gebieden (met hun code als naam): GM1916",
        "1 regel boven de kopregel (een titel) is overgeslagen.",
        "1 regel met opmerkingen onder de cijfers is overgeslagen.",
    ]
    assert Measurement.objects.get().value == 49.1


def test_separator_at_the_end_of_every_line_is_accepted(tmp_path):
    header = HEADER.replace(",", ";")
    path = write(
        tmp_path,
        f"{header};\nGM1916;ouderen;65+;eenzaam;2024;49,1;;;;;GGD;\n"
        f"GM1916;ouderen;75+;eenzaam;2024;55,0;;;;;GGD;\n",
    )

    run(path)

    assert sorted(Measurement.objects.values_list("age_band", "value")) == [
        ("65+", 49.1),
        ("75+", 55.0),
    ]


def test_windows_1252_file_is_read_with_its_accents(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,50,,,,,Eén meting, België-norm\n".replace(
            "Eén meting, België-norm", '"Eén meting, België-norm"'
        ).encode("cp1252")
    )

    run(path)

    assert Measurement.objects.get().source == "Eén meting, België-norm"


def test_a_dot_means_missing_in_the_long_format_too(tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,49.1,.,.,.,,GGD\n"
        "GM1916,ouderen,75+,eenzaam,2024,.,.,.,.,,GGD\n",
    )

    out, _ = run(path)

    stored = Measurement.objects.get()
    assert (stored.age_band, stored.ci_low, stored.sample_size) == ("65+", None, None)
    assert out.splitlines()[-1] == ("1 cijfer zonder waarde (leeg, “.” of “-”) is overgeslagen.")


def test_area_outside_the_municipality_is_refused_not_created(tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "GM1916,ouderen,65+,eenzaam,2024,49,,,,,GGD\n"
        "GM9999,ouderen,65+,eenzaam,2024,49,,,,,GGD\n"
        "WK999901,ouderen,65+,eenzaam,2024,49,,,,,GGD\n"
        "GG3230,ouderen,65+,eenzaam,2024,49,,,,,GGD\n",
    )

    assert run_failing(path) == [
        "Regel 3: gebied GM9999 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS)",
        "Regel 4: gebied WK999901 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS)",
        "Regel 5: gebied GG3230 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS)",
    ]
    assert not Area.objects.filter(code__in=["GM9999", "WK999901", "GG3230"]).exists()


def test_comparison_areas_are_allowed_and_nl00_is_the_same_country_as_nl01(tmp_path, settings):
    settings.COMPARISON_AREAS = ["GG3230", "GM0518"]
    make_measurement(area=Area.objects.create(code="NL01", name="Nederland", kind="country"))
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "NL00,ouderen,65+,eenzaam,2024,47,,,,,CBS\n"
        "GG3230,ouderen,65+,eenzaam,2024,48,,,,,GGD\n"
        "GM0518,ouderen,65+,eenzaam,2024,52,,,,,GGD\n",
    )

    run(path)

    assert sorted(Measurement.objects.values_list("area__code", "year", "value")) == [
        ("GG3230", 2024, 48.0),
        ("GM0518", 2024, 52.0),
        ("NL01", 2024, 47.0),
    ]
    assert not Area.objects.filter(code="NL00").exists()


def test_a_line_with_several_problems_is_one_error(tmp_path):
    path = write(tmp_path, f"{HEADER}\nGM9999,katten,65+,eenzaam,2024,150,,,,,\n")

    assert run_failing(path) == [
        "Regel 2: gebied GM9999 hoort niet bij Leidschendam-Voorburg en is geen toegestaan "
        "vergelijkingsgebied (de beheerder kan het toevoegen aan COMPARISON_AREAS); onbekende "
        "doelgroep “katten”; de waarde 150 ligt niet tussen 0 en 100"
    ]


def test_decimal_comma_in_a_comma_separated_file_names_the_line(tmp_path):
    path = write(tmp_path, f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,46,5,,,,,GGD\n")

    assert run_failing(path) == [
        "Regel 2: deze regel heeft 12 velden en de kopregel 11: staat er een komma te veel, of "
        'een decimale komma? Zet een getal met een decimale komma tussen aanhalingstekens ("46,5")'
        " of gebruik een puntkomma als scheidingsteken"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"\xef\xbb\xbf\r\n\r\n", "Het bestand is leeg."),
        (
            b"\x00\x01\x02\x03\xfe\xfd" * 50,
            "Het bestand is geen tekstbestand (CSV). Sla het op als “CSV UTF-8” en probeer het "
            "opnieuw.",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
            "Dit is een Excel-werkmap (of een ander ingepakt bestand), geen CSV-bestand. Kies in "
            "Excel “Opslaan als” en dan “CSV UTF-8 (door komma’s gescheiden)”.",
        ),
    ],
    ids=["empty", "only-a-bom", "binary", "excel-workbook"],
)
def test_files_that_are_no_csv_get_one_clear_message(tmp_path, content, message):
    path = tmp_path / "file.csv"
    path.write_bytes(content)

    assert run_failing(path) == [message]
    assert Measurement.objects.count() == 0


@pytest.mark.parametrize(
    ("command", "args"), [("import_indicators", ()), ("import_kerncijfers", ("--year", "2024"))]
)
def test_a_50_mb_file_is_refused_quickly_with_the_size_message(tmp_path, command, args):
    import time

    path = tmp_path / "big.csv"
    line = b"GM1916,ouderen,65+,eenzaam,2024,50,,,,,GGD Haaglanden gezondheidsmonitor\n"
    with path.open("wb") as file:
        file.write(HEADER.encode() + b"\n")
        file.write(line * (50 * 1024 * 1024 // len(line)))
    started = time.monotonic()

    errors = run_failing(path, command, *args)

    assert errors == [
        "Het bestand is groter dan 30 MB. Splits het in kleinere bestanden, of houd alleen de "
        "regels van uw gemeente over."
    ]
    assert time.monotonic() - started < 5


def test_an_rivm_file_given_as_long_format_says_which_kind_it_is(tmp_path):
    path = write(tmp_path, "ID;WijkenEnBuurten;Perioden;Leeftijd;Marges;Eenzaam_25\n")

    assert run_failing(path) == [
        "Regel 1: de kopregel moet precies zijn: area_code,target_group,age_band,indicator,year,"
        "value,ci_low,ci_high,sample_size,instrument,source; dit lijkt op een RIVM-bestand "
        "“Gezondheid per wijk en buurt”: kies die soort bestand (op de opdrachtregel: "
        "import_indicators --format rivm)"
    ]
