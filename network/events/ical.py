"""iCalendar of public events, in Amsterdam time: one event, or the coming agenda."""

from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _
from icalendar import Event

from coalition.lib import absolute_url
from network.socialmap.ical import AMSTERDAM, new_calendar

PRODID = "-//Oog voor elkaar//Agenda//NL"


def vevent(event, *, now: datetime) -> Event:
    place = ", ".join(p for p in (event.venue_name, event.street, event.city) if p)
    return Event.new(
        uid=f"event-{event.pk}@oogvoorelkaar",
        stamp=now.astimezone(UTC),
        start=event.starts_at.astimezone(AMSTERDAM),
        end=event.ends_at.astimezone(AMSTERDAM),
        summary=event.title,
        location=place or None,
        description="\n\n".join(p for p in (event.summary, event.description) if p) or None,
        url=absolute_url(event.get_absolute_url()),
    )


def calendar(events, *, now: datetime) -> bytes:
    return new_calendar(
        name=_("Agenda"), prodid=PRODID, events=[vevent(e, now=now) for e in events]
    ).to_ical()
