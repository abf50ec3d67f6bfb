"""The reporter's answer to "are you satisfied with how we handled your report?", asked in
the mail after the first contact and the one after closing."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal

REMARK_MAX_LENGTH = 1000


class SatisfactionAnswer(models.Model):
    """One answer per signal and moment; the remark is blanked when the signal is
    anonymised."""

    class Moment(models.TextChoices):
        FIRST_CONTACT = "first_contact", _("after the first contact")
        CLOSED = "closed", _("after closing")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        A_LITTLE = "a_little", _("A little")
        NO = "no", _("No")

    signal = models.ForeignKey(
        Signal,
        verbose_name=_("signal"),
        on_delete=models.CASCADE,
        related_name="satisfaction_answers",
    )
    moment = models.CharField(_("asked"), max_length=16, choices=Moment.choices)
    answer = models.CharField(_("satisfied?"), max_length=10, choices=Answer.choices)
    remark = models.TextField(_("remark"), max_length=REMARK_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        ordering = ["answered_at", "pk"]
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")
        constraints = [
            models.UniqueConstraint(fields=["signal", "moment"], name="satisfaction_once")
        ]

    def __str__(self):
        return f"{self.signal_id} {self.moment}: {self.answer}"
