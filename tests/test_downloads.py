"""Every table download is safe to open in a spreadsheet (issue 12).

Each text field of the records behind a download holds a formula an attacker might plant;
every exported cell must come out as text: after an apostrophe in CSV, as a quoted text cell
in Excel, never as a formula. Numbers, negative ones too, stay numbers. Each CSV opens in
pandas with its defaults, header and accents intact.
"""

import csv
import io
from datetime import date
from pathlib import Path

import pandas
import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook

from coalition.exports import FORMULA_STARTS
from coalition.models import Area, TargetGroup
from monitoring.models import Indicator
from tests.factories import (
    make_action,
    make_activity,
    make_activity_type,
    make_area,
    make_measurement,
    make_membership,
    make_organisation,
    make_person,
    target_group,
)

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x")', "+SUM(1)", "@cmd", "-2+3"]


def plant(instance, payload: str, *, skip=()):
    """Write ``payload`` (cut to fit) into every free-text field of ``instance``."""
    for field in instance._meta.concrete_fields:
        free_text = isinstance(field, models.CharField | models.TextField) and not field.choices
        if free_text and not isinstance(field, models.SlugField) and field.name not in skip:
            setattr(instance, field.name, payload[: field.max_length or None])
    instance.save()
    return instance


def planted_group(payload):
    group = target_group("ouderen")
    return plant(group, payload)


def social_map_records(payload):
    activity = make_activity(
        organisation=plant(make_organisation(), payload),
        district=plant(make_area(), payload),
        activity_types=[plant(make_activity_type(), payload)],
        target_groups=[planted_group(payload)],
        is_free=False,
        price=2,
    )
    return plant(activity, payload, skip={"weekdays", "start_time", "end_time"})


def members_records(payload):
    membership = make_membership(
        organisation=plant(make_organisation(), payload), target_groups=[planted_group(payload)]
    )
    plant(membership, payload)


def people_records(payload):
    plant(make_person(organisation=plant(make_organisation(), payload)), payload)


def agenda_records(payload):
    lead = plant(make_organisation(), payload)
    action = make_action(lead_organisation=lead, participants=[lead], starts_on=date(2026, 3, 1))
    plant(action, payload)


def ambassadors_records(payload):
    from network.models import Contribution

    where = {"target_group": planted_group(payload), "district": plant(make_area(), payload)}
    ambassador = make_person(is_ambassador=True, **where)
    Contribution.objects.create(
        person=ambassador, date=date(2026, 3, 1), kind="gesprekken", people_reached=4, **where
    )


def monitor_records(payload):
    # The codes too: they are text in the file, whatever the import made of them.
    measurement = make_measurement(ci_low=-1.5, year=2024)
    plant(measurement, payload)
    Area.objects.filter(pk=measurement.area_id).update(code=payload[:10])
    TargetGroup.objects.filter(pk=measurement.target_group_id).update(slug=payload[:40])
    Indicator.objects.filter(pk=measurement.indicator_id).update(code=payload[:40])


def quickscan_records(payload):
    # One row: one district and one active target group.
    group = planted_group(payload)
    TargetGroup.objects.exclude(pk=group.pk).update(is_active=False)
    plant(make_area(code="WK191608"), payload, skip={"code"})


SOCIAL_MAP_TEXT = [
    "naam", "organisatie", "samenvatting", "soort", "doelgroepen", "wijk", "locatie", "adres",
    "postcode", "plaats", "aanmelden", "telefoon", "email", "website",
]  # fmt: skip
MONITOR_KEYS = ["area_code", "target_group", "age_band", "indicator", "instrument"]

