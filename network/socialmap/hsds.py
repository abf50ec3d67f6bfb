"""Open Referral HSDS 3.0 shapes of our organisations and activities (read-only API).

Sub-objects (location, address, schedule…) get stable UUIDs derived from the activity's UUID,
so that a consumer can follow them from one harvest to the next. The texts are in the site's
language (the terms say which), whatever language the visitor chose.

The records hold only what the schemas define, and no ``null``: a property we have no value
for is left out, as the schemas (which give every property one type) require. Lists carry the
one-to-one fields only, as ``compiled/*_list.json`` define them; ``service()`` is the fully
nested record of ``/services/{id}``.
"""

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from coalition.models import TargetGroup
from network.models import Activity, ActivityType, Organisation
from network.socialmap import schedule

HSDS_VERSION = "3.0"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NAMESPACE = uuid.UUID("6f0e3a52-8c55-4c5e-9a43-1b7f2a0d9e11")
ACTIVITY_TAXONOMY = uuid.uuid5(NAMESPACE, "taxonomy:activiteitsoort")
TARGET_GROUP_TAXONOMY = uuid.uuid5(NAMESPACE, "taxonomy:doelgroep")
ACCESS_TAXONOMY = uuid.uuid5(NAMESPACE, "taxonomy:toegang")
REFERRAL_TERM = uuid.uuid5(NAMESPACE, "toegang:verwijzing-nodig")
# An activity has one service_at_location. Its id is the activity's UUID with these bits
# flipped (none of the version or variant bits), so that /service_at_locations/{id} finds the
# activity in one indexed lookup; the uuid5 of the other sub-ids cannot be undone.
SERVICE_AT_LOCATION_MASK = uuid.UUID("5a1c0c47-0000-0000-0000-5a1c0c4710ca").int
STATUS = {
    Activity.Status.ACTIVE: "active",
    Activity.Status.TEMPORARILY_CLOSED: "temporarily closed",
    Activity.Status.ENDED: "defunct",
}
PROVINCE = "Zuid-Holland"
ACTIVITY_TAXONOMY_NAME = _("Activity type")
TARGET_GROUP_TAXONOMY_NAME = _("Target group")
ACCESS_TAXONOMY_NAME = _("Access")
FREE = _("free")


