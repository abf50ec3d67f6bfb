"""Demo data of the coalition app: the municipality, its districts and two demo accounts.

``manage.py seed_demo`` calls ``seed(stdout)`` of every app that has a ``demo`` module, in the
order of INSTALLED_APPS. Every function here is safe to run twice.
"""

from django.conf import settings
from django.contrib.auth.models import Group, User

from coalition.models import Area

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 (printed for the demo; never in production)
# A fixed TOTP key so a demo coordinator can add the account to an authenticator app.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"

LEIDSCHENDAM_VOORBURG_DISTRICTS = [
    ("WK191601", "Voorburg-Noord"),
    ("WK191602", "Voorburg-West"),
    ("WK191603", "Voorburg-Midden"),
    ("WK191604", "Oud-Voorburg"),
    ("WK191605", "Leidschendam-Zuid"),
    ("WK191606", "Leidschendam-Noord"),
    ("WK191607", "Leidschenveen"),
    ("WK191608", "Stompwijk"),
]


def district_list() -> list[tuple[str, str]]:
    if settings.MUNICIPALITY_CODE == "GM1916":
        return LEIDSCHENDAM_VOORBURG_DISTRICTS
    digits = settings.MUNICIPALITY_CODE[2:]
    return [(f"WK{digits}{n:02d}", f"Wijk {n}") for n in range(1, 7)]


def seed(stdout) -> None:
    municipality, _ = Area.objects.update_or_create(
        code=settings.MUNICIPALITY_CODE,
        defaults={"name": settings.MUNICIPALITY_NAME, "kind": Area.Kind.MUNICIPALITY},
    )
    for code, name in district_list():
        Area.objects.update_or_create(
            code=code,
            defaults={"name": name, "kind": Area.Kind.DISTRICT, "parent": municipality},
        )
    Area.objects.get_or_create(
        code="NL01", defaults={"name": "Nederland", "kind": Area.Kind.COUNTRY}
    )

    coordinator = demo_user("coordinator@example.org", "Fatima", "de Vries", "coordinator")
    demo_user("partner@example.org", "Henk", "Jansen", "partner")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.get_or_create(
        user=coordinator, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    stdout.write(
        f"Demo accounts (password {DEMO_PASSWORD}): coordinator@example.org, partner@example.org.\n"
        "The coordinator's authenticator key (base32): GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n"
    )


def demo_user(email: str, first_name: str, last_name: str, role: str) -> User:
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=role))
    return user
