"""The ambassadors' community: what trained ambassadors do (contributions) and the messages
coordinators send them. An ambassador is *active* with a contribution in the last
``AMBASSADOR_ACTIVE_MONTHS`` months."""

import calendar
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_PEOPLE_REACHED = 10_000


def active_since(today: date, months: int | None = None) -> date:
    """The first day that still counts for "active": ``months`` calendar months before
    ``today`` (31 August minus six months is 28 or 29 February)."""
    months = settings.AMBASSADOR_ACTIVE_MONTHS if months is None else months
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


class ContributionQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("person", "target_group", "district")


class Contribution(models.Model):
    """Something an ambassador did: conversations, signals passed on, a talk. No personal
    data of the people reached: only how many, which target group and where."""

    class Kind(models.TextChoices):
        CONVERSATIONS = "gesprekken", _("conversations held")
        SIGNALS = "signalen", _("signals passed on to the Sociaal Servicepunt")
        TALK = "voorlichting", _("talk or presentation")
        OTHER = "overig", _("other")

    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="contributions",
        limit_choices_to={"is_ambassador": True},
    )
    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    people_reached = models.PositiveIntegerField(
        _("people reached"), default=0, validators=[MaxValueValidator(MAX_PEOPLE_REACHED)]
    )
    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("target group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )
    note = models.CharField(
        _("short note"),
        max_length=300,
        blank=True,
        help_text=_("No names or other personal details of the people you spoke to."),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("ambassador's contribution")
        verbose_name_plural = _("ambassadors' contributions")

    def __str__(self):
        return f"{self.person} – {self.get_kind_display()} ({self.date})"

    def clean(self):
        if self.district_id and self.district.kind != "district":
            raise ValidationError({"district": _("Choose a district.")})


class AmbassadorMessage(models.Model):
    """One message a coordinator sent to the active ambassadors of a target group and/or a
    district. The mails themselves are built by the task, one per ambassador."""

    subject = models.CharField(_("subject"), max_length=150)
    text = models.TextField(_("message"))
    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("target group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"))
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message to ambassadors")
        verbose_name_plural = _("messages to ambassadors")

    def __str__(self):
        return self.subject
