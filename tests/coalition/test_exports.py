"""The table downloads: the same typed rows as CSV text or as Excel cells."""

import csv
import io
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pandas
import pytest
from django.utils import translation
from django.utils.translation import pgettext_lazy
from openpyxl import load_workbook

from coalition.exports import table_download

HEADERS = ["getal", "komma", "prijs", "datum", "tijd", "moment", "wel", "niet", "leeg", "tekst"]
ROW = [
    3,
    2.5,
    Decimal("2.50"),
    date(2026, 5, 2),
    time(9, 30),
    datetime(2026, 5, 2, 8, 0, tzinfo=UTC),
    True,
    False,
    None,
    "Koffie, thee",
]


def read_csv(body: bytes) -> list[list[str]]:
    """The rows of a CSV download, its byte-order mark taken off."""
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_csv_download_writes_each_value_as_text():
    response = table_download("lijst.csv", HEADERS, [ROW])

    rows = read_csv(response.getvalue())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lijst.csv"'
    assert rows == [
        HEADERS,
        ["3", "2.5", "2.50", "2026-05-02", "09:30", "2026-05-02T10:00:00", "ja", "nee", "",
         "Koffie, thee"],
    ]  # fmt: skip


def test_csv_download_starts_with_a_byte_order_mark_and_has_crlf_lines():
    # Was "without BOM" until issue 12: Excel reads UTF-8 without a BOM as Windows-1252.
    body = table_download("lijst.csv", ["a", "b"], [[1, "é"]]).getvalue()

    assert body == "\ufeffa,b\r\n1,é\r\n".encode()


def test_csv_download_quotes_only_the_fields_that_need_it():
    row = ["Koffie, thee", 'De "Brug"', "regel 1\nregel 2", "gewoon"]

    body = table_download("lijst.csv", ["a", "b", "c", "d"], [row]).getvalue()

    assert body.decode("utf-8-sig").split("\r\n", 1)[1] == (
        '"Koffie, thee","De ""Brug""","regel 1\nregel 2",gewoon\r\n'
    )


def test_xlsx_download_keeps_the_types_of_the_cells():
    response = table_download("lijst.xlsx", HEADERS, [ROW])

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="lijst.xlsx"'
    assert sheet.title == "lijst"
    assert [c.value for c in sheet[1]] == HEADERS
    assert [c.value for c in sheet[2]] == [
        3,
        2.5,
        2.5,
        datetime(2026, 5, 2),
        time(9, 30),
        datetime(2026, 5, 2, 10, 0),
        "ja",
        "nee",
        None,
        "Koffie, thee",
    ]
    assert type(sheet["A2"].value) is int
    assert sheet["D2"].is_date and sheet["F2"].is_date


def test_xlsx_download_has_a_bold_frozen_header_and_columns_as_wide_as_their_text():
    rows = [["Stichting Welzijn Voorburg en Leidschendam", 1]]

    sheet = load_workbook(io.BytesIO(table_download("l.xlsx", ["naam", "n"], rows).content)).active

    assert [c.font.b for c in sheet[1]] == [True, True]
    assert [c.font.b for c in sheet[2]] == [False, False]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == len(rows[0][0]) + 2
    assert sheet.column_dimensions["B"].width == 8


def test_xlsx_download_drops_characters_excel_cannot_hold():
    response = table_download("l.xlsx", ["tekst"], [["regel\x0bnog een"]])

    assert load_workbook(io.BytesIO(response.content)).active["A2"].value == "regelnog een"


def test_download_of_an_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError):
        table_download("lijst.pdf", ["a"], [])


@pytest.mark.parametrize("filename", ["lijst.csv", "lijst.xlsx"])
def test_download_is_in_the_site_language_whatever_the_visitor_chose(filename):
    headers = [pgettext_lazy("column", "name"), pgettext_lazy("column", "ambassador")]

    with translation.override("en"):
        response = table_download(filename, headers, ([name, True] for name in ["Joke"]))
        body = response.getvalue()

    if filename.endswith(".csv"):
        rows = read_csv(body)
    else:
        rows = list(load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
    assert [list(row) for row in rows] == [["naam", "ambassadeur"], ["Joke", "ja"]]


FORMULAS = ['=HYPERLINK("http://x")', "+SUM(1)", "-2+3", "@cmd", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_download_writes_text_that_starts_a_formula_after_an_apostrophe(text):
    body = table_download("lijst.csv", [text], [[text]]).getvalue()

    assert read_csv(body) == [["'" + text], ["'" + text]]


def test_csv_download_keeps_negative_numbers_and_harmless_text_as_they_are():
    row = [-2, -2.5, Decimal("-3.10"), "2-3", "a=b", "e-mail@example.org", "'"]

    body = table_download("lijst.csv", list("abcdefg"), [row]).getvalue()

    assert read_csv(body)[1] == ["-2", "-2.5", "-3.10", "2-3", "a=b", "e-mail@example.org", "'"]


@pytest.mark.parametrize("text", [*FORMULAS, "#N/A"])
def test_xlsx_download_writes_text_that_starts_a_formula_as_quoted_text(text):
    response = table_download("lijst.xlsx", ["tekst", "getal"], [[text, -2.5]])

    sheet = load_workbook(io.BytesIO(response.content)).active
    stored = text.replace("\r", "\n")  # XML reads a carriage return back as a line feed
    assert (sheet["A2"].value, sheet["A2"].data_type) == (stored, "s")
    assert sheet["A2"].quotePrefix == (text != "#N/A")
    assert (sheet["B2"].value, sheet["B2"].data_type, sheet["B2"].quotePrefix) == (-2.5, "n", False)


def test_csv_download_opens_in_pandas_with_its_defaults():
    rows = [["Digicafé", -2.5, "=1+1"], ["Koffie, thee", 3, "x"]]

    frame = pandas.read_csv(
        io.BytesIO(table_download("l.csv", ["naam", "n", "t"], rows).getvalue())
    )

    assert list(frame.columns) == ["naam", "n", "t"]
    assert frame.to_dict("records") == [
        {"naam": "Digicafé", "n": -2.5, "t": "'=1+1"},
        {"naam": "Koffie, thee", "n": 3.0, "t": "x"},
    ]


def test_xlsx_download_opens_in_pandas_with_its_defaults():
    rows = [["Digicafé", -2.5, "=1+1"], ["Koffie, thee", 3, "x"]]

    frame = pandas.read_excel(
        io.BytesIO(table_download("l.xlsx", ["naam", "n", "t"], rows).content)
    )

    assert frame.to_dict("records") == [
        {"naam": "Digicafé", "n": -2.5, "t": "=1+1"},
        {"naam": "Koffie, thee", "n": 3.0, "t": "x"},
    ]
