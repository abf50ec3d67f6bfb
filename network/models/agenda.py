"""The action agenda: three long-term goals and, per year, the actions under them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.models.thinkalong import Finding


class Goal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("long-term goal")
        verbose_name_plural = _("long-term goals")

    def __str__(self):
        return f"{self.number}. {self.title}"


class ActionQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("goal", "lead_organisation").prefetch_related(
            "participants", "target_groups"
        )

    def with_findings(self):
        """With the focus groups' findings that led to each action (network/thinkalong)."""
        return self.prefetch_related(
            models.Prefetch(
                "findings", queryset=Finding.objects.select_related("session__target_group")
            )
        )

    def for_organisation(self, organisation):
        return self.filter(
            models.Q(lead_organisation=organisation) | models.Q(participants=organisation)
        ).distinct()

    def search(self, text: str):
        if not text:
            return self
        return self.filter(models.Q(title__icontains=text) | models.Q(description__icontains=text))

    def taken_part_in_by(self, user):
        """Actions where one of the user's organisations leads or takes part."""
        return self.filter(
            models.Q(lead_organisation__users=user) | models.Q(participants__users=user)
        ).distinct()

    def open_to_notes_by(self, user):
        """Actions the user may write a progress note on: all for who may change actions
        (coordinators), those they take part in for the others who may write notes."""
        if user.has_perm("network.change_action"):
            return self
        if user.has_perm("network.add_progressnote"):
            return self.taken_part_in_by(user)
        return self.none()

    def progress_updatable_by(self, user):
        """Actions whose status and progress the user may update: all for who may change
        actions (coordinators), those their organisation leads for who may update progress."""
        if user.has_perm("network.change_action"):
            return self
        if user.has_perm("network.update_progress"):
            return self.filter(lead_organisation__users=user, lead_organisation__is_active=True)
        return self.none()


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("planned")
        RUNNING = "loopt", _("running")
        DONE = "afgerond", _("completed")
        STOPPED = "gestopt", _("stopped")

    goal = models.ForeignKey(
        Goal, verbose_name=_("long-term goal"), on_delete=models.PROTECT, related_name="actions"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    lead_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_actions",
    )
    participants = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("participating organisations"),
        blank=True,
        related_name="actions",
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    indicator_target = models.CharField(
        _("indicator it should move"),
        max_length=250,
        blank=True,
        help_text=_("In the long run, e.g. “fewer severely lonely residents (GGD monitor)”."),
    )
    target_label = models.CharField(
        _("measurable target"),
        max_length=200,
        blank=True,
        help_text=_("What is counted, e.g. “ambassadors trained”."),
    )
    target_value = models.PositiveIntegerField(_("target number"), null=True, blank=True)
    current_value = models.PositiveIntegerField(_("number reached so far"), default=0)
    meeting = models.ForeignKey(
        "network.Meeting",
        verbose_name=_("follow-up of meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["goal__number", "title", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        permissions = [
            ("update_progress", "Can update status and progress of the actions it leads")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:action", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end must not be before the start.")
        if self.target_value and not self.target_label:
            errors["target_label"] = _("Say what is counted, e.g. “ambassadors trained”.")
        if errors:
            raise ValidationError(errors)

    @property
    def progress_percent(self) -> int | None:
        """How far the action is towards its target number, 0–100; None without a target."""
        if not self.target_value:
            return None
        return min(100, round(100 * self.current_value / self.target_value))


class ProgressNote(models.Model):
    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="notes"
    )
    written_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("progress"))
    value = models.PositiveIntegerField(_("number reached"), null=True, blank=True)

    class Meta:
        ordering = ["-written_on", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return f"{self.action} ({self.written_on})"
