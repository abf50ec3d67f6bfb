"""Workflows of the monitoring app: checking and storing indicator files."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from coalition.models import Area, TargetGroup
from monitoring.cache import figures_changed
from monitoring.importing import (
    AreaRules,
    LineError,
    parse_indicator_csv,
    parse_kerncijfers_csv,
    parse_rivm_csv,
)
from monitoring.importing.kerncijfers import KWB_FIELDS
from monitoring.models import AreaProfile, Indicator, Measurement, ReportConclusion

UPDATE_FIELDS = ["value", "ci_low", "ci_high", "sample_size", "source"]
UNIQUE_FIELDS = ["indicator", "target_group", "age_band", "area", "year", "instrument"]
# The file formats an indicator file may have: our own long format, or the RIVM export.
PARSERS = {"ggd": parse_indicator_csv, "rivm": parse_rivm_csv}
# Kinds from large to small, so a parent is created before its children.
KIND_ORDER = [
    Area.Kind.COUNTRY,
    Area.Kind.REGION,
    Area.Kind.MUNICIPALITY,
    Area.Kind.DISTRICT,
    Area.Kind.NEIGHBOURHOOD,
]


class ImportRejected(Exception):
    def __init__(self, errors: list[LineError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class CheckedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    new_count: int = 0
    update_count: int = 0
    new_area_codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def area_rules() -> AreaRules:
    """The areas a file may hold in this deployment (see ``monitoring.importing.areas``)."""
    return AreaRules(
        municipality_code=settings.MUNICIPALITY_CODE,
        municipality_name=settings.MUNICIPALITY_NAME,
        comparison_codes=frozenset(settings.COMPARISON_AREAS),
    )


def new_area_codes(rows: list[dict]) -> list[str]:
    codes = {row["area_code"] for row in rows}
    return sorted(codes - set(Area.objects.filter(code__in=codes).values_list("code", flat=True)))


def check_indicator_file(*, content: bytes, file_format: str = "ggd") -> CheckedFile:
    """Read and check a file, and count what storing it would add and update. Stores nothing."""
    parsed = PARSERS[file_format](
        content,
        target_groups=set(TargetGroup.objects.values_list("slug", flat=True)),
        indicators=set(Indicator.objects.values_list("code", flat=True)),
        areas=area_rules(),
    )
    if not parsed.is_valid:
        return CheckedFile(errors=parsed.errors, notes=parsed.notes)
    existing = existing_keys(parsed.rows)
    updates = sum(1 for row in parsed.rows if row_key(row) in existing)
    return CheckedFile(
        rows=parsed.rows,
        new_count=len(parsed.rows) - updates,
        update_count=updates,
        new_area_codes=new_area_codes(parsed.rows),
        notes=parsed.notes,
    )


def import_indicator_file(*, content: bytes, file_format: str = "ggd") -> CheckedFile:
    """Store every figure of a valid file, or nothing: raises ImportRejected with the errors."""
    with transaction.atomic():
        checked = check_indicator_file(content=content, file_format=file_format)
        if checked.errors:
            raise ImportRejected(checked.errors)
        areas = ensure_areas(checked.rows)
        groups = dict(TargetGroup.objects.values_list("slug", "id"))
        indicators = dict(Indicator.objects.values_list("code", "id"))
        Measurement.objects.bulk_create(
            [
                Measurement(
                    indicator_id=indicators[row["indicator"]],
                    target_group_id=groups[row["target_group"]],
                    area_id=areas[row["area_code"]],
                    age_band=row["age_band"],
                    year=row["year"],
                    value=row["value"],
                    ci_low=row["ci_low"],
                    ci_high=row["ci_high"],
                    sample_size=row["sample_size"],
                    instrument=row["instrument"],
                    source=row["source"],
                )
                for row in checked.rows
            ],
            update_conflicts=True,
            unique_fields=UNIQUE_FIELDS,
            update_fields=UPDATE_FIELDS,
            batch_size=1000,
        )
        figures_changed()  # a bulk write sends no model signals
    return checked


def row_key(row: dict) -> tuple:
    return (
        row["indicator"],
        row["target_group"],
        row["age_band"],
        row["area_code"],
        row["year"],
        row["instrument"],
    )


def existing_keys(rows: list[dict]) -> set[tuple]:
    found = Measurement.objects.filter(
        area__code__in={row["area_code"] for row in rows},
        year__in={row["year"] for row in rows},
    ).values_list(
        "indicator__code", "target_group__slug", "age_band", "area__code", "year", "instrument"
    )
    return set(found)


def parent_code(code: str) -> str | None:
    """The CBS code one level up: BU19160101 → WK191601 → GM1916."""
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("WK"):
        return "GM" + code[2:6]
    return None


def ensure_areas(rows: list[dict]) -> dict[str, int]:
    """Ids of the rows' areas; unknown codes are created (kind from the prefix, named by the
    row's ``name`` or else by the code)."""
    codes = {row["area_code"] for row in rows}
    names = {row["area_code"]: row.get("name") or row["area_code"] for row in rows}
    wanted = codes | {parent_code(code) for code in codes} - {None}
    areas = dict(Area.objects.filter(code__in=wanted).values_list("code", "id"))
    missing = sorted(codes - set(areas), key=lambda c: KIND_ORDER.index(Area.kind_for_code(c)))
    for code in missing:
        area = Area.objects.create(
            code=code,
            name=names[code],
            kind=Area.kind_for_code(code),
            parent_id=areas.get(parent_code(code)),
        )
        areas[code] = area.id
    return areas


