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
        through="network.OrganisationUser",
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
            (
                "administer_partner_users",
                "Can invite and disable the partner users of an organisation one administers",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:organisation", args=[self.slug])

    def administered_by(self, user) -> bool:
        """Whether ``user`` administers this organisation's partner users: every coordinator
        (``manage_organisation``), and a partner user marked as its administrator."""
        if user.has_perm("network.manage_organisation"):
            return True
        return self.user_links.filter(user=user, is_admin=True, user__is_active=True).exists()

    def active_admins(self):
        """The enabled partner users who administer this organisation."""
        return self.users.filter(
            is_active=True, organisation_links__organisation=self, organisation_links__is_admin=True
        )


class OrganisationUser(models.Model):
    """A partner user of an organisation. An administrator (``is_admin``, set by a
    coordinator) may invite colleagues and disable their accounts."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="user_links"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_links"
    )
    is_admin = models.BooleanField(
        _("administrator of the organisation"),
        default=False,
        help_text=_("May invite colleagues and disable their accounts."),
    )

    class Meta:
        db_table = "network_organisation_users"  # the table of the former plain many-to-many
        unique_together = [("organisation", "user")]
        verbose_name = _("partner user of an organisation")
        verbose_name_plural = _("partner users of organisations")

    def __str__(self):
        return f"{self.organisation} – {self.user}"
