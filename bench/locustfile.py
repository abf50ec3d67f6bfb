"""Load for one page at a time: BENCH_PAGE names it, bench/pages.py says how to ask for it."""

import os

from locust import HttpUser, constant, task

from bench.pages import PAGES

PAGE = PAGES[os.environ["BENCH_PAGE"]]
PATH = os.environ.get("BENCH_PATH") or PAGE.path
SESSION_COOKIE = os.environ.get("BENCH_SESSION", "")


class Visitor(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        if PAGE.needs_login and SESSION_COOKIE:
            self.client.cookies.set("sessionid", SESSION_COOKIE)

    @task
    def visit(self):
        PAGE.request(self.client, name=PAGE.name, path=PATH)
