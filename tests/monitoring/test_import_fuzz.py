"""Every importer fed 500 generated files: the answer is figures or Dutch errors, never an
exception.

The files look like what people send: a header of the right kind (or almost), a title line
above it, notes below, a separator at the end of lines, quotes, semicolons, commas or tabs,
three kinds of line ends, UTF-8, UTF-8 with BOM, Windows-1252 or UTF-16; cells mostly
plausible, sometimes wrong, sometimes random text; and now and then random bytes pushed in,
or nothing but bytes. Every message must be one of the importers' own, in Dutch.
"""

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from monitoring.services import check_indicator_file, check_kerncijfers_file

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FUZZ = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
IMPORTING = Path(__file__).resolve().parents[2] / "monitoring" / "importing"


def message_ids() -> list[tuple[str, ...]]:
    """Every literal message of the importers: ``_("…")`` and ``ngettext("…", "…", n)``."""
    found = []
    for module in sorted(IMPORTING.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            if node.func.id == "_" and texts:
                found.append((texts[0],))
            elif node.func.id == "ngettext" and len(texts) == 2:
                found.append((texts[0], texts[1]))
    return found


def dutch_patterns() -> list[re.Pattern]:
    patterns = []
    with translation.override("nl"):
        for ids in message_ids():
            if len(ids) == 1:
                texts = [translation.gettext(ids[0])]
            else:
                texts = [translation.ngettext(*ids, count) for count in (1, 2)]
            for text in texts:
                parts = re.split(r"%\([a-z_]+\)s", text)
                patterns.append(re.compile("(?s)" + ".*".join(re.escape(p) for p in parts)))
    return patterns


PATTERNS = dutch_patterns()


def is_dutch_message(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in PATTERNS)


def assert_rows_or_dutch_errors(checked):
    event("figures" if checked.rows else "errors")
    assert bool(checked.rows) != bool(checked.errors)
    for error in checked.errors:
        assert error.reasons
        if error.line is not None:
            assert str(error).startswith(f"Regel {error.line}: ")
        for reason in error.reasons:
            assert is_dutch_message(reason), reason
    for note in checked.notes:
        assert is_dutch_message(note), note
    for row in checked.rows:
        assert isinstance(row["line"], int)
        assert isinstance(row["area_code"], str)


def test_every_importer_message_has_a_dutch_translation():
    def dutch(ids):
        return translation.gettext(ids[0]) if len(ids) == 1 else translation.ngettext(*ids, 1)

    with translation.override("nl"):
        untranslated = [ids[0] for ids in message_ids() if dutch(ids) == ids[0]]

    assert len(message_ids()) > 30
    assert untranslated == []


# --- Generated files --------------------------------------------------------------------
GARBAGE = st.text(max_size=12)


def column(*plausible: str) -> st.SearchStrategy[str]:
    """Mostly a plausible value of the column, sometimes random text."""
    return st.one_of(st.sampled_from(plausible), st.sampled_from(plausible), GARBAGE)


AREAS = column(
    "GM1916", "WK191601", "WK191608", "BU19160101", "NL01", "NL00", "GG3230", "GM9999",
    "GM0599", "WK191601  ", "Leidschendam-Voorburg", "",
)  # fmt: skip
GGD_COLUMNS = {
    "area_code": AREAS,
    "target_group": column("ouderen", "jongeren", "mantelzorgers", "volwassenen", "katten", ""),
    "age_band": column("65+", "18-64", "18+", "75+", "", "x" * 25),
    "indicator": column("eenzaam", "ernstig_eenzaam", "sociaal_eenzaam", "blij"),
    "year": column("2016", "2020", "2024", "twintig", "1800", "2024JJ00", ""),
    "value": column("46.5", "46,5", "50", "150", ".", "", "-", "-1", "1e3", "nan"),
    "ci_low": column("", "44.1", "44,1", ".", "60", "-", "inf"),
    "ci_high": column("", "48.9", "48,9", ".", "40", "120"),
    "sample_size": column("", "620", "-3", "1.5", "9" * 14, "."),
    "instrument": column("", "DJG-11", "DJG-6", "x" * 25),
    "source": column("", "GGD Haaglanden 2024", "GGD; monitor", "Eén meting", "ë" * 300),
}
RIVM_COLUMNS = {
    "ID": column("0", "1", "2", "17"),
    "WijkenEnBuurten": AREAS,
    "Gemeentenaam_1": column("Leidschendam-Voorburg", ""),
    "Codering_3": AREAS,
    "Perioden": column("2024JJ00", "2022JJ00", "2024", "JJ00", ""),
    "Leeftijd": column("20300", "53115", "80200", "18 jaar of ouder", "99999"),
    "Marges": column("MW00000", "MOG0095", "MBG0095", "Waarde"),
    "Eenzaam_25": column("47", "44", "50", "52,5", ".", "", "x", "150"),
    "SterkEenzaam_26": column("12", "10", "14", "."),
    "EmotioneelEenzaam_27": column("33", "30", "36", "-"),
    "SociaalEenzaam_28": column("35", "32", "38", ""),
}
KWB_COUNTS = column(
    "78245", "19850", "36500", "14200", "9830", ".", "", "veel", "-5", "1.5", "9" * 12
)
KWB_EXCEL = {
    "gwb_code_10": AREAS,
    "regio": column("Leidschendam-Voorburg", "Voorburg-Noord", "Stompwijk", "Mariënpark", ""),
    "gm_naam": column("Leidschendam-Voorburg", "Rotterdam"),
    "a_inw": KWB_COUNTS,
    "a_65_oo": KWB_COUNTS,
    "a_hh": KWB_COUNTS,
    "a_1p_hh": KWB_COUNTS,
    "g_ink_pi": column("34,1", "31.8", ".", "", "-2", "veel"),
}
KWB_STATLINE = {
    "ID": column("1", "2"),
    "WijkenEnBuurten": column("Voorburg-Noord", "GM1916", "WK191601"),
    "Codering_3": AREAS,
    "AantalInwoners_5": KWB_COUNTS,
    "k_65JaarOfOuder_12": KWB_COUNTS,
    "HuishoudensTotaal_28": KWB_COUNTS,
    "Eenpersoonshuishoudens_29": KWB_COUNTS,
    "GemiddeldInkomenPerInwoner_66": column("34.1", ".", "x"),
}


# Names the importers use inside (pandas columns, row keys) and spellings of real ones.
ODD_NAMES = ["line", "number", "column", "index", "name", "", "A_INW", "Codering_7", "regio"]


@st.composite
def csv_files(draw, layouts: list[dict]) -> bytes:
    columns = draw(st.sampled_from(layouts))
    names = list(columns)
    if draw(st.integers(0, 4)) == 0:  # a header that is almost right
        names = draw(
            st.lists(st.sampled_from(names + ODD_NAMES), min_size=1, max_size=len(names) + 2)
        )
    separator = draw(st.sampled_from([";", ",", "\t"]))
    quoted = draw(st.booleans())
    trailing = separator if draw(st.booleans()) else ""

    def line(cells: list[str]) -> str:
        if quoted:
            cells = ['"' + cell.replace('"', '""') + '"' for cell in cells]
        return separator.join(cells) + trailing

    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(['"Gezondheid per wijk en buurt; 2024"', "Titel", ""])))
    lines.append(line(names))
    for _ in range(draw(st.integers(0, 8))):
        cells = [draw(columns.get(name, GARBAGE)) for name in names]
        if draw(st.integers(0, 6)) == 0:
            cells = cells[: draw(st.integers(0, len(cells)))] + draw(st.lists(GARBAGE, max_size=2))
        lines.append(line(cells))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(['"Bron: CBS"', "© RIVM", ""])))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    content = text.encode(
        draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])), "replace"
    )
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(min_size=1, max_size=8)) + content[at:]
    return content


def files(*layouts: dict) -> st.SearchStrategy[bytes]:
    return st.one_of(csv_files(list(layouts)), st.binary(max_size=200))


@FUZZ
@given(content=files(GGD_COLUMNS, RIVM_COLUMNS))
def test_ggd_importer_answers_with_figures_or_dutch_errors(content):
    with translation.override("nl"):
        checked = check_indicator_file(content=content, file_format="ggd")

    assert_rows_or_dutch_errors(checked)


@FUZZ
@given(content=files(RIVM_COLUMNS, GGD_COLUMNS))
def test_rivm_importer_answers_with_figures_or_dutch_errors(content):
    with translation.override("nl"):
        checked = check_indicator_file(content=content, file_format="rivm")

    assert_rows_or_dutch_errors(checked)


@FUZZ
@given(
    content=files(KWB_EXCEL, KWB_STATLINE, RIVM_COLUMNS),
    year=st.sampled_from([2024, 2024, 2023, 1800, 99999]),
)
def test_kerncijfers_importer_answers_with_figures_or_dutch_errors(content, year):
    with translation.override("nl"):
        checked = check_kerncijfers_file(content=content, year=year)

    assert_rows_or_dutch_errors(checked)