PROFILE_FIELDS = [name for name, _excel, _statline in KWB_FIELDS]
KWB_SOURCE = "CBS, Kerncijfers wijken en buurten"


def check_kerncijfers_file(*, content: bytes, year: int) -> CheckedFile:
    """Read and check CBS key figures for one year, and count the areas whose figures of that
    year are new or would be replaced. Stores nothing."""
    parsed = parse_kerncijfers_csv(content, year=year, areas=area_rules())
    if not parsed.is_valid:
        return CheckedFile(errors=parsed.errors, notes=parsed.notes)
    stored = set(
        AreaProfile.objects.filter(
            year=year, area__code__in=[row["area_code"] for row in parsed.rows]
        ).values_list("area__code", flat=True)
    )
    updates = sum(1 for row in parsed.rows if row["area_code"] in stored)
    return CheckedFile(
        rows=parsed.rows,
        new_count=len(parsed.rows) - updates,
        update_count=updates,
        new_area_codes=new_area_codes(parsed.rows),
        notes=parsed.notes,
    )


def import_kerncijfers_file(*, content: bytes, year: int) -> CheckedFile:
    """Store the CBS key figures of the municipality's areas for one year, all or nothing:
    raises ImportRejected with the errors.

    Areas named by their code (created by an earlier indicator import) get the CBS name."""
    with transaction.atomic():
        checked = check_kerncijfers_file(content=content, year=year)
        if checked.errors:
            raise ImportRejected(checked.errors)
        areas = ensure_areas(checked.rows)
        for row in checked.rows:
            Area.objects.filter(code=row["area_code"], name=row["area_code"]).update(
                name=row["name"]
            )
        AreaProfile.objects.bulk_create(
            [
                AreaProfile(
                    area_id=areas[row["area_code"]],
                    year=year,
                    source=f"{KWB_SOURCE} {year}",
                    **{name: row.get(name) for name in PROFILE_FIELDS},
                )
                for row in checked.rows
            ],
            update_conflicts=True,
            unique_fields=["area", "year"],
            update_fields=[*PROFILE_FIELDS, "source"],
        )
        figures_changed()  # a bulk write sends no model signals
    return checked


def check_upload(*, content: bytes, file_format: str, year: int | None = None) -> CheckedFile:
    """The upload page's check of any kind of file: ``ggd``, ``rivm`` or ``kwb`` (with a year)."""
    if file_format == "kwb":
        return check_kerncijfers_file(content=content, year=year)
    return check_indicator_file(content=content, file_format=file_format)


def import_upload(*, content: bytes, file_format: str, year: int | None = None) -> CheckedFile:
    if file_format == "kwb":
        return import_kerncijfers_file(content=content, year=year)
    return import_indicator_file(content=content, file_format=file_format)


def save_conclusion(*, year: int, section: str, text: str, by) -> ReportConclusion:
    """Store the conclusions of one section of the annual report, with who wrote them."""
    with transaction.atomic():
        conclusion, _created = ReportConclusion.objects.update_or_create(
            year=year, section=section, defaults={"text": text.strip(), "updated_by": by}
        )
    return conclusion
