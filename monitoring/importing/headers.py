"""How each kind of file is recognised by its header line, and what to say when it is not.

The three kinds: ``ggd`` (our long format), ``rivm`` (StatLine 50150NED "Gezondheid per wijk
en buurt") and ``kwb`` (CBS "Kerncijfers wijken en buurten", the Excel/CSV download or the
StatLine table). A header is matched loosely (case, spaces and punctuation ignored) so that a
StatLine download with labels ("Wijken en buurten") is recognised and explained, not refused
as an unknown file.
"""

import re

from django.utils.translation import gettext as _

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
RIVM_KEYS = ["WijkenEnBuurten", "Perioden", "Leeftijd"]
KWB_CODE_COLUMNS = ["gwb_code_10", "gwb_code"]


def loose(name: str) -> str:
    """``Wijken en buurten`` and ``WijkenEnBuurten`` both become ``wijkenenbuurten``."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def is_ggd_header(names: list[str]) -> bool:
    return names == HEADER


def is_rivm_header(names: list[str]) -> bool:
    found = {loose(name) for name in names}
    return {"wijkenenbuurten", "perioden", "leeftijd"} <= found


def is_kwb_header(names: list[str]) -> bool:
    found = [loose(name) for name in names]
    has_code = any(
        name in {"gwbcode10", "gwbcode", "wijkenenbuurten"} or name.startswith("codering")
        for name in found
    )
    has_inhabitants = any(name == "ainw" or name.startswith("aantalinwoners") for name in found)
    return has_code and has_inhabitants


KINDS = {"ggd": is_ggd_header, "rivm": is_rivm_header, "kwb": is_kwb_header}


def missing_header_reason(kind: str) -> str:
    if kind == "ggd":
        return _("the header must be exactly: %(header)s") % {"header": ",".join(HEADER)}
    if kind == "rivm":
        return _("this is not an RIVM file: it needs the columns %(columns)s and Eenzaam_…") % {
            "columns": ", ".join(RIVM_KEYS)
        }
    return _(
        "this is not a CBS key figures file: it needs a column with area codes (gwb_code_10 "
        "or Codering_3) and one with inhabitants (a_inw or AantalInwoners_5)"
    )


def looks_like_reason(kind: str) -> str:
    if kind == "ggd":
        return _(
            "this looks like GGD figures in the long format: choose that kind of file (on the "
            "command line: import_indicators)"
        )
    if kind == "rivm":
        return _(
            "this looks like an RIVM export “Gezondheid per wijk en buurt”: choose that kind of "
            "file (on the command line: import_indicators --format rivm)"
        )
    return _(
        "this looks like CBS “Kerncijfers wijken en buurten”: choose that kind of file (on the "
        "command line: import_kerncijfers --year YEAR)"
    )


def labels_reason(example: str, column: str | None = None) -> str:
    """StatLine downloads "met opmaak" and ``cbsodata.get_data`` give labels, not codes."""
    if column is None:
        return _(
            "the header has the labels of StatLine (“%(example)s”) instead of the codes: "
            "download the table again from StatLine as “Onbewerkte dataset” (CSV), or in "
            'Python use cbsodata.get_meta(table, "TypedDataSet"), which keeps the codes, '
            "instead of cbsodata.get_data, which replaces them by labels"
        ) % {"example": example}
    return _(
        "the file has the labels of StatLine instead of the codes (column %(column)s holds "
        "“%(example)s”): download the table again from StatLine as “Onbewerkte dataset” (CSV), "
        'or in Python use cbsodata.get_meta(table, "TypedDataSet"), which keeps the codes, '
        "instead of cbsodata.get_data, which replaces them by labels"
    ) % {"column": column, "example": example}
