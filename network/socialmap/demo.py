"""Demo data of the social map: about 20 fictional organisations and 60 activities.

All names, addresses and phone numbers are made up. Coordinates lie in Leidschendam-Voorburg.
Safe to run twice: records are found again by slug or by organisation and title.
"""

import random
from datetime import date, time, timedelta

from django.contrib.auth.models import User

from coalition.lib import make_slug
from coalition.models import Area, TargetGroup
from network.models import Activity, ActivityType, Organisation

ORGANISATIONS = [
    ("Stichting Buurtkamer De Linde (demo)", "welzijn"),
    ("Welzijnshuis Voorburg (demo)", "welzijn"),
    ("Sportvereniging Vlietrand (demo)", "sport"),
    ("Wandelclub Groen Stompwijk (demo)", "sport"),
    ("Bibliotheek aan de Vliet (demo)", "cultuur"),
    ("Theatergroep Het Open Doek (demo)", "cultuur"),
    ("Huisartsenpraktijk Park Leeuwenbergh (demo)", "zorg"),
    ("Thuiszorg Samen Thuis (demo)", "zorg"),
    ("Mantelzorgpunt Leidschendam (demo)", "welzijn"),
    ("Jongerencentrum De Schakel (demo)", "welzijn"),
    ("Volksuniversiteit Vliet (demo)", "onderwijs"),
    ("Basisschool De Regenboog (demo)", "onderwijs"),
    ("Ondernemersvereniging Damplein (demo)", "ondernemers"),
    ("Woonstichting Vlietwonen (demo)", "wonen"),
    ("Bewonersgroep Prinses Mariannelaan (demo)", "buurt"),
    ("Buurtvereniging Leidschenveen (demo)", "buurt"),
    ("Repair Café Voorburg (demo)", "buurt"),
    ("Gemeente Leidschendam-Voorburg (demo)", "gemeente"),
    ("Kerkelijk Diaconaal Platform (demo)", "overig"),
    ("Vrijwilligerscentrale Vliet (demo)", "overig"),
]

# (title, summary, activity type slugs, target group slugs)
IDEAS = [
    ("Koffieochtend", "Samen koffie drinken en een praatje maken.", ["ontmoeting"], ["ouderen"]),
    (
        "Wandelgroep",
        "Een rustige wandeling van een uur, met koffie na afloop.",
        ["bewegen", "ontmoeting"],
        ["ouderen", "volwassenen"],
    ),
    (
        "Samen eten",
        "Een warme maaltijd aan een gezellige tafel.",
        ["eten-en-drinken", "ontmoeting"],
        ["ouderen", "moeilijk-rondkomen"],
    ),
    (
        "Digicafé",
        "Hulp bij uw telefoon, tablet of computer.",
        ["digitale-vaardigheden"],
        ["ouderen"],
    ),
    (
        "Maatjesproject",
        "Een vaste vrijwilliger die regelmatig langskomt.",
        ["maatje"],
        ["ouderen", "volwassenen"],
    ),
    (
        "Mantelzorgcafé",
        "Even op adem komen en ervaringen delen met andere mantelzorgers.",
        ["ontmoeting", "informatie-en-advies"],
        ["mantelzorgers"],
    ),
    (
        "Jongerenavond",
        "Chillen, gamen en praten met leeftijdsgenoten.",
        ["ontmoeting"],
        ["jongeren"],
    ),
    (
        "Schilderclub",
        "Samen schilderen en tekenen, beginners welkom.",
        ["creatief", "cultuur"],
        ["volwassenen", "ouderen"],
    ),
    ("Stoelyoga", "Rustig bewegen op een stoel, voor elke conditie.", ["bewegen"], ["ouderen"]),
    (
        "Taalcafé",
        "Nederlands oefenen in een ontspannen sfeer.",
        ["ontmoeting", "informatie-en-advies"],
        ["volwassenen"],
    ),
    (
        "Welzijn op recept",
        "Via uw huisarts op zoek naar een activiteit die bij u past.",
        ["welzijn-op-recept"],
        ["volwassenen", "ouderen"],
    ),
    (
        "Vrijwilligersspreekuur",
        "Ontdek welk vrijwilligerswerk bij u past.",
        ["vrijwilligerswerk", "informatie-en-advies"],
        ["volwassenen", "jongeren"],
    ),
    (
        "Repair Café",
        "Samen spullen repareren met hulp van handige buren.",
        ["ontmoeting", "vrijwilligerswerk"],
        ["volwassenen"],
    ),
    (
        "Theatermiddag",
        "Samen naar een voorstelling, met vervoer geregeld.",
        ["cultuur", "ontmoeting"],
        ["ouderen"],
    ),
    (
        "Geldzorgen-spreekuur",
        "Gratis hulp bij rekeningen en formulieren.",
        ["informatie-en-advies"],
        ["moeilijk-rondkomen"],
    ),
]

WEEKDAY_SETS = ["MO", "TU", "WE", "TH", "FR", "TU,TH", "MO,WE", "SA", "WE,FR"]
STREETS = [
    "Parkweg",
    "Herenstraat",
    "Damplein",
    "Prinses Mariannelaan",
    "Koningin Julianalaan",
    "Essesteijnlaan",
    "Noordsingel",
    "Oude Trambaan",
    "Veursestraatweg",
    "Burgemeester Banninglaan",
]


