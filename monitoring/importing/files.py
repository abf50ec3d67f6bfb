"""Reading a CSV file as people really send it: bytes in, a table of strings or Dutch errors out.

What arrives is an export of Excel, StatLine, cbsodata or a GGD: UTF-8 with or without a BOM,
Windows-1252, UTF-16 (Excel "Unicode text"); semicolons, commas or tabs; a title line above the
header and notes below the figures (StatLine); a separator at the end of every line; Windows,
Unix or old Mac line ends. All of that is read. What cannot be read (a workbook, a binary
file, a file over the size limit, a line with more fields than the header) is refused with a
reason a coordinator understands, one error per line.
"""

import codecs
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring.importing import headers

# A command may read larger files than the web page (which carries the file in the page): a
# national CBS key figures table (some 17,000 areas × 130 columns) is roughly 15 MB.
MAX_FILE_BYTES = 30 * 1024 * 1024
SEPARATORS = (";", ",", "\t")
# StatLine puts a title (and sometimes a line of explanation) above the header.
HEADER_SEARCH_LINES = 20
HEADER_MAX_CHARACTERS = 100_000
# CBS and RIVM write "." for a figure that is missing or secret; some files use "-".
MISSING = frozenset({"", ".", "-"})
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PACKED_FILES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # .xlsx/.zip, old .xls
SHORT = 40


