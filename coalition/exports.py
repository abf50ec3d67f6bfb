"""Table downloads: column headers and rows of typed Python values, as CSV or as Excel.

``table_download("leden.xlsx", headers, rows)`` picks the format from the file name:

- ``.csv``: UTF-8 with a byte-order mark (so Excel reads "Digicafé", not "DigicafÃ©"),
  comma-separated, quoted only where needed and lines ending in CR LF (RFC 4180), streamed
  row by row (the whole social map can be exported); dates as ISO 8601, times as HH:MM.
- ``.xlsx``: one sheet made with openpyxl, with real cells: dates as dates, numbers as
  numbers, text as text (never a formula); the header row in bold and frozen, columns as
  wide as their content.

Headers, yes/no words and other translations in the rows are written in the site's language,
whatever language the visitor chose: each row is built (the rows may be a generator) and
written inside ``translation.override(settings.LANGUAGE_CODE)``.

Every value passes through ``cell()``, the one place that decides what a value becomes in a
file. It is also the guard against formula injection (OWASP "CSV injection"): text that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula
by a spreadsheet, so it becomes ``FormulaText``, which the CSV writes with a leading
apostrophe and the workbook as a text cell with Excel's quote prefix. Numbers stay numbers:
a negative amount is never text, so it is never prefixed.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from itertools import chain
from pathlib import PurePath

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as WorkbookCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_WIDTH, MAX_WIDTH = 8, 60

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FormulaText(str):
    """Text that a spreadsheet would take for a formula; it is written so that it stays text."""


Cell = str | int | float | Decimal | date | time


def cell(value) -> Cell:
    """A Python value as the cell of a download: None empty, booleans as the words "ja" and
    "nee", datetimes in local time, anything else that is no number, date or time as text;
    text that would start a formula as ``FormulaText``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, int | float | Decimal | date | time):
        return value
    text = str(value)  # text, lazy translations, model instances
    return FormulaText(text) if text.startswith(FORMULA_STARTS) else text


def table_download(filename: str, headers: Sequence, rows: Iterable[Sequence]):
    """The response that downloads the table as ``filename`` (``.csv`` or ``.xlsx``)."""
    extension = PurePath(filename).suffix
    if extension == ".csv":
        response = StreamingHttpResponse(_csv_lines(headers, rows), content_type=CSV_TYPE)
    elif extension == ".xlsx":
        response = HttpResponse(_xlsx(PurePath(filename).stem, headers, rows), XLSX_TYPE)
    else:
        raise ValueError(f"No table format for {filename!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _site_language():
    return translation.override(settings.LANGUAGE_CODE)


class _Echo:
    """A file that hands back what is written to it: the csv writer then returns each line."""

    def write(self, value):
        return value


def _text(value: Cell) -> str | int | float | Decimal:
    if isinstance(value, FormulaText):
        return "'" + value
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):  # a datetime is a date too
        return value.isoformat()
    return value


def _csv_lines(headers: Sequence, rows: Iterable[Sequence]) -> Iterator[str]:
    # The site's language is switched on for each row only, never across a yield: the
    # server may send the next lines from another thread.
    writer = csv.writer(_Echo(), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    rows = iter(rows)
    with _site_language():
        line = BOM + writer.writerow([_text(cell(header)) for header in headers])
    while line is not None:
        yield line
        with _site_language():
            row = next(rows, None)
            line = None if row is None else writer.writerow([_text(cell(v)) for v in row])


def _width(value: Cell) -> int:
    if isinstance(value, datetime):
        return 16
    return max(len(line) for line in str(_text(value)).splitlines() or [""])


def _xlsx_cell(sheet, value: Cell) -> WorkbookCell | Cell:
    if not isinstance(value, str):
        return value
    # Set as text after the value: openpyxl reads a string that starts with "=" as a formula
    # and "#N/A" and the like as errors.
    text = WorkbookCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    text.data_type = "s"
    if isinstance(value, FormulaText):
        text.quotePrefix = True  # as if typed after an apostrophe
    return text


def _xlsx(title: str, headers: Sequence, rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    widths: dict[int, int] = {}
    with _site_language():
        for values in chain([headers], rows):
            cells = [cell(value) for value in values]
            sheet.append([_xlsx_cell(sheet, c) for c in cells])
            for number, value in enumerate(cells, start=1):
                widths[number] = max(widths.get(number, 0), _width(value))
    for header in sheet[1]:
        header.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for number, width in widths.items():
        sheet.column_dimensions[get_column_letter(number)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
