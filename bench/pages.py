"""The pages the benchmark measures, and how a visitor asks for each."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    needs_login: bool = False
    # For pages that need more than a GET (a form submission): fn(client, page, name).
    custom: Callable | None = field(default=None, compare=False)

    def request(self, client, name: str):
        if self.custom is not None:
            return self.custom(client, self, name)
        return client.get(self.path, name=name)


def submit_form(client, page: Page, name: str):
    """GET the form for its CSRF token and one-time token, then POST it."""
    form = client.get(page.path, name=f"{name} (form)")
    fields = dict(re.findall(r'name="([a-z_]+token)" value="([^"]+)"', form.text))
    data = {**page_form_data(), **fields}
    return client.post(page.path, data=data, name=name, headers={"Referer": page.path})


def page_form_data() -> dict:
    return {}


# The baseline: a Django view that touches no database (the theme stylesheet).
TRIVIAL = Page("trivial view", "/theme.css")

PAGES: dict[str, Page] = {
    page.name: page
    for page in [
        TRIVIAL,
        Page("home", "/"),
        Page("healthz", "/healthz"),
    ]
}
