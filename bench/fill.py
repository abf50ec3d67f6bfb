"""Fill the database to a given size, fast (bulk inserts), with believable rows.

At size N: N signals, N/10 activities, N/100 organisations and N/2 indicator measurements, so
the default 100,000 is the issue's large data set (100,000 signals, 10,000 activities,
1,000 organisations, 50,000 measurements). Filling is incremental: from 10,000 to 100,000
only the missing rows are added.
"""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

# One function per app, each taking the target size; added as the apps grow.
FILLERS = []


def fill_to(size: int) -> None:
    for filler in FILLERS:
        filler(size)


def coordinator_session() -> str:
    """A signed-in coordinator session (second step done) for the staff pages."""
    user, _ = User.objects.get_or_create(
        username="bench-coordinator@example.org", defaults={"email": "bench@example.org"}
    )
    user.groups.add(Group.objects.get(name="coordinator"))
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key
