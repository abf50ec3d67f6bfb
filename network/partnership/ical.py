"""iCalendar of coming network meetings, in UTC, reusing the social map's escaping."""

from datetime import UTC, datetime

from network.socialmap.ical import escape, fold

PRODID = "-//Oog voor elkaar//Netwerkbijeenkomsten//NL"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(meetings, *, now: datetime, base_url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Netwerkbijeenkomsten",
    ]
    for meeting in meetings:
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@oogvoorelkaar",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(meeting.starts_at)}",
            f"DTEND:{_utc(meeting.ends_at)}",
            f"SUMMARY:{escape(meeting.title)}",
            f"LOCATION:{escape(meeting.place)}",
            f"DESCRIPTION:{escape(meeting.theme + chr(10) + chr(10) + meeting.agenda).strip()}",
            f"URL:{base_url}{meeting.get_absolute_url()}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
