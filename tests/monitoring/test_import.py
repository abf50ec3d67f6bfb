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


def test_import_creates_unknown_areas_with_kind_from_the_code(tmp_path):
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


def test_file_that_is_not_utf8_is_rejected(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{HEADER}\nGM1916,ouderen,65+,eenzaam,2024,50,,,,,Eén\n".encode("latin-1"))

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
