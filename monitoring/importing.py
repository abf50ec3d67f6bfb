"""Reading and checking indicator files with pandas: bytes in, clean rows or Dutch errors out.

Nothing here touches the database; ``monitoring.services`` stores what passes.
"""

import io
from dataclasses import dataclass, field

import pandas as pd
from django.utils.translation import gettext as _

from coalition.models import Area
from monitoring.models import DEFAULT_INSTRUMENT

HEADER = [
    "area_code",
    "target_group",
    "age_band",
    "indicator",
    "year",
    "value",
    "ci_low",
    "ci_high",
    "sample_size",
    "instrument",
    "source",
]
KEY = ["area_code", "target_group", "age_band", "indicator", "year", "instrument"]
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class LineError:
    line: int | None
    reason: str

    def __str__(self):
        if self.line is None:
            return self.reason
        return _("Line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def read_table(content: bytes, header: list[str]) -> tuple[pd.DataFrame | None, list[LineError]]:
    """The file as strings, separator sniffed from the header line; blank lines dropped."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [LineError(None, _("The file is not UTF-8 text. Save it as CSV UTF-8."))]
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        return None, [LineError(None, _("The file is empty."))]
    separator = ";" if ";" in first_line else ","
    columns = [name.strip() for name in first_line.strip().split(separator)]
    if columns != header:
        reason = _("the header must be exactly: %(header)s") % {"header": ",".join(header)}
        return None, [LineError(1, reason)]
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            skipinitialspace=True,
        )
    except pd.errors.ParserError as error:
        reason = _("a line has more fields than the header (%(detail)s)") % {"detail": error}
        return None, [LineError(None, reason)]
    frame.columns = header
    frame = frame.fillna("").apply(lambda column: column.str.strip())
    frame.index = frame.index + 2  # line numbers: the header is line 1
    frame = frame[frame.ne("").any(axis=1)]
    return frame, []


def to_number(column: pd.Series) -> pd.Series:
    """Decimal point or decimal comma; empty or not a number → NaN."""
    return pd.to_numeric(column.str.replace(",", ".", regex=False), errors="coerce")


def parse_indicator_csv(
    content: bytes, *, target_groups: set[str], indicators: set[str]
) -> ParsedFile:
    frame, errors = read_table(content, HEADER)
    if frame is None:
        return ParsedFile(errors=errors)
    if frame.empty:
        return ParsedFile(errors=[LineError(None, _("The file has a header but no figures."))])

    frame["instrument"] = frame["instrument"].mask(frame["instrument"].eq(""), DEFAULT_INSTRUMENT)
    value, low, high = (
        to_number(frame["value"]),
        to_number(frame["ci_low"]),
        to_number(frame["ci_high"]),
    )
    year = pd.to_numeric(
        frame["year"].where(frame["year"].str.fullmatch(r"\d{4}")), errors="coerce"
    )
    size = pd.to_numeric(frame["sample_size"].where(frame["sample_size"].str.fullmatch(r"\d+")))
    area_ok = frame["area_code"].map(lambda code: Area.kind_for_code(code) is not None)
    has_low, has_high = frame["ci_low"].ne(""), frame["ci_high"].ne("")
    interval_numbers = (~has_low | low.notna()) & (~has_high | high.notna())
    both = has_low & has_high & interval_numbers & value.notna()
    duplicate = frame.duplicated(subset=KEY, keep=False)

    checks = [
        (
            ~area_ok,
            lambda r: (
                _("unknown area code “%(value)s” (use NL01, GM1916, WK191601 or BU19160101)")
                % {"value": r.area_code}
            ),
        ),
        (
            ~frame["target_group"].isin(target_groups),
            lambda r: _("unknown target group “%(value)s”") % {"value": r.target_group},
        ),
        (
            ~frame["indicator"].isin(indicators),
            lambda r: _("unknown indicator “%(value)s”") % {"value": r.indicator},
        ),
        (frame["age_band"].eq(""), lambda r: _("the age band is empty")),
        (
            frame["age_band"].str.len().gt(20),
            lambda r: _("the age band is longer than 20 characters"),
        ),
        (
            year.isna() | year.lt(FIRST_YEAR) | year.gt(LAST_YEAR),
            lambda r: _("“%(value)s” is not a year between 1990 and 2100") % {"value": r.year},
        ),
        (value.isna(), lambda r: _("the value “%(value)s” is not a number") % {"value": r.value}),
        (
            value.lt(0) | value.gt(100),
            lambda r: _("the value %(value)s is not between 0 and 100") % {"value": r.value},
        ),
        (~interval_numbers, lambda r: _("the interval bounds must be numbers")),
        (has_low != has_high, lambda r: _("fill in both ci_low and ci_high, or neither")),
        (
            both & ~(low.le(value) & value.le(high)),
            lambda r: (
                _("the interval %(low)s–%(high)s is not around the value %(value)s")
                % {"low": r.ci_low, "high": r.ci_high, "value": r.value}
            ),
        ),
        (both & (low.lt(0) | high.gt(100)), lambda r: _("the interval must lie between 0 and 100")),
        (
            frame["sample_size"].ne("") & (size.isna() | size.lt(1)),
            lambda r: (
                _("the sample size “%(value)s” is not a whole number above 0")
                % {"value": r.sample_size}
            ),
        ),
        (
            frame["instrument"].str.len().gt(20),
            lambda r: _("the instrument is longer than 20 characters"),
        ),
        (
            frame["source"].str.len().gt(255),
            lambda r: _("the source is longer than 255 characters"),
        ),
        (
            duplicate,
            lambda r: _(
                "the same figure (area, target group, age band, indicator, year, instrument) "
                "appears more than once in the file"
            ),
        ),
    ]
    for mask, message in checks:
        for line, row in frame[mask.fillna(True)].iterrows():
            errors.append(LineError(int(line), message(row)))
    if errors:
        errors.sort(key=lambda error: error.line or 0)
        return ParsedFile(errors=errors)

    rows = [
        {
            "line": int(line),
            "area_code": row.area_code,
            "target_group": row.target_group,
            "age_band": row.age_band,
            "indicator": row.indicator,
            "year": int(year[line]),
            "value": float(value[line]),
            "ci_low": None if pd.isna(low[line]) else float(low[line]),
            "ci_high": None if pd.isna(high[line]) else float(high[line]),
            "sample_size": None if pd.isna(size[line]) else int(size[line]),
            "instrument": row.instrument,
            "source": row.source,
        }
        for line, row in frame.iterrows()
    ]
    return ParsedFile(rows=rows)
