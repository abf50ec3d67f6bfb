"""Open Referral HSDS 3.0 shapes of our organisations and activities (read-only API).

Sub-objects (location, address, schedule…) get stable UUIDs derived from the activity's UUID,
so that a consumer can follow them from one harvest to the next. The texts are in the site's
language (the terms say which), whatever language the visitor chose.
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
STATUS = {
    Activity.Status.ACTIVE: "active",
    Activity.Status.TEMPORARILY_CLOSED: "temporarily closed",
    Activity.Status.ENDED: "defunct",
}
PROVINCE = "Zuid-Holland"
ACTIVITY_TAXONOMY_NAME = _("Activity type")
TARGET_GROUP_TAXONOMY_NAME = _("Target group")
FREE = _("free")


def _in_site_language(text) -> str:
    """A lazy text as it reads in the site's language (the open data are that language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def sub_id(activity: Activity, kind: str) -> str:
    return str(uuid.uuid5(activity.uuid, kind))


def target_group_id(group: TargetGroup) -> str:
    return str(uuid.uuid5(NAMESPACE, f"doelgroep:{group.slug}"))


def taxonomies() -> list[dict]:
    return [
        {
            "id": str(ACTIVITY_TAXONOMY),
            "name": _in_site_language(ACTIVITY_TAXONOMY_NAME),
            "description": _in_site_language(_("Kind of activity on the social map.")),
            "uri": None,
            "version": None,
        },
        {
            "id": str(TARGET_GROUP_TAXONOMY),
            "name": _in_site_language(TARGET_GROUP_TAXONOMY_NAME),
            "description": _in_site_language(
                _("Target group of the coalition against loneliness.")
            ),
            "uri": None,
            "version": None,
        },
    ]


def activity_type_term(term: ActivityType) -> dict:
    return {
        "id": str(term.uuid),
        "code": term.slug,
        "name": term.name,
        "description": term.description or term.name,
        "parent_id": None,
        "taxonomy": _in_site_language(ACTIVITY_TAXONOMY_NAME),
        "taxonomy_id": str(ACTIVITY_TAXONOMY),
        "language": settings.LANGUAGE_CODE,
        "term_uri": None,
    }


def target_group_term(group: TargetGroup) -> dict:
    return {
        "id": target_group_id(group),
        "code": group.slug,
        "name": group.name,
        "description": group.description or group.name,
        "parent_id": None,
        "taxonomy": _in_site_language(TARGET_GROUP_TAXONOMY_NAME),
        "taxonomy_id": str(TARGET_GROUP_TAXONOMY),
        "language": settings.LANGUAGE_CODE,
        "term_uri": None,
    }


def organization(org: Organisation) -> dict:
    return {
        "id": str(org.uuid),
        "name": org.name,
        "alternate_name": None,
        "description": org.description or org.name,
        "email": org.email or None,
        "website": org.website or None,
        "phones": [{"id": str(uuid.uuid5(org.uuid, "phone")), "number": org.phone, "type": "voice"}]
        if org.phone
        else [],
    }


def _offset(day: date, at: time) -> str:
    moment = datetime.combine(day, at, AMSTERDAM)
    return moment.strftime("%H:%M:%S") + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]


def schedules(activity: Activity, today: date) -> list[dict]:
    rule = activity.rule()
    if rule.kind == schedule.NONE:
        return []
    first = activity.next_dates(today, count=1)
    reference = first[0] if first else today
    base = {
        "service_id": str(activity.uuid),
        "valid_from": activity.valid_from.isoformat() if activity.valid_from else None,
        "valid_to": activity.valid_until.isoformat() if activity.valid_until else None,
        "opens_at": _offset(reference, activity.start_time) if activity.start_time else None,
        "closes_at": _offset(reference, activity.end_time) if activity.end_time else None,
        "timezone": round(
            datetime.combine(reference, time(12), AMSTERDAM).utcoffset().total_seconds() / 3600
        ),
        "attending_type": "online" if activity.is_online and not activity.street else "in_person",
    }
    codes = [schedule.WEEKDAY_CODES[d] for d in rule.weekdays]
    if rule.kind == schedule.WEEKLY:
        return [
            {
                "id": sub_id(activity, "schedule"),
                **base,
                "freq": "WEEKLY",
                "interval": rule.interval,
                "byday": ",".join(codes),
                "dtstart": reference.isoformat(),
                "until": base["valid_to"],
            }
        ]
    if rule.kind == schedule.MONTHLY:
        return [
            {
                "id": sub_id(activity, "schedule"),
                **base,
                "freq": "MONTHLY",
                "interval": rule.interval,
                "byday": ",".join(f"{rule.month_week}{c}" for c in codes),
                "dtstart": reference.isoformat(),
                "until": base["valid_to"],
            }
        ]
    return [
        {"id": sub_id(activity, f"schedule-{day}"), **base, "dtstart": day, "until": day}
        for day in (activity.dates or [])
    ]


