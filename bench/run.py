#!/usr/bin/env python
"""`make bench`: the platform under load on this machine, measured in one run.

For each data size (default 1,000, 10,000 and 100,000 rows) it fills PostgreSQL, starts the
app under gunicorn, drives every page of bench/pages.py with locust (headless) one page at a
time, and counts each page's SQL queries. It prints one table — median and 95th-percentile
latency, throughput, queries per request, the ratio to a trivial Django view measured in the
same run, and how each page's median grows with the data — and writes it to
bench/results/<time>.csv so runs can be compared. Timings never go into the unit tests.
"""

import argparse
import csv
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent


def bench_environment(database_url: str, redis_url: str = "") -> dict[str, str]:
    return {
        # As in production: sessions, rate limits and caches in Redis (empty: the database).
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "EMAIL_URL": "dummy://",
        "LOG_LEVEL": "WARNING",
        "REQUEST_LOG_LEVEL": "WARNING",
        "SIGNAL_RATE_LIMIT": "1000000",
        "PYTHONPATH": str(ROOT),
    }


def recreate_database(database_url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    name = database_url.rsplit("/", 1)[1]
    admin = psycopg2.connect(database_url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


MASTERS: list[int] = []  # the pid of each gunicorn started, for worker_rss_mb


def worker_rss_mb(master: int) -> list[float]:
    """The resident set size of each worker of the gunicorn whose master is ``master``."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for child in children:
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def machine() -> dict[str, str]:
    """The commit measured and the machine it ran on."""
    from django.db import connection

    commit = subprocess.run(
        ["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (postgres,) = cursor.fetchone()
    return {
        "commit": commit + ("+changes" if dirty else ""),
        "cores": str(os.cpu_count()),
        "postgresql": postgres.split()[0],
    }


@contextmanager
def gunicorn(env: dict[str, str], workers: int, threads: int = 4):
    port = free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "coalition.wsgi",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    url = f"http://127.0.0.1:{port}"
    MASTERS.append(process.pid)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)  # noqa: S310 (our own http URL)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def run_locust(
    page, path, url: str, env: dict, seconds: int, users: int, session: str, accepted_log: Path
) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = f"{tmp}/run"
        accepted_log.write_text("")  # the submissions accepted (see bench/exactly_once.py)
        subprocess.run(
            [
                str(VENV_BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                f"--users={users}",
                f"--spawn-rate={users}",
                f"--run-time={seconds}s",
                f"--host={url}",
                f"--csv={prefix}",
                "--only-summary",
                "--loglevel=ERROR",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                **env,
                "BENCH_PAGE": page.name,
                "BENCH_PATH": path,
                "BENCH_SESSION": session,
                "BENCH_ACCEPTED_LOG": str(accepted_log),
            },
            check=True,
            capture_output=True,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            rows = {row["Name"]: row for row in csv.DictReader(handle)}
    row = rows[page.name]
    return {
        "median_ms": float(row["Median Response Time"]),
        "p95_ms": float(row["95%"]),
        "rps": float(row["Requests/s"]),
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
    }


def count_queries(page, path: str, session: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if page.needs_login:
        client.cookies["sessionid"] = session
    import bench.pages

    # The cold search counted on addresses the load never asks (else: a cache hit).
    bench.pages._SEARCHES = bench.pages.counted_searches()  # noqa: SLF001
    wrapped = DjangoClient(client, CaptureQueriesContext(connection))
    page.request(wrapped, name=page.name, path=path)  # warm, as under load
    page.request(wrapped, name=page.name, path=path)
    return wrapped.queries[page.name]  # a form page's POST, not its form or thank-you page


class DjangoClient:
    """Django's test client with the locust client's ``get``/``post`` signature (it follows
    no redirects). With ``capture`` it counts the queries of the last request of each name
    (a form page's POST is named after the page, its form and thank-you page apart)."""

    def __init__(self, client, capture=None):
        self.client = client
        self.capture = capture
        self.queries: dict[str | None, int] = {}

    def _counted(self, name, call):
        if self.capture is None:
            return call()
        with self.capture:
            response = call()
        self.queries[name] = len(self.capture.captured_queries)
        return response

    def get(self, path, name=None, **kwargs):
        response = self._counted(name, lambda: self.client.get(path))
        response.text = response.content.decode(errors="replace")
        return response

    def post(self, path, data=None, name=None, headers=None, **kwargs):
        return self._counted(name, lambda: self.client.post(path, data or {}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oog_bench"
        ),
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
        help="emptied first; '' for the database cache",
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--page", action="append", help="only these pages (repeatable)")
    parser.add_argument("--seconds", type=int, default=6, help="load per page and size")
    parser.add_argument("--users", type=int, default=8, help="concurrent locust users")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--single-max-rows",
        type=int,
        default=10000,
        help="skip the pages timed alone (the PDFs) above this many rows",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    env = bench_environment(args.database_url, args.redis_url)
    os.environ.update(env)
    recreate_database(args.database_url)
    if args.redis_url:
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    import django

    django.setup()
    from django.core.management import call_command

    from bench import exactly_once
    from bench.fill import coordinator_session, fill_to, partner_session, sample_ids
    from bench.pages import PAGES, TRIVIAL
    from bench.single import task_worker, time_once

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("compilemessages", "--ignore", ".venv", verbosity=0)

    about = machine()
    results, memory, faults, skipped = [], {}, [], []
    accepted_log = Path(tempfile.gettempdir()) / f"bench-accepted-{os.getpid()}.txt"
    for size in sizes:
        started = time.perf_counter()
        fill_to(size)
        print(f"filled to {size:,} rows in {time.perf_counter() - started:.0f} s", flush=True)
        sessions = {False: coordinator_session(), True: partner_session()}
        ids = sample_ids()
        with gunicorn(env, args.workers) as url:
            for page in PAGES.values():
                if args.page and page.name not in args.page and page is not TRIVIAL:
                    continue
                path = page.path.format(**ids)
                session = sessions[page.as_partner]
                before = exactly_once.stored_submissions() if page.stored_once else None
                if page.single and size > args.single_max_rows:
                    skipped.append(f"{page.name} at {size:,} rows")
                    print(f"  {page.name:<50} skipped: {size:,} > --single-max-rows", flush=True)
                    continue
                if page.single:
                    with task_worker(env):
                        stats = time_once(page, path, url, session)
                else:
                    stats = run_locust(
                        page, path, url, env, args.seconds, args.users, session, accepted_log
                    )
                if before is not None:
                    found = exactly_once.check(accepted_log, before, in_flight=args.users)
                    faults += [f"{page.name} at {size:,} rows: {fault}" for fault in found]
                stats["queries"] = count_queries(page, path, session)
                results.append({"page": page.name, "size": size, **stats})
                print(
                    f"  {page.name:<50} median {stats['median_ms']:>6.1f} ms  "
                    f"{stats['rps']:>7.1f}/s  {stats['queries']} queries",
                    flush=True,
                )
            memory[size] = worker_rss_mb(MASTERS[-1])
            print(f"  gunicorn workers' resident memory: {memory[size]} MB", flush=True)

    table = with_ratios(results, TRIVIAL.name, sizes[0])
    for row in table:
        row.update(about, worker_rss_mb=" ".join(map(str, memory[row["size"]])))
    print_table(table, sizes)
    print(
        f"commit {about['commit']}, {about['cores']} cores, PostgreSQL {about['postgresql']}; "
        + "; ".join(f"workers' RSS at {size:,}: {mb} MB" for size, mb in memory.items())
    )
    if skipped:
        print(
            f"not timed (above --single-max-rows {args.single_max_rows:,}): " + "; ".join(skipped)
        )
    write_csv(table)
    failures = sum(row["failures"] for row in table)
    if failures:
        print(f"{failures} requests failed under load", file=sys.stderr)
    if faults:
        print(f"EXACTLY-ONCE CHECK FAILED ({len(faults)} faults):", file=sys.stderr)
        print("\n".join(f"  {fault}" for fault in faults[:20]), file=sys.stderr)
    return 1 if failures or faults else 0


def with_ratios(results: list[dict], trivial: str, base_size: int) -> list[dict]:
    by_key = {(row["page"], row["size"]): row for row in results}
    for row in results:
        baseline = by_key[(trivial, row["size"])]["median_ms"] or 1.0
        first = by_key.get((row["page"], base_size), row)["median_ms"] or 1.0
        row["ratio_to_trivial"] = round(row["median_ms"] / baseline, 2)
        p95 = by_key[(trivial, row["size"])]["p95_ms"] or 1.0
        row["p95_ratio_to_trivial"] = round(row["p95_ms"] / p95, 2)
        row["growth_from_smallest"] = round(row["median_ms"] / first, 2)
    return results


def print_table(rows: list[dict], sizes: list[int]) -> None:
    header = (
        f"{'page':<50}{'rows':>9}{'median ms':>11}{'p95 ms':>9}{'req/s':>9}"
        f"{'queries':>9}{'x trivial':>11}{'p95 x':>7}{'growth':>9}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in sorted(rows, key=lambda r: (r["page"], r["size"])):
        print(
            f"{row['page']:<50}{row['size']:>9,}{row['median_ms']:>11.1f}{row['p95_ms']:>9.1f}"
            f"{row['rps']:>9.1f}{row['queries']:>9}{row['ratio_to_trivial']:>11.2f}"
            f"{row['p95_ratio_to_trivial']:>7.2f}"
            f"{row['growth_from_smallest']:>9.2f}"
        )


def write_csv(rows: list[dict]) -> Path:
    out = ROOT / "bench" / "results" / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return out


if __name__ == "__main__":
    sys.exit(main())
