#!/usr/bin/env python
"""Social map at scale: fill the database and compare the search page and the API list with a
trivial Django view, in one run.

    .venv/bin/python bench/socialmap.py [--size 100000] [--database-url postgres://…/oog_bench]

At size N it holds N/10 activities and N/100 organisations (the default 100,000 gives the
issue's 10,000 activities and 1,000 organisations). Filling is incremental and uses bulk
inserts. It starts one gunicorn worker and prints the median time of each page over --repeat
sequential HTTP requests, and the ratio to the trivial view (the aim: the search page at most
3x). Each page is measured twice: "cold", every request with a query string never seen before
so that the page is built from the database, and "cached", the same URL again, served from
the catalogue cache (network/catalogue.py) until anything in the catalogue changes.

``make bench`` (bench/run.py) uses ``fill_socialmap`` for its load table too.
"""

import argparse
import os
import random
import statistics
import sys
import time as clock
import urllib.request
from datetime import date, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (name, path) of the pages this app adds to the benchmark.
PAGES = [
    ("social map: filtered text search", "/sociale-kaart/?q=wandelen&doelgroep=ouderen&gratis=on"),
    ("social map: search, all", "/sociale-kaart/"),
    ("HSDS API: services list", "/api/hsds/services?per_page=20"),
]
TRIVIAL = ("trivial view", "/theme.css")

WORDS = [
    "wandelen",
    "koffie",
    "ontmoeten",
    "bewegen",
    "taalcafé",
    "schilderen",
    "samen eten",
    "computerhulp",
    "mantelzorg",
    "maatje",
    "zingen",
    "tuinieren",
]


def fill_socialmap(size: int) -> None:
    from coalition.models import Area, TargetGroup
    from network.models import Activity, ActivityType, Organisation

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
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh planner statistics after bulk inserts
            cursor.execute("VACUUM ANALYZE network_activity, network_organisation")


def get_ms(url: str, path: str) -> float:
    start = clock.perf_counter()
    with urllib.request.urlopen(url + path, timeout=30) as response:  # noqa: S310 (our server)
        response.read()
        assert response.status == 200, (path, response.status)
    return (clock.perf_counter() - start) * 1000


def medians_ms(url: str, path: str, repeat: int, *, cold: bool) -> tuple[float, float]:
    """Median times of `path` and of the trivial view, requested in turns so that both meet
    the same machine. Cold: each request carries a query string never seen before, so nothing
    can come from the catalogue cache."""
    get_ms(url, path)  # warm up
    page, trivial = [], []
    for n in range(repeat):
        full = f"{path}{'&' if '?' in path else '?'}bench={n}-{clock.time_ns()}" if cold else path
        page.append(get_ms(url, full))
        trivial.append(get_ms(url, TRIVIAL[1]))
    return statistics.median(page), statistics.median(trivial)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oog_bench"
        ),
    )
    args = parser.parse_args()
    from bench.run import bench_environment, gunicorn

    env = bench_environment(args.database_url)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from coalition import demo
    from network.models import Activity
    from network.socialmap import catalogue

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("compilemessages", "--ignore", ".venv", verbosity=0)
    demo.seed(open(os.devnull, "w"))  # noqa: SIM115 (districts and target groups)
    fill_socialmap(args.size)
    catalogue.changed()  # bulk inserts send no signals
    print(
        f"{Activity.objects.count()} activities; one gunicorn worker; medians of {args.repeat} "
        "sequential HTTP requests, each followed by one to the trivial view; "
        "cold = a query string never seen before"
    )
    with gunicorn(env, workers=1, threads=1) as url:
        print(f"{'page':<44} {'median':>8} {'trivial':>8} {'ratio':>6}")
        for name, path in PAGES:
            for cold in (True, False):
                ms, base = medians_ms(url, path, args.repeat, cold=cold)
                label = f"{name} ({'cold' if cold else 'cached'})"
                print(f"{label:<44} {ms:6.1f}ms {base:6.1f}ms {ms / base:5.1f}x", flush=True)


if __name__ == "__main__":
    main()
