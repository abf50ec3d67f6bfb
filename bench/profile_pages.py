#!/usr/bin/env python
"""Where a page spends its time: fill a scratch PostgreSQL database (as ``make bench`` does),
then ask each page a few times in this process with Django's test client under pyinstrument
and print its profile and its queries.

    .venv/bin/python bench/profile_pages.py --size 100000 [--page "signal queue"] [--no-fill]
        [--database-url postgres://postgres@127.0.0.1:5432/oog_bench_profile] [--queries]

The database is EMPTIED first unless --no-fill is given (then it is reused as it is).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oog_bench_profile"
        ),
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--page", action="append", help="a name in bench/pages.py (repeatable)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-fill", action="store_true")
    parser.add_argument("--queries", action="store_true", help="print each page's SQL")
    args = parser.parse_args()

    from bench.run import DjangoClient, bench_environment, recreate_database

    env = bench_environment(args.database_url)
    os.environ.update(env)
    if not args.no_fill:
        recreate_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from bench.fill import coordinator_session, fill_to, partner_session, sample_ids
    from bench.pages import PAGES

    if not args.no_fill:
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        fill_to(args.size)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("compilemessages", "--ignore", ".venv", verbosity=0)
    sessions = {False: coordinator_session(), True: partner_session()}
    ids = sample_ids()
    for page in PAGES.values():
        if args.page and page.name not in args.page:
            continue
        path = page.path.format(**ids)
        client = Client(HTTP_HOST="127.0.0.1")
        if page.needs_login:
            client.cookies["sessionid"] = sessions[page.as_partner]
        wrapped = DjangoClient(client)
        page.request(wrapped, name=page.name, path=path)  # warm
        with CaptureQueriesContext(connection) as queries:
            page.request(wrapped, name=page.name, path=path)
        captured = list(queries.captured_queries)  # before the next request clears the log
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(1 if page.single else args.repeat):
            page.request(wrapped, name=page.name, path=path)
        profiler.stop()
        print(f"\n===== {page.name}: {len(captured)} queries =====")
        if args.queries:
            for query in captured:
                print(f"  {query['time']}s  {query['sql'][:400]}")
        print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
