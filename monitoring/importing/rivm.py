"""RIVM "Gezondheid per wijk en buurt" (StatLine 50150NED and earlier tables): one line per
area, period, age group and margin, one column per topic. Column suffixes (_25, _27) differ
per table, so columns are matched on their name before the suffix."""

import pandas as pd
from django.utils.translation import ngettext

from monitoring.importing.areas import AreaRules
from monitoring.importing.files import (
    MISSING,
    LineError,
    ParsedFile,
    labels_error,
    read_table,
)
from monitoring.importing.headers import RIVM_KEYS, labels_reason, loose, missing_header_reason
from monitoring.importing.indicators import validate_rows
from monitoring.models import DEFAULT_INSTRUMENT

RIVM_TOPICS = {
    "Eenzaam": "eenzaam",
    "SterkEenzaam": "ernstig_eenzaam",
    "ErnstigZeerErnstigEenzaam": "ernstig_eenzaam",
    "EmotioneelEenzaam": "emotioneel_eenzaam",
    "SociaalEenzaam": "sociaal_eenzaam",
    "Mantelzorger": "mantelzorger",  # context for the quickscan: how many adults give care
}
RIVM_AGES = {
    "20300": ("volwassenen", "18+"),
    "53115": ("volwassenen", "18-64"),
    "80200": ("ouderen", "65+"),
}
RIVM_MARGINS = {"MW00000": "value", "MOG0095": "ci_low", "MBG0095": "ci_high"}
RIVM_SOURCE = "RIVM, Gezondheid per wijk en buurt (StatLine 50150NED)"


def topic_columns(columns) -> dict[str, str]:
    """``Eenzaam_25`` → ``eenzaam``: the topic columns of the file and their indicator."""
    return {
        column: RIVM_TOPICS[column.rsplit("_", 1)[0]]
        for column in columns
        if "_" in column
        and column.rsplit("_", 1)[1].isdigit()
        and column.rsplit("_", 1)[0] in RIVM_TOPICS
    }


def parse_rivm_csv(
    content: bytes, *, target_groups: set[str], indicators: set[str], areas: AreaRules
) -> ParsedFile:
    table, errors = read_table(content, "rivm")
    if table is None:
        return ParsedFile(errors=errors)
    frame, notes = table.frame, list(table.notes)
    topics = topic_columns(frame.columns)
    missing_keys = {loose(key) for key in RIVM_KEYS if key not in frame.columns}
    if missing_keys:
        label = next(name for name in frame.columns if loose(name) in missing_keys)
        return ParsedFile(errors=[LineError.of(table.header_line, labels_reason(label))])
    labels = labels_error(frame, ["Leeftijd", "Marges", "WijkenEnBuurten"])
    if labels:
        return ParsedFile(errors=[labels])
    if not topics:
        return ParsedFile(errors=[LineError.of(table.header_line, missing_header_reason("rivm"))])
    # Only the columns used below: a column of the file named "line" or "number" stays out.
    frame = frame[[name for name in [*RIVM_KEYS, "Marges", *topics] if name in frame.columns]]
    if "Marges" not in frame.columns:
        frame = frame.assign(Marges="MW00000")
    wanted = frame["Leeftijd"].isin(RIVM_AGES) & frame["Marges"].isin(RIVM_MARGINS)
    if (~wanted).any():
        count = int((~wanted).sum())
        notes.append(
            ngettext(
                "%(count)s line with another age group or margin was skipped.",
                "%(count)s lines with another age group or margin were skipped.",
                count,
            )
            % {"count": count}
        )
    frame = frame[wanted]
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
    missing = merged["value"].isin(MISSING)
    merged = merged[~missing]
    ages = merged["Leeftijd"].map(RIVM_AGES)
    converted = pd.DataFrame(
        {
            "area_code": merged["WijkenEnBuurten"],
            "target_group": ages.str[0],
            "age_band": ages.str[1],
            "indicator": merged["indicator"],
            "year": merged["Perioden"].str[:4],
            "value": merged["value"],
            "ci_low": merged["ci_low"],
            "ci_high": merged["ci_high"],
            "sample_size": "",
            "instrument": DEFAULT_INSTRUMENT,
            "source": RIVM_SOURCE,
        },
        dtype=str,
    )
    converted.index = merged["line"].astype(int)
    return validate_rows(
        converted.sort_index(kind="stable"),
        target_groups=target_groups,
        indicators=indicators,
        areas=areas,
        errors=errors,
        notes=notes,
        missing=int(missing.sum()),
    )