def _location(activity: Activity) -> dict:
    location_id = sub_id(activity, "location")
    physical = bool(activity.street or activity.venue_name)
    features = activity.accessibility_features()
    return {
        "id": location_id,
        "location_type": "physical" if physical else "virtual",
        "url": activity.online_url or None,
        "name": activity.venue_name or activity.title,
        "description": None,
        "latitude": float(activity.latitude) if activity.latitude is not None else None,
        "longitude": float(activity.longitude) if activity.longitude is not None else None,
        "addresses": [
            {
                "id": sub_id(activity, "address"),
                "location_id": location_id,
                "address_1": activity.street,
                "city": activity.city,
                "state_province": PROVINCE,
                "postal_code": activity.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ]
        if activity.street
        else [],
        "accessibility": [
            {
                "id": sub_id(activity, "accessibility"),
                "location_id": location_id,
                "description": ", ".join(features) or None,
                "details": activity.accessibility_notes or None,
            }
        ]
        if features or activity.accessibility_notes
        else [],
    }


def service(activity: Activity, *, today: date) -> dict:
    """One activity as a fully nested HSDS service."""
    contacts = []
    if activity.contact_name or activity.email or activity.phone:
        contacts.append(
            {
                "id": sub_id(activity, "contact"),
                "service_id": str(activity.uuid),
                "name": activity.contact_name or None,
                "email": activity.email or None,
                "phones": [
                    {"id": sub_id(activity, "phone"), "number": activity.phone, "type": "voice"}
                ]
                if activity.phone
                else [],
            }
        )
    attributes = [
        {
            "id": str(uuid.uuid5(activity.uuid, f"attr:{term.uuid}")),
            "link_id": str(activity.uuid),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": str(term.uuid),
            "taxonomy_term": activity_type_term(term),
            "value": None,
        }
        for term in activity.activity_types.all()
    ] + [
        {
            "id": str(uuid.uuid5(activity.uuid, f"attr:{target_group_id(group)}")),
            "link_id": str(activity.uuid),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": target_group_id(group),
            "taxonomy_term": target_group_term(group),
            "value": None,
        }
        for group in activity.target_groups.all()
    ]
    location = _location(activity)
    return {
        "id": str(activity.uuid),
        "organization_id": str(activity.organisation.uuid),
        "name": activity.title,
        "alternate_name": None,
        "description": activity.description or activity.summary,
        "x_summary": activity.summary,
        "url": activity.website or None,
        "email": activity.email or None,
        "status": STATUS[activity.status],
        "alert": activity.alert or None,
        "application_process": activity.how_to_join or None,
        "fees_description": activity.cost_notes or None,
        "eligibility_description": None,
        "minimum_age": activity.min_age,
        "maximum_age": activity.max_age,
        "assured_date": activity.last_verified_on.isoformat()
        if activity.last_verified_on
        else None,
        "assurer_email": None,
        "last_modified": activity.updated_at.isoformat(),
        "x_referral_needed": activity.referral_needed,
        "organization": organization(activity.organisation),
        "service_areas": [
            {
                "id": sub_id(activity, "area"),
                "service_id": str(activity.uuid),
                "name": activity.district.name,
                "uri": f"https://www.cbs.nl/{activity.district.code}",
                "extent": None,
                "extent_type": None,
            }
        ]
        if activity.district
        else [],
        "service_at_locations": [
            {
                "id": sub_id(activity, "service_at_location"),
                "service_id": str(activity.uuid),
                "location_id": location["id"],
                "location": location,
            }
        ],
        "schedules": schedules(activity, today),
        "cost_options": [
            {
                "id": sub_id(activity, "cost"),
                "service_id": str(activity.uuid),
                "amount": 0 if activity.is_free else float(activity.price or 0),
                "currency": "EUR",
                "option": _in_site_language(FREE)
                if activity.is_free
                else (activity.cost_notes or None),
            }
        ]
        if activity.is_free or activity.price is not None
        else [],
        "contacts": contacts,
        "phones": contacts[0]["phones"] if contacts else [],
        "languages": [
            {"id": sub_id(activity, f"lang:{code}"), "code": code, "name": name}
            for code, name in zip(activity.languages or [], activity.language_names(), strict=True)
        ],
        "attributes": attributes,
    }


def page(contents: list, *, total: int, number: int, size: int) -> dict:
    pages = max(1, -(-total // size))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": size,
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }
