"""Review and history of activities: changes waiting for a coordinator, the history of each
activity, and mistakes that visitors report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.models.activities import Activity


class ActivityChange(models.Model):
    """A partner's edit of a published activity, held until a coordinator decides."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="changes"
    )
    data = models.JSONField(_("proposed values"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        indexes = [models.Index(fields=["state", "proposed_at"], name="actchange_state_idx")]

    def __str__(self):
        return f"{self.activity} ({self.get_state_display()})"


class ActivityEvent(models.Model):
    """The history of an activity: who did what when, with the fields that changed."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("sent for review")
        PROPOSED = "proposed", _("change proposed")
        PUBLISHED = "published", _("published")
        APPROVED = "approved", _("change approved")
        REJECTED = "rejected", _("rejected")
        VERIFIED = "verified", _("checked as still correct")
        IMPORTED = "imported", _("imported")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self):
        return f"{self.activity}: {self.get_action_display()}"


class MistakeReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at=None)

    def resolvable_by(self, user):
        """Reports a user may mark as handled: every one for a moderator (coordinators), those
        about the activities of their own organisations for a partner."""
        if user.has_perm("network.moderate_activity"):
            return self
        if user.has_perm("network.change_mistakereport"):
            return self.filter(activity__organisation__users=user)
        return self.none()


class MistakeReport(models.Model):
    """A visitor's "meld een fout": something on an activity's page is wrong."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="reports"
    )
    message = models.TextField(_("what is wrong?"), max_length=2000)
    email = models.EmailField(_("your e-mail address (optional)"), blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MistakeReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reported mistake")
        verbose_name_plural = _("reported mistakes")
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="report_open_idx")]

    def __str__(self):
        return f"{self.activity}: {self.message[:40]}"
