"""Demo data of public events: the running campaign "Voel je thuis" with its events (one of
them full, with a waiting list; one past, with attendance), a partner's event waiting for a
check, and made-up registrations. Safe to run twice: found again by title."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coalition.models import Area, TargetGroup
from network.events.services import contact_key
from network.models import Article, Campaign, EventRegistration, Organisation, PublicEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NAMES = ["Truus", "Henk", "Fatma", "Kees", "Ria", "Mohamed", "Joke", "Piet", "Ans", "Wim"]
# (days from today, hour, title, summary, venue, capacity, target group, by a partner, state)
EVENTS = [
    (
        -10,
        14,
        "Informatiemarkt Voel je thuis",
        "Organisaties uit uw wijk vertellen wat ze doen.",
        "Wijkcentrum De Vliet",
        60,
        None,
        False,
        "published",
    ),
    (
        3,
        10,
        "Wandeling langs de Vliet",
        "Een rustige wandeling van een uur, met koffie na afloop.",
        "Molen De Salamander",
        8,
        "ouderen",
        True,
        "published",
    ),
    (
        9,
        14,
        "Mantelzorgcafé: even niet zorgen",
        "Praat met andere mantelzorgers.",
        "Bibliotheek Voorburg",
        20,
        "mantelzorgers",
        True,
        "published",
    ),
    (
        16,
        19,
        "Avond over eenzaamheid en geldzorgen",
        "Wat kunt u doen als geld en eenzaamheid samengaan?",
        "Raadhuis Leidschendam",
        None,
        "moeilijk-rondkomen",
        False,
        "published",
    ),
    (
        23,
        15,
        "Spelletjesmiddag voor jong en oud",
        "Samen spelen, voor iedereen.",
        "Buurthuis Prinsenhof",
        30,
        "jongeren",
        True,
        "pending",
    ),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), AMSTERDAM)


def seed(stdout) -> None:
    today = date.today()
    organisations = list(Organisation.objects.filter(name__endswith="(demo)").order_by("pk"))
    districts = list(Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("code"))
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    campaign, _ = Campaign.objects.update_or_create(
        slug=f"voel-je-thuis-{today.year}",
        defaults={
            "title": f"Voel je thuis {today.year}",
            "summary": "Een maand lang ontmoeten in alle wijken van de gemeente.",
            "body": "Iedereen wil zich thuis voelen in de eigen buurt. Kom naar een van de "
            "bijeenkomsten, neem iemand mee, of maak een praatje met uw buren.",
            "poster_text": "Voel je thuis. Kom langs, neem iemand mee.",
            "starts_on": today - timedelta(days=14),
            "ends_on": today + timedelta(days=30),
            "is_published": True,
        },
    )
    campaign.articles.set(Article.objects.published()[:2])
    Campaign.objects.update_or_create(
        slug=f"week-tegen-eenzaamheid-{today.year}",
        defaults={
            "title": f"Week tegen Eenzaamheid {today.year}",
            "summary": "De landelijke week, ook in onze gemeente.",
            "body": "Eenzaamheid kan iedereen overkomen. Praat erover.",
            "poster_text": "Eenzaam? Praat erover.",
            "starts_on": date(today.year, 9, 25),
            "ends_on": date(today.year, 10, 2),
            "is_published": True,
        },
    )
    for n, (days, hour, title, summary, venue, capacity, group, by_partner, state) in enumerate(
        EVENTS
    ):
        day = today + timedelta(days=days)
        event, _ = PublicEvent.objects.update_or_create(
            title=title,
            defaults={
                "summary": summary,
                "starts_at": _at(day, hour),
                "ends_at": _at(day, hour + 2),
                "venue_name": venue,
                "city": "Leidschendam-Voorburg",
                "district": districts[n % len(districts)] if districts else None,
                "organisation": organisations[n] if by_partner and organisations else None,
                "campaign": campaign,
                "capacity": capacity,
                "step_free": True,
                "hearing_loop": n % 2 == 0,
                "publication_state": state,
            },
        )
        event.target_groups.set([groups[group]] if group in groups else [])
        if not event.registrations.exists() and state == "published":
            _seed_registrations(event, full=capacity == 8, past=days < 0)
    stdout.write(f"Agenda: {PublicEvent.objects.count()} events, campaign {campaign.title}.\n")


def _seed_registrations(event: PublicEvent, *, full: bool, past: bool) -> None:
    count = 10 if full else 6
    for n in range(count):
        email = f"{NAMES[n].lower()}.{event.pk}@example.org"
        waiting = full and n >= 8
        EventRegistration.objects.create(
            event=event,
            name=f"{NAMES[n]} (demo)",
            email=email,
            contact_key=contact_key(email=email, phone=""),
            people=1,
            needs_transport=n % 4 == 0,
            needs_wheelchair=n % 5 == 0,
            status="waiting" if waiting else "confirmed",
            attended=past and n % 3 != 0,
        )
