"""iCalendar (RFC 5545) of activities: one VEVENT with RRULE (or RDATE) per activity.

The ``icalendar`` package does the escaping, folding and the VTIMEZONE; the calendar's name is
in the site's language, whatever language the visitor chose.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from icalendar import Calendar, Event, vCalAddress, vRecur

from coalition.lib import absolute_url
from network.models import Activity
from network.socialmap import schedule

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Oog voor elkaar//Sociale kaart//NL"


def new_calendar(*, name: str, prodid: str, events: list[Event]) -> Calendar:
    """A published calendar of ``events`` with the VTIMEZONE of each time zone they use.

    ``name`` may be a lazy translation: it is read in the site's language.
    """
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", prodid)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    with translation.override(settings.LANGUAGE_CODE):
        calendar.calendar_name = " ".join(str(name).split())  # NAME, X-WR-CALNAME: one line
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for event in events:
        calendar.add_component(event)
    if events:  # the zone's transitions from the first event on
        calendar.add_missing_timezones(first_date=min(_day(e.start) for e in events))
    return calendar


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def rrule(activity: Activity) -> vRecur | None:
    """The recurrence rule of a weekly or monthly activity, or None."""
    rule = activity.rule()
    codes = [schedule.WEEKDAY_CODES[d] for d in rule.weekdays]
    if rule.kind == schedule.WEEKLY and codes:
        recur = vRecur(freq="WEEKLY", byday=codes)
    elif rule.kind == schedule.MONTHLY and codes and rule.month_week:
        recur = vRecur(freq="MONTHLY", byday=[f"{rule.month_week}{c}" for c in codes])
    else:
        return None
    if rule.interval > 1:
        recur["interval"] = rule.interval
    if rule.valid_until:
        end = datetime.combine(rule.valid_until, time(23, 59, 59), AMSTERDAM)
        recur["until"] = end.astimezone(UTC)
    return recur


def vevent(activity: Activity, *, today: date, now: datetime) -> Event | None:
    upcoming = activity.next_dates(today, count=1000 if activity.schedule_kind == "dates" else 1)
    if not upcoming:
        return None
    first = upcoming[0]
    if activity.start_time:
        start = datetime.combine(first, activity.start_time, AMSTERDAM)
        if activity.end_time and activity.end_time > activity.start_time:
            end = datetime.combine(first, activity.end_time, AMSTERDAM)
        else:  # no end time (or an imported one before the start): an hour
            end = start + timedelta(hours=1)
        moments = [datetime.combine(d, activity.start_time, AMSTERDAM) for d in upcoming[1:]]
    else:
        start, end = first, None
        moments = upcoming[1:]
    organizer = None
    if activity.email:
        organizer = vCalAddress.new(activity.email, cn=activity.organisation.name)
    event = Event.new(
        uid=f"{activity.uuid}@oogvoorelkaar",
        stamp=now.astimezone(UTC),
        start=start,
        end=end,
        summary=activity.title,
        description="\n\n".join(p for p in (activity.summary, activity.how_to_join) if p) or None,
        location=", ".join(
            p for p in (activity.venue_name, activity.street, activity.postcode, activity.city) if p
        )
        or None,
        url=absolute_url(activity.get_absolute_url()),
        organizer=organizer,
    )
    recurrence = rrule(activity)
    if recurrence:
        event.add("rrule", recurrence)
    elif moments:
        event.add("rdate", moments)
    if activity.has_location():
        event.add("geo", (float(activity.latitude), float(activity.longitude)))
    return event


def calendar(activities, *, name: str, today: date, now: datetime) -> bytes:
    events = [vevent(a, today=today, now=now) for a in activities]
    return new_calendar(name=name, prodid=PRODID, events=[e for e in events if e]).to_ical()
