"""The shared vocabulary of every app: target groups and areas (CBS codes)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class TargetGroup(models.Model):
    """A group the coalition works for: ouderen, jongeren, mantelzorgers, moeilijk rondkomen…"""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = TargetGroupQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


class Area(models.Model):
    """The municipality, its districts (wijken) and neighbourhoods (buurten), by CBS code.

    Codes above the municipality (the country ``NL01``, a GGD region ``GG3230``) are kept
    too, so that monitoring can store reference series.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        REGION = "region", _("GGD region")
        MUNICIPALITY = "municipality", _("municipality")
        DISTRICT = "district", _("district")
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")

    CODE_PATTERNS = {
        Kind.COUNTRY: re.compile(r"^NL\d{2}$"),
        Kind.REGION: re.compile(r"^GG\d{4}$"),
        Kind.MUNICIPALITY: re.compile(r"^GM\d{4}$"),
        Kind.DISTRICT: re.compile(r"^WK\d{6}$"),
        Kind.NEIGHBOURHOOD: re.compile(r"^BU\d{8}$"),
    }

    code = models.CharField(_("CBS code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name

    @classmethod
    def kind_for_code(cls, code: str) -> str | None:
        """The kind of area a CBS code names (``WK191601`` is a district), or None."""
        for kind, pattern in cls.CODE_PATTERNS.items():
            if pattern.match(code):
                return kind
        return None

    def clean(self):
        expected = self.kind_for_code(self.code)
        if expected is None:
            raise ValidationError(
                {"code": _("Use a CBS code such as GM1916, WK191601 or BU19160101.")}
            )
        if expected != self.kind:
            raise ValidationError({"kind": _("This kind does not match the CBS code.")})


class SetupLinkCounter(models.Model):
    """How many links to set up two-step verification a user has used.

    The count is signed into every link (``coalition/setuplink.py``) and goes up when one is
    used, so each link works once. The links themselves are stored nowhere.
    """

    user = models.OneToOneField(
        "auth.User", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    used = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("set-up link counter")
        verbose_name_plural = _("set-up link counters")

    def __str__(self):
        return str(self.user_id)
