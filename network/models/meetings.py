"""Network meetings: invitations, registrations, attendance and minutes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MeetingQuerySet(models.QuerySet):
    def coming(self, now):
        return self.filter(starts_at__gte=now).order_by("starts_at")

    def search(self, text: str):
        if not text:
            return self
        return self.filter(models.Q(title__icontains=text) | models.Q(theme__icontains=text))


class Meeting(models.Model):
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    documents = models.TextField(
        _("shared documents"),
        blank=True,
        help_text=_("One web address per line."),
    )
    invited = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("invited organisations"),
        blank=True,
        related_name="meeting_invitations",
    )
    is_public = models.BooleanField(
        _("open to residents"),
        default=False,
        help_text=_("The meeting is also in the public agenda at /agenda/."),
    )
    invitations_sent_at = models.DateTimeField(_("invitations sent at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:meeting", args=[self.pk])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    def document_links(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]


class Registration(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="meeting_registrations",
    )
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_registration_per_user_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"
