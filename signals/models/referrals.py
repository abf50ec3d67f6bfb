"""Referrals of a signal's person to an activity or a partner, and their follow-up."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal


class ReferralQuerySet(models.QuerySet):
    def visible_to_partner(self, user):
        """Referrals to the user's organisations that the person agreed to share."""
        return self.filter(person_agreed=True, organisation__in=user.organisations.all())

    def follow_up_due(self, today: datetime.date):
        return self.filter(follow_up_on__lte=today, followed_up_at__isnull=True)

    def awaiting_answer(self):
        """Referrals whose answer is still open. Today the only answer stored is the
        coordinator's follow-up, so these are the referrals not followed up yet; the
        partner's answer (accepted or declined) narrows this to the referrals the partner
        has not answered."""
        return self.filter(followed_up_at__isnull=True)

    def declined(self):
        """Referrals that did not work out and need a next step. Today that is a follow-up
        saying the person did not go; the partner's answer adds the referrals the partner
        declined."""
        return self.filter(went=Referral.Answer.NO)


class Referral(models.Model):
    """A referral of a signal's person to an activity or a partner, and its follow-up."""

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no")
        UNKNOWN = "unknown", _("do not know")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="referrals")
    activity = models.ForeignKey(
        "network.Activity",
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    note = models.TextField(_("note for the partner"), max_length=1000, blank=True)
    person_agreed = models.BooleanField(
        _("the person agreed that the partner sees this referral"), default=False
    )
    created_at = models.DateTimeField(_("referred on"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    follow_up_on = models.DateField(_("follow up on"), db_index=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    went = models.CharField(_("did the person go?"), max_length=8, choices=Answer, blank=True)
    helps = models.CharField(_("does it help?"), max_length=8, choices=Answer, blank=True)
    more_needed = models.BooleanField(_("is more help needed?"), null=True, blank=True)
    follow_up_note = models.TextField(_("follow-up note"), max_length=1000, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=Q(activity__isnull=False) | Q(organisation__isnull=False),
                name="referral_has_target",
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "person_agreed"], name="referral_partner_idx")
        ]

    def __str__(self):
        return f"{self.signal_id} → {self.target_name}"

    @property
    def target_name(self) -> str:
        if self.activity_id:
            return str(self.activity)
        return str(self.organisation or "")
