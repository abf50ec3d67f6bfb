"""The signal: what was reported about a person, and where it stands in the workflow. With the
counter behind its reference."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.districts import CoordinatorDistrict
from signals.models.search import (
    normal_phone,
    normal_postcode,
    phone_key,
    phone_variants,
    postcode_key,
)
from signals.models.summary import situation_summary
from signals.models.urgency import UrgencyQuerySet
from signals.workdays import add_working_days


class SignalCounter(models.Model):
    """The last reference number handed out in a year; locked with SELECT … FOR UPDATE."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class SignalQuerySet(UrgencyQuerySet):
    def visible_to(self, user):
        """A coordinator restricted to districts (a team per district) sees the signals of
        those districts and those without a district yet; unrestricted coordinators see all."""
        teams = CoordinatorDistrict.objects.filter(user=user)
        return self.filter(
            ~models.Exists(teams)
            | Q(district__isnull=True)
            | Q(district__in=teams.values("district"))
        )

    def for_queue(self):
        return self.select_related("district", "assigned_to").prefetch_related("target_groups")

    def open(self):
        return self.exclude(status__in=Signal.FINISHED)

    def reported_by(self, user):
        """Signals the user reported, or a colleague of one of the user's organisations."""
        return self.filter(
            Q(reported_by=user) | Q(reporter_organisation__in=user.organisations.all())
        )

    def due_for_anonymisation(self, now: datetime.datetime):
        months = settings.SIGNAL_RETENTION_MONTHS
        cutoff = now - datetime.timedelta(days=round(months * 365.25 / 12))
        return self.filter(
            status__in=Signal.FINISHED, closed_at__lt=cutoff, anonymised_at__isnull=True
        )

    def possible_duplicates_of(self, signal: "Signal"):
        """Open signals that seem to be about the same person: same contact details or name
        and postcode."""
        match = Q(pk__in=[])
        if signal.contact_email:
            match |= Q(email_key=signal.contact_email.lower())
        if normal_phone(signal.contact_phone):
            match |= Q(phone_key__in=phone_variants(signal.contact_phone))
        if signal.person_name and signal.postcode:
            match |= Q(
                person_name__iexact=signal.person_name,
                postcode_key=normal_postcode(signal.postcode),
            )
        found = self.open().with_search_keys()
        if signal.pk:
            found = found.exclude(pk=signal.pk)
        return found.filter(match).order_by("created_at")

    def with_search_keys(self):
        """Aliases ``phone_key``, ``postcode_key`` and ``email_key``: the contact details as
        compared (each has an expression index)."""
        return self.alias(
            phone_key=phone_key(F("contact_phone")),
            postcode_key=postcode_key(F("postcode")),
            email_key=Lower("contact_email"),
        )


