"""The monitor's pages built once per *figures version*, like the social map's catalogue
(``network/socialmap/catalogue.py``, whose cache this shares under its own version): any save
or delete of a measurement, indicator, target group or area starts a new version (the model
signals are connected in ``monitoring.apps``; imports, which write in bulk, call
``figures_changed``), so a page is never older than the figures behind it and a hit costs
one small lookup of the version. Only public, aggregate figures are cached this way."""

from collections.abc import Callable

from network.socialmap import catalogue

DATA = "monitoring-figures"


def figures_changed(**kwargs) -> None:
    catalogue.changed(data=DATA)


def cached(key_parts: tuple, build: Callable[[], object]):
    return catalogue.cached(key_parts, build, data=DATA)
