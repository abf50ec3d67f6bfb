"""Demo data of the partner network: members, contact persons, 30 ambassadors, the action
agenda of this year, four meetings with attendance and two trainings (a cascade).

Everyone here is made up. Runs after the social map's demo (it needs its organisations) and
is safe to run twice: records are found again by name, title or organisation.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from coalition.models import Area, TargetGroup
from network.models import (
    Action,
    Contribution,
    Goal,
    Meeting,
    Membership,
    Organisation,
    Participation,
    Person,
    ProgressNote,
    Registration,
    Training,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIRST = ["Anna", "Bram", "Chantal", "Dirk", "Esra", "Fleur", "Gert", "Hanna", "Ivo", "Jamila"]
LAST = ["de Boer", "Yilmaz", "van Dijk"]

# (goal number, title, status, target group slugs)
ACTIONS = [
    (1, "Week tegen Eenzaamheid: programma in alle wijken", "loopt", ["ouderen"]),
    (1, "Campagne 'Een praatje maakt het verschil'", "afgerond", ["ouderen", "jongeren"]),
    (1, "Voorlichting op basisscholen", "gepland", ["jongeren"]),
    (1, "Verhalen van inwoners in de lokale krant", "loopt", []),
    (1, "Training signaleren voor kappers en winkeliers", "gepland", ["ouderen"]),
    (2, "Netwerkbijeenkomsten vier keer per jaar", "loopt", []),
    (2, "Maatjesproject uitbreiden naar Leidschenveen", "loopt", ["ouderen"]),
    (2, "Samenwerking huisartsen en welzijn op recept", "afgerond", ["ouderen"]),
    (2, "Jongerenplatform tegen eenzaamheid", "gestopt", ["jongeren"]),
    (2, "Mantelzorgcafé in elke wijk", "gepland", ["mantelzorgers"]),
    (3, "Meldpunt eenzaamheid bekend maken", "loopt", []),
    (3, "Structurele financiering ontmoetingsplekken", "gepland", []),
    (3, "Monitor eenzaamheid jaarlijks bespreken", "afgerond", []),
    (3, "Schuldhulp en eenzaamheid: gezamenlijke aanpak", "loopt", ["moeilijk-rondkomen"]),
    (3, "Ambassadeursnetwerk borgen", "gepland", []),
]

# Measurable targets of some actions: title -> (what is counted, target, reached so far)
TARGETS = {
    "Training signaleren voor kappers en winkeliers": ("kappers en winkeliers getraind", 40, 0),
    "Ambassadeursnetwerk borgen": ("ambassadeurs getraind", 60, 25),
    "Mantelzorgcafé in elke wijk": ("wijken met een mantelzorgcafé", 6, 2),
    "Maatjesproject uitbreiden naar Leidschenveen": ("maatjes gekoppeld", 30, 18),
    "Voorlichting op basisscholen": ("scholen bezocht", 12, 3),
}


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), AMSTERDAM)


def seed(stdout) -> None:
    today = date.today()
    organisations = list(Organisation.objects.filter(name__endswith="(demo)").order_by("pk"))
    if not organisations:
        stdout.write("Partner network: no demo organisations, skipped.\n")
        return
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    districts = list(Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("code"))
    members = organisations[:16]
    for n, organisation in enumerate(members):
        membership, _ = Membership.objects.update_or_create(
            organisation=organisation,
            defaults={
                "signed_on": date(2022 + n % 5, 1 + (n * 5) % 12, 1 + n),
                "signed_by": f"Directeur {LAST[n % 3]} (demo)",
                "contribution": "Doet mee aan de actieagenda en de netwerkbijeenkomsten.",
            },
        )
        membership.target_groups.set([g for k, g in enumerate(groups.values()) if (k + n) % 3])
        membership.districts.set(districts[n % 4 : n % 4 + 3])
        Person.objects.update_or_create(
            organisation=organisation,
            is_contact=True,
            defaults={
                "name": f"{FIRST[n % 10]} {LAST[n % 3]} ({organisation.slug[:12]})",
                "role": "Contactpersoon coalitie",
                "email": f"contact{n}@demo.example.org",
                "phone": f"070 444 {n:02d} 00",
                "consent_to_list": True,
                "consent_on": date(2022 + n % 5, 1 + (n * 5) % 12, 1 + n),
            },
        )
    ambassadors = []
    for n in range(30):
        person, _ = Person.objects.update_or_create(
            name=f"{FIRST[n % 10]} {LAST[n // 10]} (ambassadeur)",
            defaults={
                "is_ambassador": True,
                "organisation": organisations[n % 5] if n % 3 == 0 else None,
                "email": f"ambassadeur{n}@demo.example.org",
                "consent_to_list": n % 4 != 0,
                "consent_on": today - timedelta(days=30 + n) if n % 4 != 0 else None,
                "target_group": list(groups.values())[n % len(groups)] if groups else None,
                "district": districts[n % len(districts)] if districts else None,
            },
        )
        ambassadors.append(person)
    contributions = _seed_contributions(today, ambassadors)

    goals = {goal.number: goal for goal in Goal.objects.all()}
    partner = User.objects.filter(username="partner@example.org").first()
    actions = []
    for n, (number, title, status, slugs) in enumerate(ACTIONS):
        label, target, reached = TARGETS.get(title, ("", None, 0))
        action, _ = Action.objects.update_or_create(
            year=today.year,
            title=title,
            defaults={
                "goal": goals[number],
                "status": status,
                "description": f"{title}. Deze actie is verzonnen voor de demo.",
                "lead_organisation": members[n % len(members)],
                "starts_on": date(today.year, 1 + n % 6, 1),
                "ends_on": date(today.year, 7 + n % 6, 28),
                "indicator_target": "Minder ernstig eenzame inwoners (GGD-monitor)"
                if n % 3 == 0
                else "",
                "target_label": label,
                "target_value": target,
                "current_value": reached,
            },
        )
        action.participants.set([members[(n + 1) % len(members)], members[(n + 2) % len(members)]])
        action.target_groups.set([groups[s] for s in slugs if s in groups])
        if status in ("loopt", "afgerond"):
            ProgressNote.objects.get_or_create(
                action=action,
                text="De eerste bijeenkomst is geweest; 25 deelnemers.",
                defaults={"written_on": today - timedelta(days=20 + n), "author": partner},
            )
        actions.append(action)

    seasons = ["Voorjaar", "Zomer", "Najaar", "Winter"]
    for n, season in enumerate(seasons):
        day = today + timedelta(days=-270 + n * 90)
        meeting, _ = Meeting.objects.update_or_create(
            title=f"Netwerkbijeenkomst {season.lower()} {today.year}",
            defaults={
                "starts_at": _at(day, 14),
                "ends_at": _at(day, 16),
                "place": ["Bibliotheek aan de Vliet", "Welzijnshuis Voorburg"][n % 2],
                "theme": ["Jongeren", "Mantelzorg", "Signaleren", "Plannen volgend jaar"][n],
                "agenda": "1. Opening\n2. Verhaal uit de praktijk\n3. Actieagenda\n4. Afsluiting",
                "minutes": "Goed bezocht; afspraken staan bij de vervolgacties." if n < 3 else "",
            },
        )
        meeting.invited.set(members)
        past = meeting.starts_at < datetime.now(AMSTERDAM)
        for k, organisation in enumerate(members[n : n + 8]):
            Registration.objects.update_or_create(
                meeting=meeting,
                organisation=organisation,
                name=f"{FIRST[k % 10]} {LAST[k % 3]}",
                defaults={"attended": past and k % 4 != 0},
            )
        if n == 0:
            actions[5].meeting = meeting
            actions[5].save(update_fields=["meeting"])

    cascade_start, _ = Training.objects.update_or_create(
        title="Train-de-trainer eenzaamheid (demo)",
        defaults={
            "kind": Training.Kind.TRAIN_THE_TRAINER,
            "held_on": today - timedelta(days=200),
            "trainer_organisation": organisations[1],
            "place": "Welzijnshuis Voorburg",
        },
    )
    for person in ambassadors[:5]:
        Participation.objects.update_or_create(
            training=cascade_start,
            person=person,
            defaults={"organisation": person.organisation, "completed": True},
        )
    followed, _ = Training.objects.update_or_create(
        title="Signaleren en gespreksvaardigheden (demo)",
        defaults={
            "kind": Training.Kind.SIGNALLING,
            "held_on": today - timedelta(days=100),
            "trainer_person": ambassadors[0],
            "place": "Bibliotheek aan de Vliet",
        },
    )
    for k, person in enumerate(ambassadors[5:30]):
        Participation.objects.update_or_create(
            training=followed,
            person=person,
            defaults={"organisation": person.organisation, "completed": k % 6 != 0},
        )
    _seed_articles(today)
    stdout.write(
        f"Partner network: {len(members)} members, 30 ambassadors ({contributions} "
        f"contributions), {len(actions)} actions, "
        f"4 meetings, 2 trainings, {len(ARTICLES)} awareness items.\n"
    )


# What ambassadors did: (kind, people reached, note)
CONTRIBUTIONS = [
    (Contribution.Kind.CONVERSATIONS, 6, "Gesprekken bij de koffieochtend"),
    (Contribution.Kind.SIGNALS, 1, "Zorg over een buurman doorgegeven"),
    (Contribution.Kind.TALK, 35, "Voorlichting bij de seniorenvereniging"),
]


def _seed_contributions(today: date, ambassadors: list[Person]) -> int:
    """Three in five ambassadors are active (a contribution in the last months), one did
    something long ago, one never did: like "60 ambassadors, 35 really active"."""
    count = 0
    for n, person in enumerate(ambassadors):
        if n % 5 == 4:
            continue
        days_ago = 300 + n if n % 5 == 3 else 10 + 7 * n % 90
        for k, (kind, reached, note) in enumerate(CONTRIBUTIONS[: 1 + n % 3]):
            Contribution.objects.get_or_create(
                person=person,
                kind=kind,
                note=note,
                defaults={
                    "date": today - timedelta(days=days_ago + 14 * k),
                    "people_reached": reached + n % 4,
                    "target_group": person.target_group,
                    "district": person.district,
                },
            )
            count += 1
    return count


ARTICLES = [
    (
        "uitleg",
        "wat-is-eenzaamheid",
        "Wat is eenzaamheid?",
        "U bent eenzaam als u minder contact heeft dan u wilt. Het kan iedereen overkomen.",
        "## Twee soorten\n- **Sociaal eenzaam:** u mist mensen om u heen.\n"
        "- **Emotioneel eenzaam:** u mist een hechte band met iemand.\n\n"
        "Eenzaam zijn is iets anders dan alleen zijn. U kunt veel mensen om u heen hebben "
        "en u toch eenzaam voelen.",
    ),
    (
        "uitleg",
        "eenzaamheid-herkennen",
        "Hoe merkt u dat iemand eenzaam is?",
        "Kleine signalen zeggen vaak veel. Let op veranderingen.",
        "## Signalen\n- iemand komt minder buiten\n- de brievenbus puilt uit\n"
        "- iemand praat veel over vroeger of over niemand\n\n"
        "Twijfelt u? Meld het bij het [Sociaal Servicepunt](/melden/).",
    ),
    (
        "uitleg",
        "het-gesprek-beginnen",
        "Het gesprek beginnen",
        "Een praatje maakt het verschil. Zo begint u.",
        "## Tips\n- Begin over iets kleins: het weer, de buurt.\n"
        "- Vraag door en luister.\n- Spreek af dat u nog eens langskomt.",
    ),
    (
        "nieuws",
        "week-tegen-eenzaamheid",
        "Week tegen Eenzaamheid: doe mee",
        "In de Week tegen Eenzaamheid zijn er activiteiten in alle wijken.",
        "Kijk op de [sociale kaart](/sociale-kaart/) wat er bij u in de buurt is.",
    ),
    (
        "verhaal",
        "het-verhaal-van-truus",
        "Het verhaal van Truus (82)",
        "Na de dood van haar man zat Truus veel alleen. Nu drinkt ze elke week koffie in de "
        "buurtkamer.",
        "Truus: **'Ik had nooit gedacht dat ik het zou durven.'** Een buurvrouw nam haar mee.",
    ),
]


def _seed_articles(today: date) -> None:
    from network.models import Article

    for n, (kind, slug, title, summary, body) in enumerate(ARTICLES):
        Article.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "title": title,
                "summary": summary,
                "body": body,
                "published_on": today - timedelta(days=7 * n),
                "is_published": True,
            },
        )
