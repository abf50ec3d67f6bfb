"""What a coordinator records while handling a signal: the attempts to contact the person."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal


class ContactAttempt(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("phone")
        EMAIL = "email", _("e-mail")
        VISIT = "visit", _("visit")
        LETTER = "letter", _("letter")
        OTHER = "other", _("other")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="contact_attempts")
    at = models.DateTimeField(_("when"), default=timezone.now)
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)
    reached = models.BooleanField(_("reached"))
    details = models.CharField(_("details"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at"]
        verbose_name = _("contact attempt")
        verbose_name_plural = _("contact attempts")

    def __str__(self):
        return f"{self.signal} {self.at:%Y-%m-%d %H:%M} {self.get_channel_display()}"
