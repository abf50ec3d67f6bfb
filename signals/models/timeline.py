"""A signal's timeline: one append-only row for everything that happens to it."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signals.models.signal import Signal


class AppendOnlyError(Exception):
    pass


class SignalEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Signal events are never changed.")

    def delete(self):
        raise AppendOnlyError("Signal events are never deleted.")

    def redact(self) -> int:
        """Blank the free text of these events; only for anonymisation (kind, who and when
        stay)."""
        return super().update(detail="")


class SignalEvent(models.Model):
    """One line of a signal's timeline. Append-only: see ``save`` and the queryset."""

    class Kind(models.TextChoices):
        CREATED = "created", _("received")
        VIEWED = "viewed", _("personal data viewed")
        ASSIGNED = "assigned", _("assigned")
        STATUS = "status", _("status changed")
        NOTE = "note", _("note")
        CONTACT_ATTEMPT = "contact_attempt", _("contact attempt")
        CALL_BACK = "call_back", _("call-back agreed")
        DUPLICATE = "duplicate", _("linked as duplicate")
        CLOSED = "closed", _("closed")
        REOPENED = "reopened", _("reopened")
        REFUSED = "refused", _("action refused")
        MAIL_QUEUED = "mail_queued", _("e-mail queued")
        MAIL_SENT = "mail_sent", _("e-mail sent")
        MAIL_FAILED = "mail_failed", _("e-mail failed")
        REFERRED = "referred", _("referred")
        FOLLOW_UP = "follow_up", _("follow-up")
        ACCEPTED = "accepted", _("referral accepted")
        DECLINED = "declined", _("referral declined")
        PARTNER_CONTACT = "partner_contact", _("first contact by the partner")
        CAME = "came", _("came to the activity")
        REGULAR = "regular", _("comes regularly")
        STOPPED = "stopped", _("did not come or stopped")
        REMINDED = "reminded", _("reminder about a referral")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("consent to pass on withdrawn")
        WITHDRAWN = "withdrawn", _("referral withdrawn")
        EXPORTED = "exported", _("data exported")
        ANONYMISED = "anonymised", _("anonymised")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    detail = models.TextField(_("detail"), blank=True)

    objects = SignalEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("signal event")
        verbose_name_plural = _("signal events")
        indexes = [models.Index(fields=["signal", "at"], name="signalevent_signal_at")]

    def __str__(self):
        return f"{self.signal_id} {self.get_kind_display()}"

    # The audit trail must not change, whoever calls save() or delete(); this guard is the
    # one exception to "no logic in save()".
    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Signal events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Signal events are never deleted.")


@dataclass
class FoldedViews:
    """The looks at a signal's personal data by one person on one day, as one timeline line."""

    by: object
    at: datetime.datetime  # the latest
    first_at: datetime.datetime
    count: int = 1
    kind: str = SignalEvent.Kind.VIEWED
    detail: str = ""

    def get_kind_display(self) -> str:
        return SignalEvent.Kind.VIEWED.label


def fold_views(events: list[SignalEvent]) -> list:
    """``events`` (newest first) with the "personal data viewed" rows folded into one line
    per person per day, at the place of the latest; so the real events stand out."""
    folded, lines = {}, []
    for event in events:
        if event.kind != SignalEvent.Kind.VIEWED:
            lines.append(event)
            continue
        key = (event.by_id, timezone.localdate(event.at))
        if key in folded:
            folded[key].count += 1
            folded[key].first_at = event.at
        else:
            folded[key] = FoldedViews(by=event.by, at=event.at, first_at=event.at)
            lines.append(folded[key])
    return lines


def timeline(signal) -> list:
    """What ``fold_views`` makes of the signal's events, with the views folded by the
    database: two queries, whose rows grow with the real events and the days with views, not
    with every look at the page (each look adds a "viewed" row)."""
    viewed = SignalEvent.Kind.VIEWED
    lines = list(signal.events.exclude(kind=viewed).select_related("by").order_by("-at", "-pk"))
    days = (
        signal.events.filter(kind=viewed)
        .annotate(day=TruncDate("at"))
        .values("by", "day", "by__username", "by__first_name", "by__last_name")
        .annotate(count=Count("pk"), last=Max("at"), first=Min("at"))
        .order_by()
    )
    for row in days:
        by = None
        if row["by"] is not None:
            by = get_user_model()(
                pk=row["by"],
                username=row["by__username"],
                first_name=row["by__first_name"],
                last_name=row["by__last_name"],
            )
        lines.append(FoldedViews(by=by, at=row["last"], first_at=row["first"], count=row["count"]))
    return sorted(lines, key=lambda line: line.at, reverse=True)
