"""Finding a signal by what a coordinator knows of the person, and the audit of each such
search. The search term is personal data: only a keyed digest of it is stored (see
``SearchAudit``)."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Replace, Upper
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

REFERENCE = re.compile(r"^s-?(\d{4})-?(\d{1,5})$", re.IGNORECASE)
POSTCODE = re.compile(r"^[1-9][0-9]{3}[a-z]{2}$", re.IGNORECASE)
PHONE = re.compile(r"^(\+|00)?[0-9]{6,15}$")
DIGEST_SALT = "signals.search-audit"


def phone_key(expression):
    """A phone number as digits only (spaces and dashes stripped), as an SQL expression: the
    key the search and the duplicate check compare; an expression index keeps it fast."""
    return Replace(Replace(expression, Value(" "), Value("")), Value("-"), Value(""))


def postcode_key(expression):
    """A postcode in capitals without spaces, as an SQL expression (see ``phone_key``)."""
    return Replace(Upper(expression), Value(" "), Value(""))


def normal_phone(value: str) -> str:
    """A phone number as we compare it: digits only, +31 (or 0031) as 0."""
    digits = "".join(c for c in value if c.isdigit() or c == "+")
    for prefix in ("+31", "0031"):
        if digits.startswith(prefix):
            return "0" + digits[len(prefix) :]
    return digits.replace("+", "")


def phone_variants(value: str) -> list[str]:
    """How a normalised Dutch number can be stored once spaces and dashes are stripped:
    070…, +3170… or 003170…."""
    number = normal_phone(value)
    if number.startswith("0") and not number.startswith("00"):
        return [number, "+31" + number[1:], "0031" + number[1:]]
    return [number]


def normal_postcode(value: str) -> str:
    return "".join(value.split()).upper()


class SearchAudit(models.Model):
    """One search of the signals by a coordinator: who, when, what kind of term and how many
    signals it found. Not the term itself: a keyed digest of the normalised term (HMAC with
    the site's secret key), so that an auditor who has a phone number or name can ask "who
    searched for this?", while the table alone does not tell what was searched."""

    class Kind(models.TextChoices):
        REFERENCE = "reference", _("reference")
        NAME = "name", _("name")
        PHONE = "phone", _("phone number")
        EMAIL = "email", _("e-mail address")
        POSTCODE = "postcode", _("postcode")

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("searched for"), max_length=10, choices=Kind.choices)
    term_digest = models.CharField(_("digest of the search term"), max_length=64)
    results = models.PositiveIntegerField(_("signals found"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("search in the signals")
        verbose_name_plural = _("searches in the signals")
        indexes = [
            models.Index(fields=["by", "at"], name="searchaudit_by_at"),
            models.Index(fields=["term_digest"], name="searchaudit_digest"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    @staticmethod
    def digest(value: str) -> str:
        """The stored digest of a normalised term (see ``classify_term``)."""
        return salted_hmac(DIGEST_SALT, value, algorithm="sha256").hexdigest()


def classify_term(term: str) -> tuple[str, str]:
    """What kind of term this is, and the term normalised for matching: a reference
    (S-2026-00042), an e-mail address, a postcode (2271 ab → 2271AB), a phone number
    (spaces and dashes stripped, +31 as 0) or else a name."""
    term = " ".join(term.split())
    compact = re.sub(r"[\s\-().]", "", term)
    Kind = SearchAudit.Kind
    if match := REFERENCE.match(compact):
        return Kind.REFERENCE, f"S-{match[1]}-{int(match[2]):05d}"
    if "@" in term:
        return Kind.EMAIL, term.replace(" ", "").lower()
    if POSTCODE.match(compact):
        return Kind.POSTCODE, compact.upper()
    if PHONE.match(compact):
        return Kind.PHONE, normal_phone(compact)
    return Kind.NAME, term


def search_signals(signals, kind: str, value: str):
    """The signals among ``signals`` (a SignalQuerySet) that match a classified term."""
    Kind = SearchAudit.Kind
    signals = signals.with_search_keys()
    if kind == Kind.REFERENCE:
        return signals.filter(reference=value)
    if kind == Kind.EMAIL:
        return signals.filter(email_key=value)
    if kind == Kind.POSTCODE:
        return signals.filter(postcode_key=value)
    if kind == Kind.PHONE:
        return signals.filter(phone_key__in=phone_variants(value))
    return signals.filter(Q(person_name__icontains=value) | Q(contact_name__icontains=value))