def _in_site_language(text) -> str:
    """A lazy text as it reads in the site's language (the open data are that language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def _present(record: dict) -> dict:
    """The record without the properties that have no value (HSDS has no ``null``)."""
    return {key: value for key, value in record.items() if value is not None and value != ""}


def sub_id(activity: Activity, kind: str) -> str:
    return str(uuid.uuid5(activity.uuid, kind))


def service_at_location_id(activity_uuid: uuid.UUID) -> str:
    return str(uuid.UUID(int=activity_uuid.int ^ SERVICE_AT_LOCATION_MASK))


def activity_uuid_of_service_at_location(key: uuid.UUID) -> uuid.UUID:
    return uuid.UUID(int=key.int ^ SERVICE_AT_LOCATION_MASK)


def target_group_id(group: TargetGroup) -> str:
    return str(uuid.uuid5(NAMESPACE, f"doelgroep:{group.slug}"))


def taxonomies() -> list[dict]:
    return [
        {
            "id": str(ACTIVITY_TAXONOMY),
            "name": _in_site_language(ACTIVITY_TAXONOMY_NAME),
            "description": _in_site_language(_("Kind of activity on the social map.")),
        },
        {
            "id": str(TARGET_GROUP_TAXONOMY),
            "name": _in_site_language(TARGET_GROUP_TAXONOMY_NAME),
            "description": _in_site_language(
                _("Target group of the coalition against loneliness.")
            ),
        },
        {
            "id": str(ACCESS_TAXONOMY),
            "name": _in_site_language(ACCESS_TAXONOMY_NAME),
            "description": _in_site_language(_("What a resident needs to join an activity.")),
        },
    ]


def _term(*, id, code, name, description, taxonomy_name, taxonomy_id) -> dict:
    return {
        "id": id,
        "code": code,
        "name": name,
        "description": description or name,
        "taxonomy": _in_site_language(taxonomy_name),
        "taxonomy_id": str(taxonomy_id),
        "language": settings.LANGUAGE_CODE,
    }


def activity_type_term(term: ActivityType) -> dict:
    return _term(
        id=str(term.uuid),
        code=term.slug,
        name=term.name,
        description=term.description,
        taxonomy_name=ACTIVITY_TAXONOMY_NAME,
        taxonomy_id=ACTIVITY_TAXONOMY,
    )


def target_group_term(group: TargetGroup) -> dict:
    return _term(
        id=target_group_id(group),
        code=group.slug,
        name=group.name,
        description=group.description,
        taxonomy_name=TARGET_GROUP_TAXONOMY_NAME,
        taxonomy_id=TARGET_GROUP_TAXONOMY,
    )


def referral_term() -> dict:
    """The one term of the access taxonomy: the activity asks for a referral."""
    return _term(
        id=str(REFERRAL_TERM),
        code="verwijzing-nodig",
        name=_in_site_language(_("Referral needed")),
        description=_in_site_language(
            _("A resident joins through a referral, for example by a social worker.")
        ),
        taxonomy_name=ACCESS_TAXONOMY_NAME,
        taxonomy_id=ACCESS_TAXONOMY,
    )


def organization(org: Organisation) -> dict:
    """The one-to-one fields (``compiled/organization_list.json``)."""
    return _present(
        {
            "id": str(org.uuid),
            "name": org.name,
            "description": org.description or org.name,
            "email": org.email,
            "website": org.website,
        }
    )


def organization_nested(org: Organisation) -> dict:
    """The organisation with its phone (``compiled/organization.json`` adds ``services``)."""
    phones = [{"id": str(uuid.uuid5(org.uuid, "phone")), "number": org.phone, "type": "voice"}]
    return {**organization(org), "phones": phones if org.phone else []}


def _offset(day: date, at: time) -> str:
    moment = datetime.combine(day, at, AMSTERDAM)
    return moment.strftime("%H:%M:%S") + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]


def schedules(activity: Activity, today: date) -> list[dict]:
    rule = activity.rule()
    if rule.kind == schedule.NONE:
        return []
    first = activity.next_dates(today, count=1)
    reference = first[0] if first else today
    valid_to = activity.valid_until.isoformat() if activity.valid_until else None
    base = {
        "service_id": str(activity.uuid),
        "valid_from": activity.valid_from.isoformat() if activity.valid_from else None,
        "valid_to": valid_to,
        "opens_at": _offset(reference, activity.start_time) if activity.start_time else None,
        "closes_at": _offset(reference, activity.end_time) if activity.end_time else None,
        "timezone": round(
            datetime.combine(reference, time(12), AMSTERDAM).utcoffset().total_seconds() / 3600
        ),
        "attending_type": "online" if activity.is_online and not activity.street else "in_person",
    }
    codes = [schedule.WEEKDAY_CODES[d] for d in rule.weekdays]
    if rule.kind in (schedule.WEEKLY, schedule.MONTHLY):
        monthly = rule.kind == schedule.MONTHLY
        rows = [
            {
                "id": sub_id(activity, "schedule"),
                **base,
                "freq": "MONTHLY" if monthly else "WEEKLY",
                "interval": rule.interval,
                "byday": ",".join(f"{rule.month_week}{c}" if monthly else c for c in codes),
                "dtstart": reference.isoformat(),
                "until": valid_to,
            }
        ]
    else:
        rows = [
            {"id": sub_id(activity, f"schedule-{day}"), **base, "dtstart": day, "until": day}
            for day in (activity.dates or [])
        ]
    return [_present(row) for row in rows]


def _location(activity: Activity, *, nested: bool) -> dict:
    """The activity's place; ``nested`` adds its address and accessibility."""
    location_id = sub_id(activity, "location")
    physical = bool(activity.street or activity.venue_name)
    record = _present(
        {
            "id": location_id,
            "location_type": "physical" if physical else "virtual",
            "url": activity.online_url,
            "name": activity.venue_name or activity.title,
            "latitude": float(activity.latitude) if activity.latitude is not None else None,
            "longitude": float(activity.longitude) if activity.longitude is not None else None,
        }
    )
    if not nested:
        return record
    features = activity.accessibility_features()
    address = {
        "id": sub_id(activity, "address"),
        "location_id": location_id,
        "address_1": activity.street,
        "city": activity.city,
        "state_province": PROVINCE,
        "postal_code": activity.postcode,
        "country": "NL",
        "address_type": "physical",
    }
    accessibility = _present(
        {
            "id": sub_id(activity, "accessibility"),
            "location_id": location_id,
            "description": ", ".join(features),
            "details": activity.accessibility_notes,
        }
    )
    return {
        **record,
        "addresses": [address] if activity.street else [],
        "accessibility": [accessibility] if features or activity.accessibility_notes else [],
    }


