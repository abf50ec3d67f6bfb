"""CBS "Kerncijfers wijken en buurten": one line per area, the Excel/CSV download (gwb_code_10,
regio, a_inw, …) or the StatLine table (Codering_3, AantalInwoners_5, …; the numbers after
the underscore differ per year). The national file holds every area of the country: the lines
of other municipalities are skipped, not refused."""

import re

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring.importing.areas import AreaRules
from monitoring.importing.files import (
    MISSING,
    LineError,
    ParsedFile,
    has_lowercase,
    labels_error,
    merge,
    numbers,
    per_value,
    read_table,
    short,
)
from monitoring.importing.headers import KWB_CODE_COLUMNS, labels_reason, loose
from monitoring.importing.indicators import FIRST_YEAR, LAST_YEAR

# (field, the Excel column, the StatLine column before its _NN suffix)
KWB_FIELDS = [
    ("inhabitants", "a_inw", "AantalInwoners"),
    ("aged_0_14", "a_00_14", "k_0Tot15Jaar"),
    ("aged_15_24", "a_15_24", "k_15Tot25Jaar"),
    ("aged_65_plus", "a_65_oo", "k_65JaarOfOuder"),
    ("households", "a_hh", "HuishoudensTotaal"),
    ("one_person_households", "a_1p_hh", "Eenpersoonshuishoudens"),
    ("income_per_inhabitant", "g_ink_pi", "GemiddeldInkomenPerInwoner"),
    ("low_income_share", "p_hh_li", "HuishoudensMetEenLaagInkomen"),
]
COUNTS = {
    "inhabitants",
    "aged_0_14",
    "aged_15_24",
    "aged_65_plus",
    "households",
    "one_person_households",
}
PERCENTAGES = {"low_income_share"}
# Parts that cannot be larger than their whole.
PARTS = [
    ("aged_0_14", "inhabitants"),
    ("aged_15_24", "inhabitants"),
    ("aged_65_plus", "inhabitants"),
    ("one_person_households", "households"),
]
MAX_COUNT = 100_000_000
NAME_LENGTH = 120


def find_column(columns, excel: str, statline: str) -> str | None:
    """The Excel name in any case (a_inw, A_INW), else the StatLine name (AantalInwoners_5)."""
    return next((c for c in columns if c.lower() == excel), None) or next(
        (c for c in columns if re.fullmatch(rf"{re.escape(statline)}_[0-9]+", c)), None
    )


def code_column(columns) -> str | None:
    for name in KWB_CODE_COLUMNS:
        found = next((c for c in columns if c.lower() == name), None)
        if found:
            return found
    coded = next((c for c in columns if re.fullmatch(r"Codering_[0-9]+", c)), None)
    return coded or ("WijkenEnBuurten" if "WijkenEnBuurten" in columns else None)


def parse_kerncijfers_csv(content: bytes, *, year: int, areas: AreaRules) -> ParsedFile:
    """Rows of the municipality, its districts and neighbourhoods, the country and the
    comparison areas; every other area of the file is skipped."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        reason = _("the year must be between 1990 and 2100, not %(year)s") % {"year": year}
        return ParsedFile(errors=[LineError.of(None, reason)])
    table, errors = read_table(content, "kwb")
    if table is None:
        return ParsedFile(errors=errors)
    frame, notes = table.frame, list(table.notes)
    code = code_column(frame.columns)
    if code is None:
        example = next(
            c
            for c in frame.columns
            if loose(c) in {"wijkenenbuurten", "gwbcode10", "gwbcode"}
            or loose(c).startswith("codering")
        )
        return ParsedFile(errors=[LineError.of(table.header_line, labels_reason(example))])
    labels = labels_error(frame, [code])
    if labels:
        return ParsedFile(errors=[labels])
    columns = {
        name: find_column(frame.columns, excel, statline) for name, excel, statline in KWB_FIELDS
    }
    if columns["inhabitants"] is None:
        example = next(
            c for c in frame.columns if loose(c) == "ainw" or loose(c).startswith("aantalinwoners")
        )
        return ParsedFile(errors=[LineError.of(table.header_line, labels_reason(example))])

    codes = per_value(frame[code], areas.normalise)
    refusal = per_value(codes, areas.refusal)
    foreign = refusal.notna() & per_value(codes, areas.is_code).astype(bool)
    if foreign.any():
        count = int(foreign.sum())
        notes.append(
            ngettext(
                "%(count)s line about another area was skipped.",
                "%(count)s lines about other areas were skipped.",
                count,
            )
            % {"count": count}
        )
    frame, codes, refusal = frame[~foreign], codes[~foreign], refusal[~foreign]
    names = name_column(frame, code, codes)

    problems = [LineError.of(int(line), reason) for line, reason in refusal.dropna().items()]
    for line in codes[codes.duplicated(keep=False) & refusal.isna()].index:
        reason = _("the area %(code)s appears more than once in the file") % {"code": codes[line]}
        problems.append(LineError.of(int(line), reason))
    values = {}
    for name, column in columns.items():
        if column is None:
            continue
        raw = frame[column].str.replace(" ", "", regex=False)
        missing = raw.isin(MISSING)
        number = numbers(raw)
        bad = ~missing & (number.isna() | number.lt(0))
        if name in PERCENTAGES:
            bad |= number.gt(100)
        if name in COUNTS:
            bad |= number.notna() & number.ne(number.round())
            for line in raw[~bad & number.gt(MAX_COUNT)].index:
                reason = _("%(column)s “%(value)s” is larger than 100 million") % {
                    "column": column,
                    "value": short(raw[line]),
                }
                problems.append(LineError.of(int(line), reason))
        for line in raw[bad].index:
            reason = _("%(column)s “%(value)s” is not a number of 0 or more") % {
                "column": column,
                "value": short(raw[line]),
            }
            problems.append(LineError.of(int(line), reason))
        values[name] = number.where(~bad & ~missing)
    for part, whole in PARTS:
        if part in values and whole in values:
            larger = values[part].gt(values[whole])
            for line in larger[larger].index:
                reason = _("%(part)s (%(value)s) is larger than %(whole)s (%(total)s)") % {
                    "part": columns[part],
                    "value": frame.at[line, columns[part]],
                    "whole": columns[whole],
                    "total": frame.at[line, columns[whole]],
                }
                problems.append(LineError.of(int(line), reason))
    errors = merge(errors, problems)
    if errors:
        return ParsedFile(errors=errors, notes=notes)
    if frame.empty:
        reason = _("The file has no lines for %(code)s.") % {"code": areas.municipality_code}
        return ParsedFile(errors=[LineError.of(None, reason)], notes=notes)
    rows = []
    for line in frame.index:
        row = {"line": int(line), "area_code": codes[line], "year": year, "name": names[line]}
        for name in columns:
            value = values[name][line] if name in values else None
            if value is None or pd.isna(value):
                row[name] = None
            else:
                row[name] = float(value) if name not in COUNTS else int(value)
        rows.append(row)
    return ParsedFile(rows=rows, notes=notes)


def name_column(frame: pd.DataFrame, code: str, codes: pd.Series) -> pd.Series:
    """The area's name: ``regio`` (Excel), the label in ``WijkenEnBuurten`` when the codes
    are in ``Codering_3`` (cbsodata), else the code."""
    regio = next((c for c in frame.columns if c.lower() == "regio"), None)
    if regio:
        names = frame[regio]
    elif code != "WijkenEnBuurten" and "WijkenEnBuurten" in frame.columns:
        names = frame["WijkenEnBuurten"].where(has_lowercase(frame["WijkenEnBuurten"]), "")
    else:
        names = pd.Series("", index=frame.index, dtype=str)
    names = names.str.slice(0, NAME_LENGTH)
    return names.where(names.ne(""), codes)