@dataclass(frozen=True)
class LineError:
    """What is wrong with one line (or, with ``line`` None, with the whole file)."""

    line: int | None
    reasons: tuple[str, ...]

    @classmethod
    def of(cls, line: int | None, reason: str) -> "LineError":
        return cls(line, (reason,))

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def __str__(self):
        if self.line is None:
            return self.reason
        return _("Line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


def by_line(problems: Iterable[tuple[int | None, str]]) -> list[LineError]:
    """One error per line, with every different reason of that line in the order found."""
    reasons: dict[int | None, list[str]] = {}
    for line, reason in problems:
        found = reasons.setdefault(line, [])
        if reason not in found:
            found.append(reason)
    ordered = sorted(reasons, key=lambda line: -1 if line is None else line)
    return [LineError(line, tuple(reasons[line])) for line in ordered]


def merge(*groups: Iterable[LineError]) -> list[LineError]:
    return by_line(
        (error.line, reason) for group in groups for error in group for reason in error.reasons
    )


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass
class Table:
    """The lines below the header as stripped strings; the index holds the line numbers."""

    frame: pd.DataFrame
    header_line: int
    notes: list[str] = field(default_factory=list)


def short(value: str) -> str:
    """A value as quoted in a message: long values are cut."""
    return value if len(value) <= SHORT else value[:SHORT] + "…"


def too_large_reason() -> str:
    return _(
        "The file is larger than %(size)s MB. Split it into smaller files, or keep only the "
        "lines of your municipality."
    ) % {"size": MAX_FILE_BYTES // (1024 * 1024)}


def decode(content: bytes) -> tuple[str | None, str | None]:
    """The text of a file and None, or None and why it is not a text file we can read."""
    not_text = _("The file is not a text file (CSV). Save it as “CSV UTF-8” and try again.")
    if content.startswith(PACKED_FILES):
        return None, _(
            "This is an Excel workbook (or another packed file), not a CSV file. In Excel "
            "choose “Save as” and then “CSV UTF-8 (comma delimited)”."
        )
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if CONTROL_CHARACTERS.search(text):
            return None, not_text
        return text.lstrip("\ufeff"), None
    return None, not_text


def header_names(line: str, separator: str) -> list[str] | None:
    try:
        names = next(csv.reader([line], delimiter=separator, skipinitialspace=True), [])
    except csv.Error:
        return None
    names = [name.strip().lstrip("\ufeff").strip() for name in names]
    while names and not names[-1]:
        names.pop()  # a separator at the end of the header line
    return names


def find_header(lines: list[str], is_header) -> tuple[int, str, list[str]] | None:
    """Index, separator and column names of the first line that ``is_header`` accepts."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_SEARCH_LINES:
            break
        if len(line) > HEADER_MAX_CHARACTERS:
            continue
        for separator in SEPARATORS:
            if separator not in line:
                continue
            names = header_names(line, separator)
            if names and is_header(names):
                return index, separator, names
    return None


def unique_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Empty column names get a placeholder; a name that appears twice is a problem."""
    named = [name or f"({position})" for position, name in enumerate(names, start=1)]
    seen, twice = set(), []
    for name in named:
        if name in seen and name not in twice:
            twice.append(name)
        seen.add(name)
    return named, twice


def read_table(content: bytes, kind: str) -> tuple[Table | None, list[LineError]]:
    """Decode, find the header of ``kind`` and read every line below it.

    Returns the table of good lines (or None when there is no table at all) and one error
    per line that cannot be read; a caller checks the table's values and merges its errors."""
    if len(content) > MAX_FILE_BYTES:
        return None, [LineError.of(None, too_large_reason())]
    text, problem = decode(content)
    if text is None:
        return None, [LineError.of(None, problem)]
    if not text.strip():
        return None, [LineError.of(None, _("The file is empty."))]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = find_header(lines, headers.KINDS[kind])
    if found is None:
        return None, [header_missing(lines, kind)]
    index, separator, names = found
    names, twice = unique_names(names)
    header_line = index + 1
    if twice:
        reason = _("the column “%(name)s” appears more than once in the header") % {
            "name": short(twice[0])
        }
        return None, [LineError.of(header_line, reason)]
    notes = []
    above = sum(1 for line in lines[:index] if line.strip())
    if above:
        notes.append(
            ngettext(
                "%(count)s line above the header (a title) was skipped.",
                "%(count)s lines above the header (a title) were skipped.",
                above,
            )
            % {"count": above}
        )
    line_numbers, rows, errors, below = read_lines(
        lines[index + 1 :], header_line, separator, names
    )
    if below:
        notes.append(
            ngettext(
                "%(count)s line of notes below the figures was skipped.",
                "%(count)s lines of notes below the figures were skipped.",
                below,
            )
            % {"count": below}
        )
    frame = pd.DataFrame(rows, columns=names, index=line_numbers, dtype=str)
    return Table(frame=frame, header_line=header_line, notes=notes), errors


def header_missing(lines: list[str], kind: str) -> LineError:
    first = next((number for number, line in enumerate(lines, start=1) if line.strip()), 1)
    reasons = [headers.missing_header_reason(kind)]
    for other, is_header in headers.KINDS.items():
        if other != kind and find_header(lines, is_header):
            reasons.append(headers.looks_like_reason(other))
            break
    return LineError(first, tuple(reasons))


def read_lines(lines: list[str], header_line: int, separator: str, names: list[str]):
    """Line numbers, rows of cells, errors and the number of notes of the lines below the
    header.

    A separator at the end of a line is dropped; a line with fewer fields is filled up with
    empty ones; a line with only a first field after the last figures is a note; more fields
    than the header is an error."""
    width = len(names)
    reader = csv.reader((line + "\n" for line in lines), delimiter=separator, skipinitialspace=True)
    line_numbers, rows, problems, notes = [], [], [], []
    start = header_line + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:
            reason = _(
                'this line cannot be read: a field is very long, probably a quote (") that is '
                "not closed"
            )
            problems.append(LineError.of(start, reason))
            break
        line, start = start, header_line + reader.line_num + 1
        cells = [cell.strip() for cell in record]
        while len(cells) > width and not cells[-1]:
            cells.pop()
        filled = [cell for cell in cells if cell]
        if not filled:
            continue
        if len(filled) == 1 and cells[0] and width > 1:
            notes.append(line)
            continue
        if notes:
            # A one-field line between figures is not a note below them.
            problems.extend(
                LineError.of(note, fields_reason(1, width, separator)) for note in notes
            )
            notes = []
        if len(cells) > width:
            problems.append(LineError.of(line, fields_reason(len(cells), width, separator)))
            continue
        line_numbers.append(line)
        rows.append(cells + [""] * (width - len(cells)))
    return line_numbers, rows, problems, len(notes)


def fields_reason(count: int, width: int, separator: str) -> str:
    if count < width:
        return _("this line has only one field; the header has %(width)s") % {"width": width}
    if separator == ",":
        return _(
            "this line has %(count)s fields and the header %(width)s: is there a comma too "
            "many, or a decimal comma? Put a number with a decimal comma between quotes "
            '("46,5") or use a semicolon as separator'
        ) % {"count": count, "width": width}
    return _(
        "this line has %(count)s fields and the header %(width)s: is there a separator too many?"
    ) % {"count": count, "width": width}


def numbers(column: pd.Series) -> pd.Series:
    """Decimal point or decimal comma; anything else (empty, text, "inf", "NaN") → NaN."""
    number = pd.to_numeric(column.str.replace(",", ".", regex=False), errors="coerce")
    return number.where(np.isfinite(number))


def per_value(column: pd.Series, function) -> pd.Series:
    """``column.map(function)``, calling it once per different value (area codes repeat)."""
    return column.map({value: function(value) for value in column.unique()})


def has_lowercase(column: pd.Series) -> pd.Series:
    """Codes (GM1916, 20300, MW00000, 2024JJ00) have no lowercase letters; labels do."""
    return column.str.contains(r"[a-zà-ÿ]", regex=True).fillna(False).astype(bool)


def labels_error(frame: pd.DataFrame, columns: list[str]) -> LineError | None:
    """The labels message for the first line whose key columns hold a label, else None."""
    for column in columns:
        if column not in frame.columns:
            continue
        label = has_lowercase(frame[column])
        if label.any():
            line = label[label].index[0]
            return LineError.of(
                int(line), headers.labels_reason(short(frame.at[line, column]), column)
            )
    return None
