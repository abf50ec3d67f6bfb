"""iCalendar of coming network meetings, in Amsterdam time."""

from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _
from icalendar import Event

from coalition.lib import absolute_url
from network.socialmap.ical import AMSTERDAM, new_calendar

PRODID = "-//Oog voor elkaar//Netwerkbijeenkomsten//NL"


def vevent(meeting, *, now: datetime) -> Event:
    return Event.new(
        uid=f"meeting-{meeting.pk}@oogvoorelkaar",
        stamp=now.astimezone(UTC),
        start=meeting.starts_at.astimezone(AMSTERDAM),
        end=meeting.ends_at.astimezone(AMSTERDAM),
        summary=meeting.title,
        location=meeting.place or None,
        description="\n\n".join(p for p in (meeting.theme, meeting.agenda) if p) or None,
        url=absolute_url(meeting.get_absolute_url()),
    )


def calendar(meetings, *, now: datetime) -> bytes:
    return new_calendar(
        name=_("Network meetings"),
        prodid=PRODID,
        events=[vevent(m, now=now) for m in meetings],
    ).to_ical()