def _districts() -> list[Area]:
    return list(Area.objects.filter(kind=Area.Kind.DISTRICT, code__startswith="WK1916"))


def _schedule(n: int, kind: str, today: date, rng: random.Random) -> dict:
    weekdays = WEEKDAY_SETS[n % len(WEEKDAY_SETS)]
    start = time(rng.choice([9, 10, 13, 14, 19]), rng.choice([0, 30]))
    values = {
        "schedule_kind": kind,
        "weekdays": "",
        "month_week": None,
        "interval": 1,
        "valid_from": None,
        "dates": [],
        "start_time": start,
        "end_time": time(start.hour + 2, start.minute),
    }
    if kind == "weekly":
        values["weekdays"] = weekdays
        values["interval"] = 2 if n % 7 == 0 else 1
        values["valid_from"] = today - timedelta(days=30)
    elif kind == "monthly":
        values["weekdays"] = weekdays.split(",")[0]
        values["month_week"] = (n % 4) + 1
    elif kind == "dates":
        values["dates"] = [(today + timedelta(days=7 * k + n % 7)).isoformat() for k in (1, 3, 6)]
    else:
        values["start_time"] = values["end_time"] = None
    return values


def seed(stdout) -> None:
    rng = random.Random(1916)  # the same demo every time
    districts = _districts()
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    types = {t.slug: t for t in ActivityType.objects.all()}
    partner = User.objects.filter(username="partner@example.org").first()
    coordinator = User.objects.filter(username="coordinator@example.org").first()
    today = date.today()
    organisations = []
    # Demo databases seeded before issue 12 hold one organisation under a slug with an accent.
    Organisation.objects.filter(slug="repair-café-voorburg").update(slug="repair-cafe-voorburg")
    for n, (name, sector) in enumerate(ORGANISATIONS):
        slug = make_slug(name.removesuffix(" (demo)"), max_length=80)
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "sector": sector,
                "description": f"{name} is een verzonnen organisatie voor de demo.",
                "email": f"info@{slug[:30]}.example.org",
                "phone": f"070 555 {n:02d} {n + 10:02d}",
                "address": f"{STREETS[n % len(STREETS)]} {n + 1}, Voorburg",
            },
        )
        organisation.districts.set(rng.sample(districts, k=min(2, len(districts))))
        organisations.append(organisation)
    if partner:
        organisations[0].users.add(partner, through_defaults={"is_admin": True})
        organisations[1].users.add(partner)

    count = 0
    for n in range(60):
        organisation = organisations[n % len(organisations)]
        title, summary, type_slugs, group_slugs = IDEAS[n % len(IDEAS)]
        district = districts[n % len(districts)] if districts else None
        kind = ["weekly", "weekly", "weekly", "monthly", "dates", "none"][n % 6]
        verified = today - timedelta(days=rng.choice([10, 40, 100, 200, 300, 420]))
        values = {
            "summary": summary,
            "description": f"{summary} Deze activiteit is verzonnen voor de demo.",
            "district": district,
            "venue_name": f"Buurthuis {district.name if district else 'Centrum'}",
            "street": f"{STREETS[n % len(STREETS)]} {10 + n}",
            "postcode": f"22{70 + n % 30:02d} {'ABCDEFGH'[n % 8]}{'KLMNPRST'[n % 8]}",
            "city": "Leidschendam" if n % 3 == 0 else "Voorburg",
            "latitude": round(52.070 + rng.random() * 0.030, 6),
            "longitude": round(4.360 + rng.random() * 0.090, 6),
            "step_free": n % 2 == 0,
            "accessible_toilet": n % 3 == 0,
            "hearing_loop": n % 5 == 0,
            "parking": n % 4 == 0,
            "public_transport": n % 2 == 1,
            "is_online": n % 10 == 3,
            **_schedule(n, kind, today, rng),
            "is_free": n % 4 != 1,
            "price": None if n % 4 != 1 else 2.5,
            "cost_notes": "" if n % 4 != 1 else "Inclusief koffie en thee",
            "how_to_join": "Loop gerust binnen." if n % 3 else "Bel of mail even van tevoren.",
            "referral_needed": title == "Welzijn op recept",
            "languages": ["nl"] + (["tr"] if n % 6 == 0 else []) + (["en"] if n % 5 == 0 else []),
            "contact_name": f"Contactpersoon {n + 1}",
            "email": organisation.email,
            "phone": organisation.phone,
            "status": Activity.Status.TEMPORARILY_CLOSED if n == 17 else Activity.Status.ACTIVE,
            "alert": "Tijdelijk gesloten wegens verbouwing." if n == 17 else "",
            "publication_state": (
                Activity.Publication.PENDING if n in (5, 29) else Activity.Publication.PUBLISHED
            ),
            "last_verified_on": verified,
            "last_verified_by": coordinator,
        }
        place = district.name if district else "Voorburg"
        activity, _ = Activity.objects.update_or_create(
            organisation=organisation, title=f"{title} {place}", defaults=values
        )
        activity.activity_types.set([types[s] for s in type_slugs if s in types])
        activity.target_groups.set([groups[s] for s in group_slugs if s in groups])
        count += 1
    Activity.objects.filter(organisation__in=organisations).refresh_search_vectors()
    stdout.write(f"Social map: {len(organisations)} organisations and {count} activities.\n")
