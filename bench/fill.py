"""Fill the database to a given size, fast (bulk inserts), with believable rows.

At size N: N signals, N/10 activities, N/100 organisations and N/2 indicator measurements, so
the default 100,000 is the issue's large data set (100,000 signals, 10,000 activities,
1,000 organisations, 50,000 measurements), with N/10 referrals to one organisation. Filling
is incremental: from 10,000 to 100,000 only the missing rows are added.
"""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

WAVES = (2012, 2016, 2018, 2020, 2022, 2024, 2025, 2026)


def fill_monitoring(size: int) -> None:
    """N/2 measurements: 5 target groups x 5 indicators x 8 waves for N/400 neighbourhoods."""
    import random

    from coalition.models import Area, TargetGroup
    from monitoring.models import Indicator, Measurement

    rng = random.Random(size)
    municipality, _ = Area.objects.get_or_create(
        code=settings.MUNICIPALITY_CODE,
        defaults={"name": settings.MUNICIPALITY_NAME, "kind": Area.Kind.MUNICIPALITY},
    )
    digits = settings.MUNICIPALITY_CODE[2:]
    want = max(1, size // 400)
    have = Area.objects.filter(code__startswith=f"BU{digits}9").count()
    new_areas = Area.objects.bulk_create(
        Area(code=f"BU{digits}9{n:03d}", name=f"Benchbuurt {n}", kind=Area.Kind.NEIGHBOURHOOD)
        for n in range(have, want)
    )
    groups = list(TargetGroup.objects.all()[:5])
    indicators = list(Indicator.objects.all()[:5])
    rows = []
    for area in [municipality, *new_areas] if not have else new_areas:
        for group in groups:
            for indicator in indicators:
                start, slope = rng.uniform(20, 45), rng.uniform(-0.3, 0.8)
                for year in WAVES:
                    value = round(min(95.0, max(2.0, start + slope * (year - 2010))), 1)
                    rows.append(
                        Measurement(
                            area=area,
                            target_group=group,
                            indicator=indicator,
                            age_band="18+",
                            year=year,
                            value=value,
                            ci_low=round(value - 3, 1),
                            ci_high=round(value + 3, 1),
                            source="benchmark",
                        )
                    )
    Measurement.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


def fillers():
    from bench.fill_events import fill_events
    from bench.fill_signals import fill_signals
    from bench.fill_socialmap import fill_socialmap

    return [fill_socialmap, fill_signals, fill_referrals, fill_monitoring, fill_events]


def fill_to(size: int) -> None:
    from django.core.cache import caches
    from django.db import connection

    from network.socialmap import catalogue

    for filler in fillers():
        filler(size)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:  # planner statistics of what was just inserted
            cursor.execute("ANALYZE")
    # Bulk inserts send no model signals: every version (catalogue, figures, signal counts)
    # starts afresh.
    caches[catalogue.CACHE].clear()


def sample_ids() -> dict[str, object]:
    """Objects the page paths point at (a published activity, …), picked after filling."""
    from network.models import Activity, PublicEvent
    from signals.models import Signal

    return {
        "activity": Activity.objects.published().order_by("pk").values_list("pk", flat=True)[0],
        # The event with the most registrations (see bench/fill_events.py).
        "month": datetime.date.today().strftime("%Y-%m"),
        "event": PublicEvent.objects.filter(title__startswith="Bench")
        .order_by("pk")
        .values_list("pk", flat=True)[0],
        # A filled signal (not one the form stored during the run): the same kind at each size.
        "signal": Signal.objects.filter(form_token__isnull=True, channel__in=["phone", "desk"])
        .order_by("pk")
        .values_list("reference", flat=True)[0],
    }


def coordinator_session() -> str:
    """A signed-in coordinator session (second step done) for the staff pages."""
    user, _ = User.objects.get_or_create(
        username="bench-coordinator@example.org", defaults={"email": "bench@example.org"}
    )
    user.groups.add(Group.objects.get(name="coordinator"))
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    return _session(user, device)


def partner_session() -> str:
    """A signed-in partner of the organisation that ``fill_referrals`` refers to."""
    from network.models import Organisation

    user, _ = User.objects.get_or_create(
        username="bench-partner@example.org", defaults={"email": "bench-partner@example.org"}
    )
    user.groups.add(Group.objects.get(name="partner"))
    Organisation.objects.order_by("pk").first().users.add(user)
    return _session(user)


def _session(user, device=None) -> str:
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def fill_referrals(size: int) -> None:
    """N/10 referrals, all to the first organisation: one partner's inbox at its fullest.
    Their answers cycle through waiting, accepted and declined."""
    import datetime

    from network.models import Organisation
    from signals.models import Referral, Signal

    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        return
    want = size // 10 - Referral.objects.filter(organisation=organisation).count()
    if want <= 0:
        return
    states = list(Referral.State)
    follow_up = datetime.date.today() + datetime.timedelta(weeks=6)
    signals = Signal.objects.filter(referrals__isnull=True).order_by("pk")
    ids = list(signals.values_list("pk", flat=True)[:want])
    Referral.objects.bulk_create(
        (
            Referral(
                signal_id=pk,
                organisation=organisation,
                follow_up_on=follow_up,
                state=states[pk % len(states)],
            )
            for pk in ids
        ),
        batch_size=2000,
    )
    Signal.objects.filter(pk__in=ids).refresh_action_dates()
