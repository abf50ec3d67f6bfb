"""iCalendar (RFC 5545) of activities, written by hand: one VEVENT with RRULE per activity."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from network.models import Activity
from network.socialmap import schedule

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Oog voor elkaar//Sociale kaart//NL"

# Central European time with the EU summer-time rules (since 1996).
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y%m%dT%H%M%S")


def rrule(activity: Activity) -> str | None:
    """The RRULE of a weekly or monthly activity, or None."""
    rule = activity.rule()
    codes = [schedule.WEEKDAY_CODES[d] for d in rule.weekdays]
    if rule.kind == schedule.WEEKLY and codes:
        parts = ["FREQ=WEEKLY", f"BYDAY={','.join(codes)}"]
    elif rule.kind == schedule.MONTHLY and codes and rule.month_week:
        parts = ["FREQ=MONTHLY", "BYDAY=" + ",".join(f"{rule.month_week}{c}" for c in codes)]
    else:
        return None
    if rule.interval > 1:
        parts.insert(1, f"INTERVAL={rule.interval}")
    if rule.valid_until:
        end = datetime.combine(rule.valid_until, time(23, 59, 59), AMSTERDAM)
        parts.append("UNTIL=" + end.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ"))
    return "RRULE:" + ";".join(parts)


def vevent(activity: Activity, *, today: date, now: datetime, base_url: str) -> list[str]:
    upcoming = activity.next_dates(today, count=1000 if activity.schedule_kind == "dates" else 1)
    if not upcoming:
        return []
    first = upcoming[0]
    lines = ["BEGIN:VEVENT", f"UID:{activity.uuid}@oogvoorelkaar"]
    lines.append("DTSTAMP:" + now.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ"))
    if activity.start_time:
        end_time = (
            activity.end_time
            or (datetime.combine(first, activity.start_time) + timedelta(hours=1)).time()
        )
        lines.append(f"DTSTART;TZID=Europe/Amsterdam:{_local(first, activity.start_time)}")
        lines.append(f"DTEND;TZID=Europe/Amsterdam:{_local(first, end_time)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{first:%Y%m%d}")
    recurrence = rrule(activity)
    if recurrence:
        lines.append(recurrence)
    elif len(upcoming) > 1:
        if activity.start_time:
            rdates = ",".join(_local(d, activity.start_time) for d in upcoming[1:])
            lines.append(f"RDATE;TZID=Europe/Amsterdam:{rdates}")
        else:
            lines.append("RDATE;VALUE=DATE:" + ",".join(f"{d:%Y%m%d}" for d in upcoming[1:]))
    lines.append(f"SUMMARY:{escape(activity.title)}")
    description = "\n\n".join(p for p in (activity.summary, activity.how_to_join) if p)
    lines.append(f"DESCRIPTION:{escape(description)}")
    place = ", ".join(
        p for p in (activity.venue_name, activity.street, activity.postcode, activity.city) if p
    )
    if place:
        lines.append(f"LOCATION:{escape(place)}")
    if activity.has_location():
        lines.append(f"GEO:{activity.latitude};{activity.longitude}")
    lines.append(f"URL:{base_url}{activity.get_absolute_url()}")
    if activity.email:
        name = escape(activity.organisation.name).replace('"', "")
        lines.append(f'ORGANIZER;CN="{name}":mailto:{activity.email}')
    lines.append("END:VEVENT")
    return lines


def calendar(activities, *, name: str, today: date, now: datetime, base_url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "X-WR-TIMEZONE:Europe/Amsterdam",
        *VTIMEZONE,
    ]
    for activity in activities:
        lines.extend(vevent(activity, today=today, now=now, base_url=base_url))
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
