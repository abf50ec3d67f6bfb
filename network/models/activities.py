"""The social map: activities (HSDS services) and their types."""

import uuid
from datetime import date, timedelta
from functools import reduce
from operator import add, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models.functions import Concat
from django.db.models.lookups import Contains
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.socialmap import catalogue, schedule, searchtext
from network.socialmap.searchtext import COLUMNS

VERIFY_REMINDER_DAYS = 183  # about six months
STALE_DAYS = 365
REMIND_AGAIN_DAYS = 30  # after twelve months an activity may be out of date

LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("zgh", _("Berber")),
    ("pap", _("Papiamento")),
    ("srn", _("Sranan Tongo")),
    ("nl-sgn", _("Dutch Sign Language")),
]

ACCESSIBILITY_FIELDS = (
    "step_free",
    "accessible_toilet",
    "hearing_loop",
    "parking",
    "public_transport",
)


class ActivityType(models.Model):
    """A kind of activity (ontmoeting, bewegen, maatje, …): an editable taxonomy term."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")

    def __str__(self):
        return self.name


class _LiteralQuery(SearchQuery):
    """A ``tsquery`` taken as written: no text search configuration changes its lexemes."""

    template = "CAST(%(expressions)s AS tsquery)"


def _starts_a_token(spaced_tokens, prefixes: tuple[str, ...]) -> models.Q:
    """One of ``prefixes`` starts a token (the tokens with a space before each)."""
    return reduce(or_, (models.Q(Contains(spaced_tokens, f" {prefix}")) for prefix in prefixes))


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published and not ended."""
        return self.filter(publication_state=Activity.Publication.PUBLISHED).exclude(
            status=Activity.Status.ENDED
        )

    def editable_by(self, user):
        """All activities for who moderates them (coordinators), those of their own
        organisations for who may change activities (partners)."""
        if user.has_perm("network.moderate_activity"):
            return self
        if user.has_perm("network.change_activity"):
            return self.filter(organisation__users=user)
        return self.none()

    def with_related(self):
        return (
            self.select_related("organisation", "district")
            .prefetch_related("activity_types", "target_groups")
            .defer("search_vector", *COLUMNS)
        )

    def search(self, text: str):
        """Free text, the same on every database (``network.socialmap.searchtext``).

        Every word of the query must start one of the activity's search tokens (in its title,
        summary, description, organisation, venue, town, district or kinds of activity). Annotates
        ``rank``: per word 100 when it is in the title, else 10 in the summary, else 1, so that
        title matches come first, then summary matches, then the rest.
        """
        terms = searchtext.query_terms(text)
        if not terms:
            return self.annotate(rank=models.Value(0.0, output_field=models.FloatField()))
        if connection.vendor == "postgresql":
            found = self.filter(search_vector=_LiteralQuery(searchtext.tsquery(terms)))
        else:
            everything = Concat(
                models.Value(" "),
                "search_title",
                models.Value(" "),
                "search_summary",
                models.Value(" "),
                "search_rest",
                output_field=models.TextField(),
            )
            found = self
            for prefixes in terms:
                found = found.filter(_starts_a_token(everything, prefixes))
        title, summary = (
            Concat(models.Value(" "), column, output_field=models.TextField())
            for column in COLUMNS[:2]
        )
        ranks = [
            models.Case(
                models.When(_starts_a_token(title, prefixes), then=models.Value(100.0)),
                models.When(_starts_a_token(summary, prefixes), then=models.Value(10.0)),
                default=models.Value(1.0),
                output_field=models.FloatField(),
            )
            for prefixes in terms
        ]
        return found.annotate(rank=reduce(add, ranks))

    def refresh_search_vectors(self) -> None:
        """Make the search tokens of these activities again (and PostgreSQL's vector of them).

        Called by every workflow that changes an activity's text, or the name of its
        organisation, district or kind of activity.
        """
        searchtext.store_tokens(self)
        catalogue.changed()

    def stale(self, today: date):
        """Published activities not verified for twelve months (or never)."""
        limit = today - timedelta(days=STALE_DAYS)
        return self.published().filter(
            models.Q(last_verified_on__lt=limit) | models.Q(last_verified_on__isnull=True)
        )

    def due_for_reminder(self, today: date):
        """Published activities not verified for six months: their partners get a reminder.

        At most one reminder a month per activity.
        """
        limit = today - timedelta(days=VERIFY_REMINDER_DAYS)
        last_month = today - timedelta(days=REMIND_AGAIN_DAYS)
        return self.published().filter(
            models.Q(last_verified_on__lt=limit) | models.Q(last_verified_on__isnull=True),
            models.Q(reminder_sent_on__lt=last_month) | models.Q(reminder_sent_on__isnull=True),
        )


