"""The version of the public catalogue, and a cache of what is rendered from it.

What the public sees of the social map (search pages, the open-data lists) is built once per
*catalogue version*. Any change to an activity, organisation or the vocabularies they use starts
a new version (the signals are connected in ``network.apps``), so a cached page is never older
than the data behind it. The entries live in their own shared cache, so that many different
searches can only push out each other, never sessions, lock-outs or rate limits, and each
process keeps a small copy of what it served last, so a hit costs one small lookup of the
version.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from uuid import uuid4

from django.core.cache import caches
from django.db import transaction

CACHE = "catalogue"
SECONDS = 60 * 60
VERSION_KEY = "version"
LOCAL_ENTRIES = 200
_local: OrderedDict[str, tuple[str, object]] = OrderedDict()  # key -> (version, value), LRU
_local_lock = threading.Lock()


def changed(*, data: str = VERSION_KEY, **kwargs) -> None:
    """Start a new catalogue version, now and again when the current transaction commits.

    ``data`` names another version kept the same way (the monitor's figures, the signals'
    counts): pages built from other data use ``cached(..., data=...)`` with their own.

    The second bump matters: a page built between the first bump and the commit still shows
    the old data and is stored under the first new version, which the commit then retires.
    Call it after a bulk ``update()`` that changes what the public sees.
    """
    _bump(data)
    transaction.on_commit(lambda: _bump(data))


def changer(data: str) -> Callable:
    """A receiver for Django's model signals that starts a new version of ``data``."""

    def receiver(**kwargs) -> None:
        changed(data=data)

    return receiver


def _bump(data: str = VERSION_KEY) -> None:
    caches[CACHE].set(data, uuid4().hex, None)


def version(data: str = VERSION_KEY) -> str:
    """The current catalogue version (one lookup in the shared cache)."""
    cache = caches[CACHE]
    current = cache.get(data)
    if current is None:
        current = uuid4().hex
        cache.add(data, current, None)
    return current


def cached(
    key_parts: tuple,
    build: Callable[[], object],
    *,
    data: str = VERSION_KEY,
    keep: Callable[[object], bool] | None = None,
):
    """What ``build()`` returns for ``key_parts`` in the current catalogue version.

    A hit costs one lookup of the version in the shared cache. A version bumped while
    ``build()`` runs leaves an entry that no reader accepts, so a change is never hidden by a
    slow rebuild. With ``keep``, a value it refuses is returned but not stored.
    """
    cache = caches[CACHE]
    key = hashlib.sha256(repr((data, key_parts)).encode()).hexdigest()
    current = version(data)
    with _local_lock:
        entry = _local.get(key)
        if entry is not None and entry[0] == current:
            _local.move_to_end(key)
            return entry[1]
    entry = cache.get(key)
    if entry is None or entry[0] != current:
        entry = (current, build())
        if keep is not None and not keep(entry[1]):
            return entry[1]
        cache.set(key, entry, SECONDS)
    with _local_lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return entry[1]


def forget_local() -> None:
    """Empty this process's copies (for tests; the version check makes them safe anyway)."""
    with _local_lock:
        _local.clear()
