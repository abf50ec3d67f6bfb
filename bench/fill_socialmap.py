"""Bulk activities and organisations for the benchmark: at size N, N/10 activities and N/100
organisations, nearly all published, each with a type, a target group and a search vector.
Incremental: only the missing rows are added. bench/socialmap.py and ``make bench``
(bench/fill.py) fill with it."""

import random
from datetime import date, time, timedelta

from django.db import connection

from bench.pages import SEARCH_WORDS
from coalition.models import Area, TargetGroup
from network.models import Activity, ActivityType, Organisation

# The words of the cold search (bench/pages.py), so every word a resident types there finds
# activities: with a dozen words of our own, nine in ten of its searches found nothing.
WORDS = list(dict.fromkeys(SEARCH_WORDS))


def fill_socialmap(size: int) -> None:
    rng = random.Random(size)
    want_orgs, want_activities = max(1, size // 100), max(1, size // 10)
    have = Organisation.objects.filter(slug__startswith="bench-").count()
    Organisation.objects.bulk_create(
        Organisation(name=f"Benchorganisatie {n}", slug=f"bench-{n}", sector="welzijn")
        for n in range(have, want_orgs)
    )
    org_ids = list(
        Organisation.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    districts = list(Area.objects.filter(kind="district").values_list("pk", flat=True)) or [None]
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    types = list(ActivityType.objects.values_list("pk", flat=True))
    have = Activity.objects.filter(title__startswith="Bench ").count()
    new = [
        Activity(
            organisation_id=rng.choice(org_ids),
            title=f"Bench {rng.choice(WORDS)} {n}",
            summary=f"Samen {rng.choice(WORDS)} en {rng.choice(WORDS)} in de buurt.",
            description=" ".join(rng.choice(WORDS) for _ in range(40)),
            district_id=rng.choice(districts),
            street=f"Benchstraat {n}",
            postcode="2271 AB",
            city="Voorburg",
            latitude=round(52.07 + rng.random() * 0.03, 6),
            longitude=round(4.36 + rng.random() * 0.09, 6),
            schedule_kind="weekly",
            weekdays=rng.choice(["MO", "TU", "WE", "TH", "FR", "TU,TH"]),
            start_time=time(rng.choice([9, 10, 14, 19])),
            end_time=time(rng.choice([9, 10, 14, 19]) + 1),
            is_free=rng.random() < 0.7,
            step_free=rng.random() < 0.5,
            accessible_toilet=rng.random() < 0.5,
            publication_state="published" if rng.random() < 0.95 else "pending",
            last_verified_on=date.today() - timedelta(days=rng.randrange(500)),
        )
        for n in range(have, want_activities)
    ]
    created = Activity.objects.bulk_create(new, batch_size=2000)
    through_types = Activity.activity_types.through
    through_groups = Activity.target_groups.through
    through_types.objects.bulk_create(
        [through_types(activity_id=a.pk, activitytype_id=rng.choice(types)) for a in created],
        batch_size=5000,
    )
    through_groups.objects.bulk_create(
        [through_groups(activity_id=a.pk, targetgroup_id=rng.choice(groups)) for a in created],
        batch_size=5000,
    )
    Activity.objects.filter(pk__in=[a.pk for a in created]).refresh_search_vectors()
    if connection.vendor == "postgresql":
        # Fresh planner statistics after bulk inserts; VACUUM cannot run in a transaction
        # (a test's), ANALYZE can.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} network_activity, network_organisation")  # noqa: S608
