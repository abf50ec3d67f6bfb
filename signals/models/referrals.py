"""Referrals of a signal's person to an activity or a partner, and their follow-up."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal


class ReferralQuerySet(models.QuerySet):
    def for_partner(self, user, *, listed: bool = False):
        """The partner's inbox: referrals to the user's organisations, of signals that are not
        anonymised (after that a partner never sees them again). Withdrawn ones stay listed,
        without personal data, so the partner knows why nothing needs doing.

        ``listed``: read the organisations first (one small query), so that a list in the
        order of ``referral_org_created`` reads one page of it, not every referral."""
        organisations = user.organisations.all()
        if listed:
            organisations = list(organisations.values_list("pk", flat=True))
        return self.filter(organisation__in=organisations, signal__anonymised_at__isnull=True)

    def for_inbox(self):
        return self.select_related("signal__district", "activity", "organisation")

    def awaiting_answer(self):
        """Not answered, not withdrawn, of a signal that is still open."""
        return self.filter(state=Referral.State.NEW, withdrawn_at__isnull=True).exclude(
            signal__status__in=Signal.FINISHED
        )

    def follow_up_due(self, today: datetime.date):
        return self.filter(follow_up_on__lte=today, followed_up_at__isnull=True)

    def declined(self):
        """Referrals that did not work out and need a next step: the partner declined, the
        person did not come or stopped, or the follow-up found they did not go."""
        return self.filter(
            Q(state=Referral.State.DECLINED)
            | Q(participation=Referral.Participation.STOPPED)
            | Q(went=Referral.Answer.NO),
            withdrawn_at__isnull=True,
        )


class Referral(models.Model):
    """A referral of a signal's person to an activity or a partner, and its follow-up."""

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no")
        UNKNOWN = "unknown", _("do not know")

    class State(models.TextChoices):
        NEW = "new", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    class DeclineReason(models.TextChoices):
        FULL = "full", _("the activity is full")
        NOT_FITTING = "not_fitting", _("it does not fit this person")
        NO_CAPACITY = "no_capacity", _("we have no capacity")
        OTHER = "other", _("other reason")

    class Participation(models.TextChoices):
        CAME = "came", _("came")
        REGULAR = "regular", _("comes regularly")
        STOPPED = "stopped", _("did not come or stopped")

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
    # The coordinator's confirmation that this partner may see name and phone number; it
    # counts only with the person's answer on the form (``Signal.share_contact``).
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

    # The partner's side of the handshake.
    state = models.CharField(
        _("answer of the partner"), max_length=10, choices=State.choices, default=State.NEW
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decline_reason = models.CharField(
        _("reason for declining"), max_length=12, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("explanation"), max_length=300, blank=True)
    first_contact_on = models.DateField(_("first contact by the partner"), null=True, blank=True)
    participation = models.CharField(
        _("did the person come?"), max_length=10, choices=Participation.choices, blank=True
    )
    participation_on = models.DateField(_("recorded for"), null=True, blank=True)
    stop_reason = models.CharField(_("reason"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(_("partner reminded"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("coordinator notified"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

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
            models.Index(fields=["organisation", "person_agreed"], name="referral_partner_idx"),
            models.Index(fields=["organisation", "state", "created_at"], name="referral_inbox_idx"),
            models.Index(fields=["state", "created_at"], name="referral_state_created"),
            # The partner's inbox, newest first (signals/views/inbox.py).
            models.Index(fields=["organisation", "created_at", "id"], name="referral_org_created"),
        ]
        permissions = [
            ("answer_referral", "Can see and answer the referrals to one's own organisations"),
        ]

    def __str__(self):
        return f"{self.signal_id} → {self.target_name}"

    @property
    def target_name(self) -> str:
        if self.activity_id:
            return str(self.activity)
        return str(self.organisation or "")

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def shares_contact(self) -> bool:
        """Whether the partner sees name and phone number: the person said yes on the form,
        the coordinator did not withdraw that (for the signal or this referral), and the
        signal is still open."""
        return (
            self.person_agreed
            and self.signal.contact_shareable
            and self.signal.is_open
            and not self.is_withdrawn
        )

    def answer_problem(self) -> str | None:
        """Why the partner cannot answer now (in the visitor's language), or ``None``."""
        if self.is_withdrawn:
            return _("The Sociaal Servicepunt withdrew this referral. Nothing was changed.")
        if not self.signal.is_open:
            return _("This referral is closed. Nothing was changed.")
        return None

    @property
    def status_label(self) -> str:
        """Where the referral stands, as the partner and the coordinator read it."""
        if self.is_withdrawn:
            return _("withdrawn by the Sociaal Servicepunt")
        if self.participation:
            return self.get_participation_display()
        if self.state == self.State.ACCEPTED and self.first_contact_on:
            return _("first contact made")
        if not self.signal.is_open:
            return _("closed")
        return self.get_state_display()
