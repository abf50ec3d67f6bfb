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

The filling itself is bench/fill_socialmap.py, which ``make bench`` (bench/run.py) uses too.
"""

import argparse
import os
import statistics
import sys
import time as clock
import urllib.request
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

    from bench.fill_socialmap import fill_socialmap
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
