"""Small helpers that more than one app needs."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import models
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

PER_PAGE = 25

# ModelAdmin.formfield_overrides: numbers with decimals are typed the Dutch way, "2,50".
LOCALIZED_NUMBERS = {models.DecimalField: {"localize": True}, models.FloatField: {"localize": True}}


def absolute_url(path: str, *, site_url: str = "") -> str:
    """The full address of a path on this site, for links in mail and feeds.

    It starts with the ``SITE_URL`` setting, never with the host of a request: a link made by
    a management command is the same as one made in a request, and a forged Host header
    cannot end up in a mail. ``site_url`` stands in for the setting where a command was
    given another address.
    """
    return (site_url or settings.SITE_URL).rstrip("/") + path


def password_link(user) -> str:
    """The link with which ``user`` chooses a (new) password. It is a secret: make it when the
    mail is sent (in the task), never earlier, so that it is stored nowhere."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def client_address(request) -> str:
    """The visitor's IP address, for rate limits.

    Behind ``TRUSTED_PROXY_HOPS`` reverse proxies, each of which appends the address it saw
    to X-Forwarded-For, the visitor is the entry that the outermost trusted proxy added;
    anything to the left of it was written by the visitor and is not trusted.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")


def over_limit(key: str, limit: int, *, window: int = 60 * 60) -> bool:
    """Count one more use of ``key`` in the Django cache (shared by every app server); True
    once it has been used more than ``limit`` times. The count is forgotten ``window``
    seconds after the last use (``touch``: the database cache's ``incr`` would otherwise
    give the entry the default timeout of five minutes)."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    cache.touch(key, window)
    return count > limit


def make_slug(text: str, *, max_length: int) -> str:
    """The short name of a record in web addresses, made from its name: lower case ASCII
    letters, digits and hyphens, as the ``<slug:>`` converter of the URL patterns accepts.
    Accents go ("Repair Café" → "repair-cafe"); empty when nothing of the text is left."""
    return slugify(str(text))[:max_length].strip("-")


def page_of(request, items, param: str = "page", per_page: int = PER_PAGE) -> Page:
    """One page of a list; each list on a page reads its own query parameter."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


def written_date(value, *, weekday: bool = False, time: bool = False) -> str:
    """A date (or moment) written out in the reader's language, as everywhere on the site:
    "1 december 2026", with ``weekday`` "dinsdag 1 december 2026", with ``time`` the time
    after it ("dinsdag 1 december 2026, 14:30"). Formats from coalition/formats/."""
    from django.utils import timezone
    from django.utils.formats import date_format

    if time and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = date_format(value, "DATE_FORMAT")
    if weekday:
        text = f"{date_format(value, 'l')} {text}"
    return f"{text}, {date_format(value, 'TIME_FORMAT')}" if time else text