class Signal(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        CONTACTED = "contacted", _("contact made")
        REFERRED = "referred", _("referred")
        UNREACHABLE = "unreachable", _("unreachable")
        CLOSED = "closed", _("closed")
        CANCELLED = "cancelled", _("cancelled")

    # The one place that says which status may follow which. Services and views ask
    # ``can_move_to``; closing, cancelling and reopening have their own service because
    # they need an outcome, a reason or a link.
    TRANSITIONS = {
        Status.NEW: {Status.IN_PROGRESS, Status.CANCELLED},
        Status.IN_PROGRESS: {Status.CONTACTED, Status.UNREACHABLE, Status.CANCELLED},
        Status.CONTACTED: {Status.REFERRED, Status.UNREACHABLE, Status.CLOSED},
        Status.REFERRED: {Status.CLOSED},
        Status.UNREACHABLE: {Status.IN_PROGRESS, Status.CONTACTED, Status.CLOSED},
        Status.CLOSED: {Status.IN_PROGRESS},
        Status.CANCELLED: {Status.IN_PROGRESS},
    }
    FINISHED = (Status.CLOSED, Status.CANCELLED)

    class ReporterKind(models.TextChoices):
        SELF = "self", _("I feel lonely")
        CONCERNED = "concerned", _("I am worried about someone")
        PROFESSIONAL = "professional", _("I report as a professional")

    class Channel(models.TextChoices):
        WEB = "web", _("website")
        PROFESSIONAL = "professional", _("professional")
        PHONE = "phone", _("phone")
        DESK = "desk", _("desk")
        OTHER = "other", _("other")

    class AgeBand(models.TextChoices):
        UNKNOWN = "", _("I do not know")
        UNDER_18 = "0-17", _("younger than 18")
        AGE_18_25 = "18-25", _("18 to 25")
        AGE_26_45 = "26-45", _("26 to 45")
        AGE_46_65 = "46-65", _("46 to 65")
        AGE_66_75 = "66-75", _("66 to 75")
        OVER_75 = "76+", _("older than 75")

    class Awareness(models.TextChoices):
        YES = "yes", _("yes, they know")
        NO = "no", _("no, they do not know")
        UNKNOWN = "unknown", _("I do not know")

    class ContactRoute(models.TextChoices):
        PHONE = "phone", _("by phone")
        EMAIL = "email", _("by e-mail")
        VISIT = "visit", _("a visit at home")
        ANONYMOUS = "anonymous", _("no contact: I report anonymously")

    class DayPart(models.TextChoices):
        MORNING = "morning", _("morning")
        AFTERNOON = "afternoon", _("afternoon")
        EVENING = "evening", _("evening")

    class Outcome(models.TextChoices):
        REFERRED_ACTIVITY = "referred_activity", _("referred to an activity")
        REFERRED_PARTNER = "referred_partner", _("referred to a partner")
        NOT_NEEDED = "not_needed", _("help not (or no longer) needed")
        DECLINED = "declined", _("does not want help")
        UNREACHABLE = "unreachable", _("could not be reached")
        OTHER = "other", _("other")

    class CancelReason(models.TextChoices):
        SPAM = "spam", _("spam or not a real signal")
        DUPLICATE = "duplicate", _("duplicate of another signal")

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    reporter_kind = models.CharField(_("who reports"), max_length=20, choices=ReporterKind)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_signals",
    )
    reporter_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("reporting organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_signals",
    )
    form_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    # About the person (personal data: blanked when anonymised).
    person_name = models.CharField(_("first name or initials"), max_length=60, blank=True)
    age_band = models.CharField(
        _("age"), max_length=8, choices=AgeBand.choices, blank=True, default=""
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        limit_choices_to={"kind": "district"},
    )
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    person_aware = models.CharField(
        _("does the person know about this report?"),
        max_length=10,
        choices=Awareness.choices,
        blank=True,
    )
    situation = models.TextField(_("what is going on"), max_length=3000, blank=True)
    wishes = models.TextField(_("what might help"), max_length=1500, blank=True)
    contact_route = models.CharField(
        _("how may we contact"), max_length=12, choices=ContactRoute.choices
    )
    contact_name = models.CharField(_("name of the contact person"), max_length=100, blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    contact_email = models.EmailField(_("e-mail address"), max_length=254, blank=True)
    contact_address = models.CharField(_("address for a visit"), max_length=200, blank=True)
    contact_when = models.CharField(_("best time to contact"), max_length=200, blank=True)
    consent = models.BooleanField(_("consent to store and use the data"), default=False)
    share_contact = models.BooleanField(
        _("may pass on name and phone number to the organisation referred to"), default=False
    )
    share_withdrawn_at = models.DateTimeField(
        _("consent to pass on withdrawn"), null=True, blank=True
    )

    # Handling.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_signals",
    )
    contact_due = models.DateField(_("first contact before"))
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    call_back_on = models.DateField(_("call back on"), null=True, blank=True)
    call_back_part = models.CharField(
        _("part of the day"), max_length=10, choices=DayPart.choices, blank=True
    )
    failed_attempts = models.PositiveSmallIntegerField(_("failed contact attempts"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    cancel_reason = models.CharField(
        _("reason for cancelling"), max_length=12, choices=CancelReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # What needs action, kept by ``refresh_action_dates`` (signals/models/urgency.py).
    open_contact_due = models.DateField(null=True, blank=True, editable=False)
    follow_up_on = models.DateField(null=True, blank=True, editable=False)
    action_on = models.DateField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    PERSONAL_FIELDS = (
        "person_name",
        "postcode",
        "situation",
        "wishes",
        "contact_name",
        "contact_phone",
        "contact_email",
        "contact_address",
        "contact_when",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        permissions = [
            ("triage_signal", "Can triage signals and see personal data"),
            ("export_signal", "Can export everything stored about a person"),
            ("anonymise_signal", "Can anonymise a signal"),
            ("view_own_reports", "Can see the status of signals one reported"),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="signal_status_created"),
            models.Index(fields=["status", "contact_due"], name="signal_status_due"),
            models.Index(fields=["channel", "created_at"], name="signal_channel_created"),
            models.Index(fields=["status", "closed_at"], name="signal_status_closed"),
            models.Index(fields=["contact_email"], name="signal_contact_email"),
            models.Index(fields=["contact_phone"], name="signal_contact_phone"),
            models.Index(fields=["postcode"], name="signal_postcode"),
            models.Index(fields=["assigned_to", "contact_due"], name="signal_assigned_due"),
            models.Index(fields=["assigned_to", "call_back_on"], name="signal_assigned_callback"),
            models.Index(phone_key(F("contact_phone")), name="signal_phone_key"),
            # Postcode searches, and "same name and postcode" of possible duplicates: a postcode
            # alone can be shared by a thousand signals.
            models.Index(
                postcode_key(F("postcode")), Upper("person_name"), name="signal_postcode_name_key"
            ),
            models.Index(Lower("contact_email"), name="signal_email_lower"),
            # The queue's urgency ranges (signals/models/urgency.py) and the badge count.
            models.Index(
                fields=["created_at", "id"],
                condition=Q(open_contact_due__isnull=False),
                name="signal_uncontacted_created",
            ),
            models.Index(
                fields=["created_at", "id"],
                condition=Q(open_contact_due__isnull=True) & ~Q(status__in=["closed", "cancelled"]),
                name="signal_contacted_created",
            ),
            models.Index(fields=["open_contact_due"], name="signal_open_contact_due"),
            models.Index(fields=["action_on"], name="signal_action_on"),
            models.Index(fields=["follow_up_on"], name="signal_follow_up_on"),
            models.Index(fields=["assigned_to", "action_on"], name="signal_assigned_action"),
        ]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("signals:detail", args=[self.reference])

    @staticmethod
    def first_contact_due(received: datetime.date) -> datetime.date:
        return add_working_days(received, settings.SIGNAL_FIRST_CONTACT_DAYS)

    def can_move_to(self, status: str) -> bool:
        """Whether the workflow allows this signal to move to ``status`` now."""
        if status not in self.TRANSITIONS.get(self.status, set()):
            return False
        if status == self.Status.UNREACHABLE:
            return self.failed_attempts >= settings.SIGNAL_UNREACHABLE_ATTEMPTS
        return True

    def next_statuses(self) -> list[str]:
        return [s for s in self.Status if self.can_move_to(s)]

    @property
    def is_open(self) -> bool:
        return self.status not in self.FINISHED

    @property
    def contact_shareable(self) -> bool:
        """The person said yes to passing on name and phone, and it was not withdrawn."""
        return self.share_contact and self.share_withdrawn_at is None

    @property
    def initials(self) -> str:
        """What a partner sees of the name without consent: "J. K." from "Jan Klaassen"."""
        return " ".join(
            f"{part[0].upper()}." for part in self.person_name.split() if part[0].isalpha()
        )

    @property
    def summary(self) -> str:
        """One line for the queue, from the choices only (signals/models/summary.py)."""
        return situation_summary(self)

    @property
    def is_anonymous(self) -> bool:
        return self.contact_route == self.ContactRoute.ANONYMOUS

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.first_contact_at is None and self.contact_due < today