# (url name, args, who downloads, records, the columns that hold planted text)
DOWNLOADS = {
    "social map": ("network:export_csv", [], "resident", social_map_records, SOCIAL_MAP_TEXT),
    "shortlist": ("network:shortlist_csv", [], "resident", social_map_records, SOCIAL_MAP_TEXT),
    "members csv": (
        "network:members_csv",
        [],
        "coordinator_client",
        members_records,
        ["organisatie", "getekend_door", "doelgroepen"],
    ),
    "people csv": (
        "network:people_csv",
        [],
        "coordinator_client",
        people_records,
        ["naam", "rol", "e-mail", "telefoon", "organisatie"],
    ),
    "agenda csv": (
        "network:agenda_csv",
        [2026],
        "coordinator_client",
        agenda_records,
        ["actie", "trekker", "deelnemers", "indicator", "meetbaar_doel"],
    ),
    "ambassadors csv": (
        "network:ambassadors_csv",
        [],
        "partner_client",
        ambassadors_records,
        ["doelgroep", "wijk"],
    ),
    "measurements": (
        "monitoring:export_measurements",
        [],
        "resident",
        monitor_records,
        [*MONITOR_KEYS, "source"],
    ),
    "verdicts": ("monitoring:export_verdicts", [], "resident", monitor_records, MONITOR_KEYS),
    "quickscan csv": (
        "monitoring:districts_csv",
        [],
        "coordinator_client",
        quickscan_records,
        ["wijk", "doelgroep"],
    ),
}
for name in ["members", "people", "agenda", "ambassadors", "quickscan"]:
    url_name, args, who, records, columns = DOWNLOADS[f"{name} csv"]
    DOWNLOADS[f"{name} xlsx"] = (url_name.replace("_csv", "_xlsx"), args, who, records, columns)


def download(request, key, payload):
    url_name, args, who, records, _columns = DOWNLOADS[key]
    client = request.getfixturevalue(who)
    activity = records(payload)
    if key == "shortlist":
        client.post(reverse("network:shortlist_add", args=[activity.pk]))
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 200
    return b"".join(response) if response.streaming else response.content


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("key", [k for k in DOWNLOADS if not k.endswith("xlsx")])
def test_csv_download_writes_no_cell_a_spreadsheet_would_run(request, key, payload):
    body = download(request, key, payload)

    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    assert body.startswith("\ufeff".encode())
    assert len(cells) == 1
    assert [
        column for column, text in cells[0].items() if text.startswith("'" + payload[:4])
    ] == DOWNLOADS[key][4]
    assert [
        (column, text)
        for row in [dict(zip(header, header, strict=True)), *cells]
        for column, text in row.items()
        if text.startswith(FORMULA_STARTS) and not is_number(text)
    ] == []


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("key", [k for k in DOWNLOADS if k.endswith("xlsx")])
def test_xlsx_download_holds_no_formula(request, key, payload):
    sheet = load_workbook(io.BytesIO(download(request, key, payload))).active

    header, *rows = sheet.iter_rows()
    names = [c.value for c in header]
    assert len(rows) == 1
    assert [c for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    assert [
        name for name, c in zip(names, rows[0], strict=True) if str(c.value).startswith(payload[:4])
    ] == DOWNLOADS[key][4]
    risky = [c for c in rows[0] if isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS)]
    assert [c.quotePrefix for c in risky] == [True] * len(DOWNLOADS[key][4])


@pytest.mark.parametrize("key", [k for k in DOWNLOADS if not k.endswith("xlsx")])
def test_csv_download_opens_in_pandas_with_its_defaults(request, key):
    body = download(request, key, "Digicafé")

    frame = pandas.read_csv(io.BytesIO(body))

    header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(frame.columns) == header
    assert frame.loc[0, DOWNLOADS[key][4][0]] == "Digicafé"


@pytest.mark.parametrize("key", ["members xlsx", "people xlsx", "agenda xlsx"])
def test_xlsx_download_opens_in_pandas_with_its_defaults(request, key):
    frame = pandas.read_excel(io.BytesIO(download(request, key, "Digicafé")))

    assert frame.loc[0, DOWNLOADS[key][4][0]] == "Digicafé"


def test_people_download_writes_a_phone_number_with_a_plus_after_an_apostrophe(
    coordinator_client,
):
    # The price of the guard: Excel hides the apostrophe, other readers show it.
    make_person(name="Ali", phone="+31 70 123 4567", organisation=None, is_ambassador=True)

    body = coordinator_client.get(reverse("network:people_csv")).getvalue()

    assert pandas.read_csv(io.BytesIO(body)).loc[0, "telefoon"] == "'+31 70 123 4567"


@pytest.mark.parametrize("key", list(DOWNLOADS))
def test_readme_documents_the_header_of_every_download(request, key):
    body = download(request, key, "x")

    if key.endswith("xlsx"):
        header = [c.value for c in next(load_workbook(io.BytesIO(body)).active.iter_rows())]
    else:
        header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    url_name, args = DOWNLOADS[key][:2]
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    address = reverse(url_name, args=args).removesuffix(".xlsx").removesuffix(".csv")
    assert address in readme
    assert f"`{','.join(header)}`" in readme or key == "shortlist"
