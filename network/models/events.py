"""Public events residents can sign up for, and the campaigns that gather them (issue 16).

An event is organised by the coalition (no organisation) or by a partner; a partner's event is
published after a coordinator's check, as activities are. Registrations hold personal data:
only the organiser and coordinators see them, every look is logged (``RegistrationLog``), and
``erase_after`` weeks after the event the names and contact details go, the counts stay.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.models.activities import ACCESSIBILITY_FIELDS


class CampaignQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def running(self, today):
        return self.published().filter(starts_on__lte=today, ends_on__gte=today)


class Campaign(models.Model):
    """A campaign such as "Voel je thuis 2026": events, articles and material to print."""

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(
        _("text"),
        help_text=_("Plain text; a line starting with ## is a heading, - starts a list item."),
    )
    poster_text = models.CharField(
        _("text on the poster and flyer"),
        max_length=300,
        help_text=_("One or two short sentences in large letters."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    articles = models.ManyToManyField(
        "network.Article", verbose_name=_("awareness items"), blank=True, related_name="campaigns"
    )
    is_published = models.BooleanField(_("published"), default=False)
    poster_downloads = models.PositiveIntegerField(default=0, editable=False)
    flyer_downloads = models.PositiveIntegerField(default=0, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:campaign", args=[self.slug])

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must be after the start.")})


class PublicEventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication_state=PublicEvent.Publication.PUBLISHED)

    def coming(self, now):
        """Published events that have not ended, soonest first."""
        return self.published().filter(ends_at__gte=now).order_by("starts_at", "pk")

    def with_related(self):
        return self.select_related("organisation", "district", "campaign").prefetch_related(
            "target_groups"
        )

    def organised_by(self, user):
        """Every event for a coordinator, those of their own organisations for a partner."""
        if user.has_perm("network.moderate_publicevent"):
            return self
        if user.has_perm("network.change_publicevent"):
            return self.filter(organisation__users=user)
        return self.none()


class PublicEvent(models.Model):
    """An event open to residents: an information market, a walk, a conference."""

    class Publication(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    title = models.CharField(_("what"), max_length=150)
    summary = models.CharField(_("short summary"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="public_events",
        help_text=_("Empty: the coalition organises it."),
    )
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup", verbose_name=_("for whom"), blank=True, related_name="+"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    meeting = models.OneToOneField(
        "network.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="public_event",
    )
    # Where: the venue with the accessibility checklist of activities.
    venue_name = models.CharField(_("name of the venue"), max_length=150)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    city = models.CharField(_("town"), max_length=80, blank=True)
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )
    step_free = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    parking = models.BooleanField(_("parking nearby"), default=False)
    public_transport = models.BooleanField(_("public transport nearby"), default=False)
    accessibility_notes = models.TextField(_("notes on accessibility"), blank=True)
    # Cost and places
    is_free = models.BooleanField(_("free"), default=True)
    cost_notes = models.CharField(_("cost"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit."),
    )
    registration_open = models.BooleanField(_("residents can sign up"), default=True)
    # State
    publication_state = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminders_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    data_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicEventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("moderate_publicevent", "Can publish and reject any event")]
        indexes = [
            models.Index(fields=["publication_state", "ends_at"], name="event_coming_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:event", args=[self.pk])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    @property
    def is_published(self) -> bool:
        return self.publication_state == self.Publication.PUBLISHED

    def is_past(self, now) -> bool:
        return self.ends_at < now

    def accessibility_features(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ACCESSIBILITY_FIELDS
            if getattr(self, name)
        ]

    def places_left(self, seats_taken: int) -> int | None:
        """Free places, or None without a limit."""
        return None if self.capacity is None else max(self.capacity - seats_taken, 0)


class EventRegistration(models.Model):
    """A resident's registration, without an account; personal data until it is erased."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        PublicEvent,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    # Normalised e-mail address or phone digits: the same person twice for one event.
    contact_key = models.CharField(max_length=254, editable=False)
    people = models.PositiveSmallIntegerField(
        _("number of people"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    needs_transport = models.BooleanField(_("I need transport"), default=False)
    needs_hearing_loop = models.BooleanField(_("I need a hearing loop"), default=False)
    needs_wheelchair = models.BooleanField(_("I come with a wheelchair"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    attended = models.BooleanField(_("came"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    moved_up_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration for an event")
        verbose_name_plural = _("registrations for events")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "contact_key"],
                condition=~models.Q(status="cancelled") & ~models.Q(contact_key=""),
                name="one_registration_per_contact_per_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="eventreg_idx")]

    def __str__(self):
        return f"{self.event}: {self.name or '—'}"

    def needs(self) -> list[str]:
        names = ("needs_transport", "needs_hearing_loop", "needs_wheelchair")
        return [str(self._meta.get_field(n).verbose_name) for n in names if getattr(self, n)]


class RegistrationLog(models.Model):
    """Who looked at, exported, mailed or erased registrations' personal data, and when."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("personal data viewed")
        EXPORTED = "exported", _("exported")
        ATTENDANCE = "attendance", _("attendance recorded")
        MAILED = "mailed", _("registrants mailed")
        ERASED = "erased", _("personal data erased")

    event = models.ForeignKey(PublicEvent, on_delete=models.CASCADE, related_name="log")
    registration = models.ForeignKey(
        EventRegistration, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("registration log entry")
        verbose_name_plural = _("registration log")

    def __str__(self):
        return f"{self.event}: {self.get_action_display()}"
