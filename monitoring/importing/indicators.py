"""GGD figures in the long format (one line per figure), and the checks every figure passes,
whichever file it came from."""

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring.importing.areas import AreaRules
from monitoring.importing.files import (
    MISSING,
    LineError,
    ParsedFile,
    merge,
    numbers,
    per_value,
    read_table,
    short,
)
from monitoring.models import DEFAULT_INSTRUMENT

KEY = ["area_code", "target_group", "age_band", "indicator", "year", "instrument"]
FIRST_YEAR, LAST_YEAR = 1990, 2100
MAX_SAMPLE_SIZE = 10_000_000


def parse_indicator_csv(
    content: bytes, *, target_groups: set[str], indicators: set[str], areas: AreaRules
) -> ParsedFile:
    table, errors = read_table(content, "ggd")
    if table is None:
        return ParsedFile(errors=errors)
    return validate_rows(
        table.frame,
        target_groups=target_groups,
        indicators=indicators,
        areas=areas,
        errors=errors,
        notes=table.notes,
    )


def missing_values_note(count: int) -> str:
    return ngettext(
        "%(count)s figure without a value (empty, “.” or “-”) was skipped.",
        "%(count)s figures without a value (empty, “.” or “-”) were skipped.",
        count,
    ) % {"count": count}


def validate_rows(
    frame: pd.DataFrame,
    *,
    target_groups: set[str],
    indicators: set[str],
    areas: AreaRules,
    errors: list[LineError] = (),
    notes: list[str] = (),
    missing: int = 0,
) -> ParsedFile:
    """Check a frame of strings with the HEADER columns, indexed by line number.

    ``errors`` found while reading are merged in, so the file's every bad line is reported
    once; ``missing`` figures without a value were already dropped by the caller."""
    notes = list(notes)
    frame = frame.copy()
    empty_value = frame["value"].isin(MISSING)
    missing += int(empty_value.sum())
    frame = frame[~empty_value]
    if missing:
        notes.append(missing_values_note(missing))
    if frame.empty:
        # Lines that could not be read say enough; else the file has no figures at all.
        reason = _("The file has a header but no figures.")
        return ParsedFile(errors=list(errors) or [LineError.of(None, reason)], notes=notes)
    for column in ["ci_low", "ci_high", "sample_size"]:
        frame[column] = frame[column].mask(frame[column].isin(MISSING), "")
    frame["instrument"] = frame["instrument"].mask(frame["instrument"].eq(""), DEFAULT_INSTRUMENT)
    frame["area_code"] = per_value(frame["area_code"], areas.normalise)
    value, low, high = numbers(frame["value"]), numbers(frame["ci_low"]), numbers(frame["ci_high"])
    year = pd.to_numeric(
        frame["year"].where(frame["year"].str.fullmatch(r"[0-9]{4}").astype(bool)),
        errors="coerce",
    )
    size = pd.to_numeric(
        frame["sample_size"].where(frame["sample_size"].str.fullmatch(r"[0-9]{1,12}").astype(bool)),
        errors="coerce",
    )
    area_refusal = per_value(frame["area_code"], areas.refusal)
    has_low, has_high = frame["ci_low"].ne(""), frame["ci_high"].ne("")
    interval_numbers = (~has_low | low.notna()) & (~has_high | high.notna())
    both = has_low & has_high & interval_numbers & value.notna()
    duplicate = frame.duplicated(subset=KEY, keep=False)

    checks = [
        (area_refusal.notna(), lambda r: areas.refusal(r.area_code)),
        (
            ~frame["target_group"].isin(target_groups),
            lambda r: _("unknown target group “%(value)s”") % {"value": short(r.target_group)},
        ),
        (
            ~frame["indicator"].isin(indicators),
            lambda r: _("unknown indicator “%(value)s”") % {"value": short(r.indicator)},
        ),
        (frame["age_band"].eq(""), lambda r: _("the age band is empty")),
        (
            frame["age_band"].str.len().gt(20),
            lambda r: _("the age band is longer than 20 characters"),
        ),
        (
            year.isna() | year.lt(FIRST_YEAR) | year.gt(LAST_YEAR),
            lambda r: (
                _("“%(value)s” is not a year between 1990 and 2100") % {"value": short(r.year)}
            ),
        ),
        (
            value.isna(),
            lambda r: _("the value “%(value)s” is not a number") % {"value": short(r.value)},
        ),
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
        (
            both & (low.lt(0) | high.gt(100)),
            lambda r: _("the interval must lie between 0 and 100"),
        ),
        (
            frame["sample_size"].ne("") & (size.isna() | size.lt(1)),
            lambda r: (
                _("the sample size “%(value)s” is not a whole number above 0")
                % {"value": short(r.sample_size)}
            ),
        ),
        (
            size.gt(MAX_SAMPLE_SIZE),
            lambda r: (
                _("the sample size %(value)s is larger than 10 million")
                % {"value": short(r.sample_size)}
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
    problems = []
    for mask, message in checks:
        for line, row in frame[mask.fillna(True).astype(bool)].iterrows():
            problems.append(LineError.of(int(line), message(row)))
    errors = merge(errors, problems)
    if errors:
        return ParsedFile(errors=errors, notes=notes)

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
    return ParsedFile(rows=rows, notes=notes)