def service_list_item(activity: Activity, *, with_organization: bool = True) -> dict:
    """The one-to-one fields of a service (``compiled/service_list.json``)."""
    record = _present(
        {
            "id": str(activity.uuid),
            "organization_id": str(activity.organisation.uuid),
            "name": activity.title,
            "description": activity.description or activity.summary,
            "url": activity.website,
            "email": activity.email,
            "status": STATUS[activity.status],
            "alert": activity.alert,
            "application_process": activity.how_to_join,
            "fees_description": activity.cost_notes,
            "minimum_age": activity.min_age,
            "maximum_age": activity.max_age,
            "assured_date": activity.last_verified_on.isoformat()
            if activity.last_verified_on
            else None,
            "last_modified": activity.updated_at.isoformat(),
        }
    )
    if with_organization:
        record["organization"] = organization(activity.organisation)
    return record


def service_minimal(uuid_and_modified: tuple[uuid.UUID, datetime]) -> dict:
    """``minimal=true``: the id and when the service last changed."""
    key, modified = uuid_and_modified
    return {"id": str(key), "last_modified": modified.isoformat()}


def _attribute(activity: Activity, term: dict) -> dict:
    return {
        "id": str(uuid.uuid5(activity.uuid, f"attr:{term['id']}")),
        "link_id": str(activity.uuid),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def _contacts(activity: Activity) -> list[dict]:
    if not (activity.contact_name or activity.email or activity.phone):
        return []
    phones = [{"id": sub_id(activity, "phone"), "number": activity.phone, "type": "voice"}]
    contact = {
        "id": sub_id(activity, "contact"),
        "service_id": str(activity.uuid),
        "name": activity.contact_name,
        "email": activity.email,
    }
    return [{**_present(contact), "phones": phones if activity.phone else []}]


def _cost_options(activity: Activity) -> list[dict]:
    if not (activity.is_free or activity.price is not None):
        return []
    option = {
        "id": sub_id(activity, "cost"),
        "service_id": str(activity.uuid),
        "amount": 0 if activity.is_free else float(activity.price),
        "currency": "EUR",
        "option": _in_site_language(FREE) if activity.is_free else activity.cost_notes,
    }
    return [_present(option)]


def service_at_location(activity: Activity, *, nested: bool) -> dict:
    """The activity at its place (``compiled/service_at_location_list.json`` unless nested)."""
    location = _location(activity, nested=nested)
    return {
        "id": service_at_location_id(activity.uuid),
        "service_id": str(activity.uuid),
        "location_id": location["id"],
        "location": location,
    }


def service_at_location_item(activity: Activity, *, today: date, full: bool) -> dict:
    """A /service_at_locations row, with its service; ``full`` nests everything."""
    record = service_at_location(activity, nested=full)
    if full:
        nested = service(activity, today=today)
        del nested["service_at_locations"]
        return {**record, "service": nested}
    return {**record, "service": service_list_item(activity)}


def service(activity: Activity, *, today: date) -> dict:
    """One activity as a fully nested HSDS service (``compiled/service.json``)."""
    terms = [activity_type_term(t) for t in activity.activity_types.all()]
    terms += [target_group_term(g) for g in activity.target_groups.all()]
    if activity.referral_needed:
        terms.append(referral_term())
    contacts = _contacts(activity)
    areas = []
    if activity.district:
        areas.append(
            {
                "id": sub_id(activity, "area"),
                "service_id": str(activity.uuid),
                "name": activity.district.name,
                "uri": f"https://www.cbs.nl/{activity.district.code}",
            }
        )
    return {
        **service_list_item(activity, with_organization=False),
        "organization": organization_nested(activity.organisation),
        "service_areas": areas,
        "service_at_locations": [service_at_location(activity, nested=True)],
        "schedules": schedules(activity, today),
        "cost_options": _cost_options(activity),
        "contacts": contacts,
        "phones": contacts[0]["phones"] if contacts else [],
        "languages": [
            {"id": sub_id(activity, f"lang:{code}"), "code": code, "name": name}
            for code, name in zip(activity.languages or [], activity.language_names(), strict=True)
        ],
        "attributes": [_attribute(activity, term) for term in terms],
    }


def page(contents: list, *, total: int, number: int, per_page: int) -> dict:
    """The HSDS ``Page`` around one page of records; ``size`` is the records on it."""
    pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }
