"""Pages timed alone, not under load (``Page.single`` in bench/pages.py): PDFs made on the
server. The booklet is made by a task (issue 17): its first request answers 202 ("being
made"), so the bench runs a task worker beside gunicorn, as production does, asks again every
second and reports the time until the PDF is served."""

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Long enough for the booklet of 10,000 activities: at 120 s the run gave up on 1,000.
WAIT_SECONDS = 900
POLL_SECONDS = 1


@contextmanager
def task_worker(env: dict[str, str]):
    """``manage.py db_worker`` for as long as the block runs (it also works off the mail the
    form pages queued before)."""
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    process = subprocess.Popen([*command, "--interval", "0.2"], cwd=ROOT, env={**os.environ, **env})
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # still in a render it was not waited for
            process.kill()
            process.wait()


def time_once(page, path: str, url: str, session: str) -> dict:
    """The page, asked again while it answers 202, timed from the first byte asked to the last
    byte of the answer: for a PDF, the wait a coordinator sees (then it is cached)."""
    started = time.perf_counter()
    requests, failed = 0, True
    while time.perf_counter() - started < WAIT_SECONDS:
        request = urllib.request.Request(url + path)  # noqa: S310 (our own server, http)
        if page.needs_login:
            request.add_header("Cookie", f"sessionid={session}")
        requests += 1
        try:
            with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:  # noqa: S310
                response.read()
                status = response.status
        except OSError:
            break
        if status != 202:
            failed = status != 200
            break
        time.sleep(POLL_SECONDS)
    elapsed = (time.perf_counter() - started) * 1000
    return {
        "median_ms": elapsed,
        "p95_ms": elapsed,
        "rps": 0.0,
        "requests": requests,
        "failures": int(failed),
    }
