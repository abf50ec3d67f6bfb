"""A small fixed-window rate limit per client address for the public form (Django cache)."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _key(request) -> str:
    return f"signals:report:{request.META.get('REMOTE_ADDR', '')}"


def is_limited(request) -> bool:
    return cache.get(_key(request), 0) >= settings.SIGNAL_RATE_LIMIT


def count_submission(request) -> None:
    key = _key(request)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
