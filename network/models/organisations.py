"""Organisations of the network and the partner users who keep them up to date."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def editable_by(self, user):
        """The organisations a user may edit: all with ``manage_organisation`` (coordinators),
        their own with ``change_organisation`` (partners)."""
        if user.has_perm("network.manage_organisation"):
            return self
        if user.has_perm("network.change_organisation"):
            return self.filter(users=user)
        return self.none()


class Organisation(models.Model):
    class Sector(models.TextChoices):
        CARE = "zorg", _("care")
        WELFARE = "welzijn", _("welfare")
        SPORT = "sport", _("sport")
        CULTURE = "cultuur", _("culture")
        EDUCATION = "onderwijs", _("education")
        BUSINESS = "ondernemers", _("business")
        HOUSING = "wonen", _("housing")
        RESIDENTS = "buurt", _("neighbourhood and residents")
        MUNICIPALITY = "gemeente", _("municipality")
        OTHER = "overig", _("other")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    districts = models.ManyToManyField(
        "coalition.Area",
        verbose_name=_("districts served"),
        blank=True,
        related_name="organisations",
        limit_choices_to={"kind": "district"},
    )
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="organisations",
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("partner users"),
        blank=True,
        related_name="organisations",
        help_text=_("Partner users who may edit this organisation and its activities."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("use_workspace", "Can use the workspace"),
            ("manage_organisation", "Can see and change every organisation and its partner users"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:organisation", args=[self.slug])
