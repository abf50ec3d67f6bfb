"""Bulk import of activities from a CSV file: every line checked like the form, all or nothing.

The header names are Dutch (the coordinators fill the file in a spreadsheet); lists inside a
cell are separated by ``|``. Comma or semicolon separated, UTF-8 (with or without BOM).
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from coalition.models import Area, TargetGroup
from network.models import ActivityType, Organisation
from network.socialmap.forms import ActivityForm

COLUMNS = {
    "organisatie": "organisation",
    "naam": "title",
    "samenvatting": "summary",
    "beschrijving": "description",
    "soort": "activity_types",
    "doelgroepen": "target_groups",
    "wijk": "district",
    "locatie": "venue_name",
    "adres": "street",
    "postcode": "postcode",
    "plaats": "city",
    "breedtegraad": "latitude",
    "lengtegraad": "longitude",
    "online_link": "online_url",
    "hoe_vaak": "schedule_kind",
    "dagen": "weekdays",
    "interval": "interval",
    "week_van_de_maand": "month_week",
    "datums": "dates",
    "begintijd": "start_time",
    "eindtijd": "end_time",
    "vanaf": "valid_from",
    "tot_en_met": "valid_until",
    "gratis": "is_free",
    "prijs": "price",
    "aanmelden": "how_to_join",
    "verwijzing_nodig": "referral_needed",
    "contactpersoon": "contact_name",
    "telefoon": "phone",
    "email": "email",
    "website": "website",
}
REQUIRED_COLUMNS = ["organisatie", "naam", "samenvatting", "soort"]
YES = {"ja", "j", "yes", "1", "true", "waar", "x"}
MAX_ROWS = 2000


@dataclass
class ImportResult:
    forms: list = field(default_factory=list)  # (line number, valid form)
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.forms)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _lookups() -> dict:
    return {
        "organisation": dict(Organisation.objects.values_list("slug", "pk")),
        "activity_types": dict(ActivityType.objects.values_list("slug", "pk")),
        "target_groups": dict(TargetGroup.objects.values_list("slug", "pk")),
        "district": dict(Area.objects.values_list("code", "pk")),
    }


def _form_data(row: dict, lookups: dict) -> tuple[dict, list[str]]:
    data, problems = {"status": "active", "interval": "1", "schedule_kind": "none"}, []
    for column, name in COLUMNS.items():
        value = (row.get(column) or "").strip()
        if not value:
            continue
        if name in ("organisation", "district"):
            if value not in lookups[name]:
                problems.append(
                    _("%(column)s: “%(value)s” is unknown.") % {"column": column, "value": value}
                )
            data[name] = lookups[name].get(value, "")
        elif name in ("activity_types", "target_groups"):
            unknown = [v for v in _split(value) if v not in lookups[name]]
            if unknown:
                problems.append(
                    _("%(column)s: “%(value)s” is unknown.")
                    % {"column": column, "value": ", ".join(unknown)}
                )
            data[name] = [lookups[name][v] for v in _split(value) if v in lookups[name]]
        elif name == "weekdays":
            data[name] = [v.upper() for v in value.replace("|", ",").split(",") if v.strip()]
        elif name == "dates":
            data[name] = "\n".join(_split(value))
        elif name in ("is_free", "referral_needed"):
            data[name] = "on" if value.lower() in YES else ""
        elif name == "price":
            data[name] = value.replace(",", ".")
        else:
            data[name] = value
    if "is_free" not in data and not data.get("price"):
        data["is_free"] = "on"
    return data, problems


def _label(form, name: str) -> str:
    if name == "__all__":
        return ""
    for column, field_name in COLUMNS.items():
        if field_name == name:
            return f"{column}: "
    return f"{form.fields[name].label}: " if name in form.fields else ""


def read(text: str, *, user) -> ImportResult:
    """Check every line of the file; nothing is stored."""
    result = ImportResult()
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        result.errors.append(
            (1, _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return result
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        result.errors.append(
            (1, _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
        )
        return result
    lookups = _lookups()
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            result.errors.append((number, _("Too many lines: at most 2000 at a time.")))
            break
        if not any((v or "").strip() for v in row.values()):
            continue
        data, problems = _form_data(row, lookups)
        form = ActivityForm(data, user=user)
        if problems or not form.is_valid():
            messages = problems + [
                f"{_label(form, name)}{error}"
                for name, errors in form.errors.items()
                for error in errors
                if not (name in ("organisation", "district") and problems)
            ]
            result.errors.extend((number, message) for message in messages)
        else:
            result.forms.append((number, form))
    if not result.forms and not result.errors:
        result.errors.append((1, _("The file has no activities.")))
    return result
