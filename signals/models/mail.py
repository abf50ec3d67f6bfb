"""The outbox: the mails about a signal and their state."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal


class SignalMail(models.Model):
    """The outbox: one mail about a signal and its state, shown in the timeline."""

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", _("notification to the Sociaal Servicepunt")
        CONFIRMATION = "confirmation", _("confirmation to the reporter")
        REPORTER_CONTACT = "reporter_contact", _("message to the reporter after the first contact")
        REPORTER_CLOSED = "reporter_closed", _("message to the reporter after closing")

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    to = models.CharField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # No other attempt starts before this moment. Set (and committed) before a worker talks
    # to the mail server: after it, that worker is presumed dead (the lease). After a
    # failure: the pause before the next attempt.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("signal e-mail")
        verbose_name_plural = _("signal e-mails")

    def __str__(self):
        return f"{self.signal_id} {self.get_kind_display()} ({self.get_state_display()})"

    @property
    def message_id(self) -> str:
        """The Message-ID of every attempt of this mail: a second attempt after a crash is
        recognisably the same message (mail clients and servers show it once)."""
        domain = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"<signal-mail.{self.pk}.{self.created_at:%Y%m%d%H%M%S}@{domain}>"

    def is_claimed(self, now) -> bool:
        return self.claimed_until is not None and self.claimed_until > now
