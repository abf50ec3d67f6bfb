"""Demo data of "Denk mee": a focus group per target group with members, a session per group
with findings linked to actions of this year's agenda, and ideas (two published with what the
coalition did, one waiting). Everyone is made up; safe to run twice."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from coalition.models import TargetGroup
from network.models import Action, Finding, FocusGroupMember, FocusSession, Idea

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NAMES = ["Ria", "Mehmet", "Sanne", "Kees", "Naima", "Tom"]

# target group slug -> (place, finding, title of the action it led to)
SESSIONS = {
    "ouderen": (
        "Buurtkamer De Vliet",
        "Ouderen willen **samen iets doen**, niet alleen koffie drinken.\n"
        "- een wandelgroep op vaste dagen\n- vervoer naar de activiteit",
        "Week tegen Eenzaamheid: programma in alle wijken",
    ),
    "jongeren": (
        "Jongerencentrum Voorburg",
        "Jongeren praten liever met andere jongeren dan met een hulpverlener.",
        "Voorlichting op basisscholen",
    ),
    "mantelzorgers": (
        "Bibliotheek aan de Vliet",
        "Mantelzorgers hebben weinig tijd. Een café **in de eigen wijk** helpt.",
        "Mantelzorgcafé in elke wijk",
    ),
    "moeilijk-rondkomen": (
        "Wijkcentrum Prinsenhof",
        "Meedoen kost geld. Gratis activiteiten moeten op de sociale kaart makkelijk te "
        "vinden zijn.",
        "Schuldhulp en eenzaamheid: gezamenlijke aanpak",
    ),
}

IDEAS = [
    (
        "Zet een bankje bij de supermarkt, dan raken mensen sneller in gesprek.",
        "ouderen",
        "Het idee is besproken met de gemeente. Bij twee supermarkten staat nu een praatbankje.",
    ),
    (
        "Een app-groep per straat waarin buren elkaar om hulp kunnen vragen.",
        None,
        "Twee partners helpen buren nu om zo'n groep te beginnen. U kunt bij hen terecht.",
    ),
]


def seed(stdout) -> None:
    today = date.today()
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    actions = {a.title: a for a in Action.objects.filter(year=today.year)}
    members = sessions = 0
    for n, (slug, (place, text, action_title)) in enumerate(SESSIONS.items()):
        group = groups.get(slug)
        if group is None:
            continue
        people = []
        for k, first in enumerate(NAMES[: 3 + n % 3]):
            person, _ = FocusGroupMember.objects.get_or_create(
                target_group=group,
                name=f"{first} (demo)",
                defaults={
                    "email": f"{first.lower()}.{slug}@example.org" if k % 3 else "",
                    "phone": f"070 123 45 6{k}",
                    "consent_at": timezone.now(),
                },
            )
            people.append(person)
        members += len(people)
        session, _ = FocusSession.objects.get_or_create(
            target_group=group,
            place=place,
            defaults={
                "starts_at": datetime.combine(
                    today - timedelta(days=40 + 10 * n), time(14), AMSTERDAM
                ),
                "topic": "Wat helpt tegen eenzaamheid?",
            },
        )
        session.participants.set(people[:3])
        session.attendance_count = 3
        session.save(update_fields=["attendance_count"])
        finding, _ = Finding.objects.get_or_create(session=session, text=text)
        if action_title in actions:
            finding.actions.set([actions[action_title]])
        sessions += 1
    for text, slug, response in IDEAS:
        Idea.objects.update_or_create(
            text=text,
            defaults={
                "target_group": groups.get(slug) if slug else None,
                "status": Idea.Status.PUBLISHED,
                "response": response,
                "decided_at": timezone.now(),
            },
        )
    Idea.objects.get_or_create(
        text="Een maaltijd in het buurthuis voor iedereen die alleen eet.",
        defaults={"name": "Joke (demo)", "email": "joke@example.org"},
    )
    stdout.write(
        f"Think along: {members} focus-group members, {sessions} sessions with findings, "
        f"{len(IDEAS) + 1} ideas.\n"
    )
