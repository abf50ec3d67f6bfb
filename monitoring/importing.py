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


def read_table(
    content: bytes, header: list[str] | None = None
) -> tuple[pd.DataFrame | None, list[LineError]]:
    """The file as strings, separator sniffed from the header line, blank lines dropped, and
    the index holding line numbers. With ``header`` the columns must be exactly those."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [LineError(None, _("The file is not UTF-8 text. Save it as CSV UTF-8."))]
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        return None, [LineError(None, _("The file is empty."))]
    separator = ";" if ";" in first_line else ","
    columns = [name.strip().strip('"').strip() for name in first_line.strip().split(separator)]
    if header is not None and columns != header:
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
    frame.columns = columns
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
    return validate_rows(frame, target_groups=target_groups, indicators=indicators)


def validate_rows(frame: pd.DataFrame, *, target_groups: set[str], indicators: set[str]):
    """Check a frame of strings with the HEADER columns, indexed by line number."""
    errors = []
    if frame.empty:
        return ParsedFile(errors=[LineError(None, _("The file has a header but no figures."))])
    frame = frame.copy()
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
            "line": int(row.Index),
            "area_code": row.area_code,
            "target_group": row.target_group,
            "age_band": row.age_band,
            "indicator": row.indicator,
            "year": int(y),
            "value": float(v),
            "ci_low": None if pd.isna(lo) else float(lo),
            "ci_high": None if pd.isna(hi) else float(hi),
            "sample_size": None if pd.isna(n) else int(n),
            "instrument": row.instrument,
            "source": row.source,
        }
        for row, y, v, lo, hi, n in zip(
            frame.itertuples(), year, value, low, high, size, strict=True
        )
    ]
    return ParsedFile(rows=rows)


# RIVM "Gezondheid per wijk en buurt" (StatLine 50150NED and earlier tables): one line per
# area, period, age group and margin, one column per topic. Column suffixes (_25, _27)
# differ per table, so columns are matched on their name before the suffix.
RIVM_TOPICS = {
    "Eenzaam": "eenzaam",
    "SterkEenzaam": "ernstig_eenzaam",
    "ErnstigZeerErnstigEenzaam": "ernstig_eenzaam",
    "EmotioneelEenzaam": "emotioneel_eenzaam",
    "SociaalEenzaam": "sociaal_eenzaam",
}
RIVM_AGES = {
    "20300": ("volwassenen", "18+"),
    "53115": ("volwassenen", "18-64"),
    "80200": ("ouderen", "65+"),
}
RIVM_MARGINS = {"MW00000": "value", "MOG0095": "ci_low", "MBG0095": "ci_high"}
RIVM_KEYS = ["WijkenEnBuurten", "Perioden", "Leeftijd"]
RIVM_SOURCE = "RIVM, Gezondheid per wijk en buurt (StatLine 50150NED)"
MISSING = {"", ".", "-"}


def parse_rivm_csv(content: bytes, *, target_groups: set[str], indicators: set[str]) -> ParsedFile:
    frame, errors = read_table(content)
    if frame is None:
        return ParsedFile(errors=errors)
    topics = {
        column: RIVM_TOPICS[column.rsplit("_", 1)[0]]
        for column in frame.columns
        if "_" in column and column.rsplit("_", 1)[0] in RIVM_TOPICS
    }
    missing = [column for column in RIVM_KEYS if column not in frame.columns]
    if missing or not topics:
        reason = _("this is not an RIVM file: it needs the columns %(columns)s and Eenzaam_…") % {
            "columns": ", ".join(RIVM_KEYS)
        }
        return ParsedFile(errors=[LineError(1, reason)])
    if "Marges" not in frame.columns:
        frame["Marges"] = "MW00000"
    frame = frame[frame["Leeftijd"].isin(RIVM_AGES) & frame["Marges"].isin(RIVM_MARGINS)]
    long = (
        frame.rename_axis("line")
        .reset_index()
        .melt(
            id_vars=["line", *RIVM_KEYS, "Marges"],
            value_vars=list(topics),
            var_name="column",
            value_name="number",
        )
    )
    long["indicator"] = long["column"].map(topics)
    keys = [*RIVM_KEYS, "indicator"]
    parts = {
        margin: long[long["Marges"] == code].drop(columns=["Marges", "column"])
        for code, margin in RIVM_MARGINS.items()
    }
    merged = (
        parts["value"]
        .rename(columns={"number": "value"})
        .merge(
            parts["ci_low"].drop(columns="line").rename(columns={"number": "ci_low"}),
            on=keys,
            how="left",
        )
        .merge(
            parts["ci_high"].drop(columns="line").rename(columns={"number": "ci_high"}),
            on=keys,
            how="left",
        )
        .fillna("")
    )
    merged = merged[~merged["value"].isin(MISSING)]
    ages = merged["Leeftijd"].map(RIVM_AGES)
    converted = pd.DataFrame(
        {
            "area_code": merged["WijkenEnBuurten"].str.strip(),
            "target_group": ages.str[0],
            "age_band": ages.str[1],
            "indicator": merged["indicator"],
            "year": merged["Perioden"].str[:4],
            "value": merged["value"],
            "ci_low": merged["ci_low"].mask(merged["ci_low"].isin(MISSING), ""),
            "ci_high": merged["ci_high"].mask(merged["ci_high"].isin(MISSING), ""),
            "sample_size": "",
            "instrument": DEFAULT_INSTRUMENT,
            "source": RIVM_SOURCE,
        }
    )
    converted.index = merged["line"].astype(int)
    return validate_rows(
        converted.sort_index(kind="stable"), target_groups=target_groups, indicators=indicators
    )


# CBS "Kerncijfers wijken en buurten" (the CSV/Excel download): one line per area.
KWB_CODE_COLUMNS = ["gwb_code_10", "gwb_code"]
KWB_COLUMNS = {
    "a_inw": "inhabitants",
    "a_65_oo": "aged_65_plus",
    "a_hh": "households",
    "a_1p_hh": "one_person_households",
}
KWB_INCOME = "g_ink_pi"


def parse_kerncijfers_csv(content: bytes, *, year: int, municipality_code: str) -> ParsedFile:
    """Rows of the municipality, its districts and neighbourhoods, and the country."""
    frame, errors = read_table(content)
    if frame is None:
        return ParsedFile(errors=errors)
    code_column = next((c for c in KWB_CODE_COLUMNS if c in frame.columns), None)
    if code_column is None or "a_inw" not in frame.columns:
        reason = _("this is not a CBS key figures file: it needs the columns gwb_code_10 and a_inw")
        return ParsedFile(errors=[LineError(1, reason)])
    codes = frame[code_column].str.strip()
    digits = municipality_code[2:]
    ours = codes.eq(municipality_code) | codes.str.match(
        rf"^(WK{digits}\d{{2}}|BU{digits}\d{{4}}|NL\d{{2}})$"
    )
    frame, codes = frame[ours], codes[ours]
    rows = [{"line": int(line), "area_code": code, "year": year} for line, code in codes.items()]
    by_line = {row["line"]: row for row in rows}
    names = frame["regio"] if "regio" in frame.columns else codes
    for line, name in names.items():
        by_line[int(line)]["name"] = name.strip()
    for column, field_name in [*KWB_COLUMNS.items(), (KWB_INCOME, "income_per_inhabitant")]:
        if column not in frame.columns:
            continue
        raw = frame[column].str.replace(" ", "", regex=False)
        number = to_number(raw.mask(raw.isin(MISSING)).fillna(""))
        bad = ~raw.isin(MISSING) & (number.isna() | number.lt(0))
        if field_name != "income_per_inhabitant":
            bad |= number.notna() & number.ne(number.round())
        for line in raw[bad].index:
            errors.append(
                LineError(
                    int(line),
                    _("%(column)s “%(value)s” is not a number of 0 or more")
                    % {"column": column, "value": raw[line]},
                )
            )
        for line, value in number.items():
            by_line[int(line)][field_name] = (
                None
                if pd.isna(value)
                else (float(value) if field_name == "income_per_inhabitant" else int(value))
            )
    if not rows:
        errors.append(
            LineError(None, _("The file has no lines for %(code)s.") % {"code": municipality_code})
        )
    return ParsedFile(rows=[] if errors else rows, errors=errors)