class Activity(models.Model):
    """An activity or meeting place on the social map: an Open Referral HSDS *service*."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TEMPORARILY_CLOSED = "temporarily_closed", _("temporarily closed")
        ENDED = "ended", _("ended")

    class Publication(models.TextChoices):
        DRAFT = "draft", _("draft")
        PENDING = "pending", _("waiting for review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    class ScheduleKind(models.TextChoices):
        NONE = schedule.NONE, _("no fixed times (by appointment)")
        WEEKLY = schedule.WEEKLY, _("weekly, or every few weeks")
        MONTHLY = schedule.MONTHLY, _("monthly on a weekday")
        DATES = schedule.DATES, _("on separate dates")

    class MonthWeek(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")
        THIRD = 3, _("third")
        FOURTH = 4, _("fourth")
        LAST = -1, _("last")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    title = models.CharField(_("name"), max_length=150)
    summary = models.CharField(_("short summary"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    activity_types = models.ManyToManyField(
        ActivityType, verbose_name=_("kind of activity"), related_name="activities"
    )
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="activities",
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )

    # Where
    venue_name = models.CharField(_("name of the venue"), max_length=150, blank=True)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("town"), max_length=80, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        limit_choices_to={"kind": "district"},
    )
    step_free = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    parking = models.BooleanField(_("parking nearby"), default=False)
    public_transport = models.BooleanField(_("public transport nearby"), default=False)
    accessibility_notes = models.TextField(_("notes on accessibility"), blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("link for online participation"), blank=True)

    # When (local times, Europe/Amsterdam)
    schedule_kind = models.CharField(
        _("how often"), max_length=10, choices=ScheduleKind.choices, default=schedule.NONE
    )
    weekdays = models.CharField(
        _("weekdays"), max_length=20, blank=True, help_text="MO,TU,WE,TH,FR,SA,SU"
    )
    interval = models.PositiveSmallIntegerField(
        _("every how many weeks or months"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    month_week = models.SmallIntegerField(
        _("which week of the month"), choices=MonthWeek.choices, null=True, blank=True
    )
    dates = models.JSONField(_("dates"), default=list, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_until = models.DateField(_("until"), null=True, blank=True)

    # Cost and joining
    is_free = models.BooleanField(_("free"), default=True)
    price = models.DecimalField(
        _("price in euro"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_notes = models.CharField(_("notes on the cost"), max_length=200, blank=True)
    how_to_join = models.TextField(_("how to join"), blank=True)
    referral_needed = models.BooleanField(_("a referral is needed"), default=False)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)

    # Contact
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)

    # State
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    alert = models.CharField(_("notice"), max_length=250, blank=True)
    publication_state = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    last_verified_on = models.DateField(_("last checked on"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last checked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Search tokens (network.socialmap.searchtext), made by refresh_search_vectors(); on
    # PostgreSQL search_vector holds them all for its GIN index.
    search_title = models.TextField(default="", editable=False)
    search_summary = models.TextField(default="", editable=False)
    search_rest = models.TextField(default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    reminder_sent_on = models.DateField(_("last reminder sent on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [
            ("moderate_activity", "Can publish, reject, check and import any activity"),
        ]
        indexes = [
            models.Index(fields=["publication_state", "title", "id"], name="act_public_idx"),
            models.Index(fields=["publication_state", "status"], name="act_state_idx"),
            models.Index(fields=["publication_state", "last_verified_on"], name="act_fresh_idx"),
            models.Index(fields=["district", "publication_state"], name="act_district_idx"),
            models.Index(fields=["is_free"], name="act_free_idx"),
            models.Index(fields=["is_online"], name="act_online_idx"),
            models.Index(fields=["updated_at"], name="act_updated_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:activity", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.publication_state == self.Publication.PUBLISHED

    def rule(self) -> schedule.Rule:
        return schedule.Rule(
            kind=self.schedule_kind,
            weekdays=schedule.parse_weekdays(self.weekdays),
            interval=self.interval or 1,
            month_week=self.month_week,
            dates=tuple(date.fromisoformat(d) for d in self.dates or ()),
            valid_from=self.valid_from,
            valid_until=self.valid_until,
        )

    def next_dates(self, today: date, count: int = 5) -> list[date]:
        if self.status != self.Status.ACTIVE:
            return []
        return schedule.next_dates(self.rule(), today=today, count=count)

    def is_stale(self, today: date) -> bool:
        limit = today - timedelta(days=STALE_DAYS)
        return self.last_verified_on is None or self.last_verified_on < limit

    def accessibility_features(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ACCESSIBILITY_FIELDS
            if getattr(self, name)
        ]

    def language_names(self) -> list[str]:
        names = dict(LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages or ()]

    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None
