"""The districts that a coordinator is restricted to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoordinatorDistrict(models.Model):
    """Restricts a coordinator to the signals of a district (optional, set in the admin)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.CASCADE,
        related_name="signal_districts",
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )

    class Meta:
        verbose_name = _("district of a coordinator")
        verbose_name_plural = _("districts of coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="coordinator_district_once")
        ]

    def __str__(self):
        return f"{self.user} – {self.district}"
