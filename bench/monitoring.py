#!/usr/bin/env python
"""Benchmark of the trend-break evaluation: 200 areas × 5 target groups × 5 indicators ×
8 waves (40,000 measurements, 5,000 series).

It fills a scratch database: SQLite in a temporary directory, or the database named by
BENCH_DATABASE_URL, which is EMPTIED first (never point it at real data),
then times, best of three:
- the evaluation as ``trend_report`` and the CSV export do it: load every series in one
  query and judge each with monitoring.trend;
- a plain pandas group-by over the same rows (mean and last value per series), the floor of
  what any per-series work costs;
and prints the time per series and the ratio between them, plus the number of queries the
evaluation and the dashboard page used (fixed, whatever the data size).

Usage: /work/main/.venv/bin/python bench/monitoring.py [--areas 200]
Timings are printed only; they never go into the unit tests.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WAVES = [2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
KEYS = ["area_id", "target_group_id", "age_band", "indicator_id", "instrument"]


def setup(database_url: str | None) -> None:
    scratch = tempfile.mkdtemp(prefix="bench-monitoring-")
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    if database_url:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


def fill(areas: int) -> int:
    import random

    from coalition.models import Area, TargetGroup
    from monitoring.models import Indicator, Measurement

    random.seed(1916)
    Area.objects.get_or_create(
        code="GM1916", defaults={"name": "Leidschendam-Voorburg", "kind": "municipality"}
    )
    Area.objects.bulk_create(
        [
            Area(code=f"BU1916{n:04d}", name=f"Buurt {n}", kind="neighbourhood")
            for n in range(areas - 1)
        ]
    )
    groups = list(TargetGroup.objects.all()[:5])
    indicators = list(Indicator.objects.all()[:5])
    rows = []
    for area in Area.objects.all():
        for group in groups:
            for indicator in indicators:
                start, slope = random.uniform(20, 45), random.uniform(-0.3, 0.8)
                for year in WAVES:
                    value = min(
                        95.0, max(2.0, start + slope * (year - 2010) + random.gauss(0, 1.5))
                    )
                    rows.append(
                        Measurement(
                            area=area,
                            target_group=group,
                            indicator=indicator,
                            age_band="18+",
                            year=year,
                            value=round(value, 1),
                            ci_low=round(value - 3, 1),
                            ci_high=round(value + 3, 1),
                            source="benchmark",
                        )
                    )
    Measurement.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def best_of(times: int, fn):
    best, result = float("inf"), None
    for _ in range(times):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def evaluate_all():
    from monitoring.series import load_series

    series = load_series()
    return [s.evaluate(goal_year=2024) for s in series]


def pandas_groupby():
    import pandas as pd

    from monitoring.models import Measurement

    frame = pd.DataFrame.from_records(
        Measurement.objects.order_by(*KEYS, "year").values(*KEYS, "year", "value")
    )
    return frame.groupby(KEYS, sort=False)["value"].agg(["mean", "last"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=200)
    args = parser.parse_args()
    setup(os.environ.get("BENCH_DATABASE_URL"))

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rows = fill(args.areas)
    evaluation_time, results = best_of(3, evaluate_all)
    pandas_time, grouped = best_of(3, pandas_groupby)
    series = len(results)
    assert series == len(grouped)

    with CaptureQueriesContext(connection) as evaluation_queries:
        evaluate_all()
    client = Client()
    with CaptureQueriesContext(connection) as dashboard_queries:
        status = client.get("/monitor/", HTTP_HOST="localhost").status_code
    verdicts = {}
    for result in results:
        verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1

    print(f"rows: {rows:,}   series: {series:,}   database: {connection.vendor}")
    print(
        f"evaluation (load + judge every series): {evaluation_time:.3f} s, "
        f"{evaluation_time / series * 1e6:.0f} µs per series, "
        f"{len(evaluation_queries)} queries"
    )
    print(
        f"pandas group-by (load + mean/last per series): {pandas_time:.3f} s, "
        f"{pandas_time / series * 1e6:.0f} µs per series"
    )
    print(f"ratio evaluation / pandas group-by: {evaluation_time / pandas_time:.2f}")
    print(f"dashboard /monitor/: status {status}, {len(dashboard_queries)} queries")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))


if __name__ == "__main__":
    main()
