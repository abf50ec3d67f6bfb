"""Residents think along ("Denk mee"): focus groups per target group, their sessions and
findings (linked to the actions they led to), ideas from residents, and the audit trail of
every look at the contact details in them."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def retention_cutoff(now: datetime.datetime) -> datetime.datetime:
    """Contact details older than this are deleted (``THINKALONG_RETENTION_MONTHS``)."""
    return now - datetime.timedelta(days=round(30.44 * settings.THINKALONG_RETENTION_MONTHS))


class MemberQuerySet(models.QuerySet):
    def due_for_deletion(self, now: datetime.datetime):
        """Members who signed up before the retention period and took part in no session
        within it."""
        cutoff = retention_cutoff(now)
        recent = FocusSession.objects.filter(
            participants=models.OuterRef("pk"), starts_at__gte=cutoff
        )
        return self.filter(created_at__lt=cutoff).exclude(models.Exists(recent))


class FocusGroupMember(models.Model):
    """A resident in the focus group of one target group. Name and contact details are kept
    only to invite them to sessions of that group, with their explicit consent."""

    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("focus group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True, db_index=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["target_group__name", "name", "pk"]
        verbose_name = _("focus group member")
        verbose_name_plural = _("focus group members")
        permissions = [
            ("manage_thinkalong", "Can see and handle focus groups and ideas of residents")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:thinkalong_member", args=[self.pk])


class SessionQuerySet(models.QuerySet):
    def with_related(self):
        return (
            self.select_related("target_group")
            .annotate(finding_count=models.Count("findings", distinct=True))
            .order_by("-starts_at", "-pk")
        )


class FocusSession(models.Model):
    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("focus group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("date and time"), db_index=True)
    place = models.CharField(_("place"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        FocusGroupMember, verbose_name=_("took part"), blank=True, related_name="sessions"
    )
    # Kept when members sign off or are deleted: the figures stay.
    attendance_count = models.PositiveIntegerField(_("number who took part"), default=0)
    invited_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("focus group session")
        verbose_name_plural = _("focus group sessions")

    def __str__(self):
        return f"{self.target_group} ({self.starts_at:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("network:thinkalong_session", args=[self.pk])


class Finding(models.Model):
    session = models.ForeignKey(
        FocusSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="findings"
    )
    text = models.TextField(
        _("finding"),
        help_text=_(
            "Plain text. A line starting with ## is a heading, - starts a list item, "
            "**word** is bold, [text](https://…) is a link."
        ),
    )
    actions = models.ManyToManyField(
        "network.Action", verbose_name=_("led to actions"), blank=True, related_name="findings"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self):
        return self.text[:60]


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Idea.Status.PUBLISHED).order_by("-decided_at", "-pk")

    def contact_due_for_deletion(self, now: datetime.datetime):
        return self.filter(created_at__lt=retention_cutoff(now)).exclude(
            name="", email="", phone=""
        )


class Idea(models.Model):
    """ "Ik heb een idee": a resident's idea. Published only after a coordinator approved it,
    with what the coalition did with it; the contact details are never published."""

    class Status(models.TextChoices):
        NEW = "nieuw", _("new")
        PUBLISHED = "gepubliceerd", _("published")
        DECLINED = "afgewezen", _("not published")

    PERSONAL_FIELDS = ("name", "email", "phone")

    text = models.TextField(_("idea"), max_length=2000)
    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("target group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NEW, db_index=True
    )
    response = models.TextField(_("what the coalition did with it"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("network:thinkalong_idea", args=[self.pk])

    @property
    def has_contact(self) -> bool:
        return any(getattr(self, field) for field in self.PERSONAL_FIELDS)


class ThinkAlongLog(models.Model):
    """Append-only: every look at, export and deletion of a focus-group member's or an idea's
    contact details, with who and when (as the signal's event log does for signals)."""

    class Kind(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        EXPORTED = "exported", _("exported")
        ERASED = "erased", _("erased on request")
        SIGNED_OFF = "signed_off", _("signed off")
        EXPIRED = "expired", _("deleted after the retention period")

    class Subject(models.TextChoices):
        MEMBER = "member", _("focus group member")
        IDEA = "idea", _("idea")

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject = models.CharField(_("about"), max_length=8, choices=Subject.choices)
    subject_id = models.PositiveIntegerField(_("number"), db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("think-along log entry")
        verbose_name_plural = _("think-along log")

    def __str__(self):
        return f"{self.get_kind_display()} {self.subject} {self.subject_id}"
