"""plotly.js's base stylesheet as a static file, so the strict CSP (style-src 'self') can stay.

plotly.js injects its base rules (``build/plotcss`` in its source) as an inline ``<style>``
unless an element with id "plotly.js-style-global" and class "no-inline-styles" exists: ours
is the ``<link>`` to ``static/monitoring/plotly-csp.css`` in
``templates/monitoring/_chart_head.html``. This module reads those rules from the installed
plotly package's bundle, the very file we serve as ``vendor/plotly/plotly.min.js``;
``python manage.py plotly_css`` writes the stylesheet and a test fails when the file no
longer matches the installed plotly.
"""

import re
from pathlib import Path

from django.conf import settings

from coalition.staticfinders import PLOTLY_DIR

BUNDLE = Path(PLOTLY_DIR) / "plotly.min.js"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "monitoring" / "plotly-csp.css"
CHART_HEAD = Path(settings.BASE_DIR) / "templates" / "monitoring" / "_chart_head.html"

# The rules object starts with this rule; the loop after it expands the placeholders
# (``.replace(/X/g,".js-plotly-plot .plotly")``).
RULES_START = '{"X,X div":'
PLACEHOLDER = re.compile(r'\.replace\(/(\w)/g,"([^"]*)"\)')
VERSION = re.compile(r"plotly\.js v(\d[\w.-]*)")
# Other stylesheets the bundle injects (maplibre's) unless an element with its id exists.
INLINE_STYLE = re.compile(
    r'getElementById\("([^"]+)"\)\)\{var (\w+)=document\.createElement\("style"\);\2\.id='
)


class BundleChanged(Exception):
    """The bundle no longer looks as this module expects: read it and adapt the parser."""


IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")


def _js_string(text: str, pos: int, *, key: bool = False) -> tuple[str, int]:
    """The JavaScript string literal (or, for an object ``key``, the bare name) starting at
    ``pos``, and the position after it."""
    quote = text[pos]
    if key and (name := IDENTIFIER.match(text, pos)):
        return name[0], name.end()
    if quote not in "\"'":
        raise BundleChanged(f"expected a string at {pos}, found {text[pos : pos + 20]!r}")
    chars, pos = [], pos + 1
    while text[pos] != quote:
        if text[pos] == "\\":
            pos += 1
        chars.append(text[pos])
        pos += 1
    return "".join(chars), pos + 1


def base_rules(bundle: str) -> list[tuple[str, str]]:
    """(selector, declarations) of plotly.js's base styles, as the browser would get them."""
    start = bundle.find(RULES_START)
    if start == -1:
        raise BundleChanged(f"the base style rules ({RULES_START}…) are not in the bundle")
    rules, pos = [], start + 1
    while True:
        selector, pos = _js_string(bundle, pos, key=True)
        if bundle[pos] != ":":
            raise BundleChanged(f"expected ':' after {selector!r}")
        declarations, pos = _js_string(bundle, pos + 1)
        rules.append((selector, declarations))
        if bundle[pos] == "}":
            break
        if bundle[pos] != ",":
            raise BundleChanged(f"expected ',' or '}}' after the rule for {selector!r}")
        pos += 1
    placeholders = PLACEHOLDER.findall(bundle, pos, pos + 400)
    if not placeholders:
        raise BundleChanged("the selector placeholders (X, Y) are not expanded after the rules")
    expanded = []
    for selector, declarations in rules:
        selector = " ," + selector[1:] if selector.startswith(",") else selector
        for letter, replacement in placeholders:
            selector = selector.replace(letter, replacement)
        expanded.append((selector, declarations))
    return expanded


def plotly_version(bundle: str) -> str:
    found = VERSION.search(bundle, 0, 500)
    if not found:
        raise BundleChanged("no 'plotly.js vX.Y.Z' in the bundle's header")
    return found[1]


def stylesheet(bundle: str) -> str:
    """The contents of ``static/monitoring/plotly-csp.css`` for this bundle."""
    header = (
        f"/* plotly.js v{plotly_version(bundle)} base styles (build/plotcss), served as a file so\n"
        " * the strict CSP (style-src self) can stay: plotly skips injecting its <style> element\n"
        ' * when an element with id "plotly.js-style-global" and class "no-inline-styles" exists\n'
        " * (our <link>). Written from the installed plotly by `python manage.py plotly_css`;\n"
        " * do not edit by hand. */\n"
    )
    return header + "".join(f"{sel} {{ {rules} }}\n" for sel, rules in base_rules(bundle))


def inline_style_ids(bundle: str) -> list[str]:
    """Ids of the other stylesheets the bundle injects unless an element with that id exists
    (``_chart_head.html`` has an empty ``<template>`` with each)."""
    return [element_id for element_id, _variable in INLINE_STYLE.findall(bundle)]


def read_bundle() -> str:
    return BUNDLE.read_text(encoding="utf-8")
