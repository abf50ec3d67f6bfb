"""Intake: a signal comes in (the public form, a partner, the desk), gets its reference and
queues its mails."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from signals.models import Signal, SignalCounter, SignalEvent, SignalMail
from signals.services.mail import queue_mails
from signals.services.workflow import in_site_language

Kind = SignalEvent.Kind


def next_reference(*, year: int) -> str:
    """S-2026-00042: the next number of the year, in one query: an upsert of the year's
    counter row, which stays locked until the transaction ends (PostgreSQL and SQLite both
    take the row lock of ``INSERT … ON CONFLICT DO UPDATE``), so no number is handed out
    twice and a rolled-back signal gives its number back."""
    table = connection.ops.quote_name(SignalCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (year, last_number) VALUES (%s, 1) "  # noqa: S608 (our table)
            f"ON CONFLICT (year) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING last_number",
            [year],
        )
        (number,) = cursor.fetchone()
    return f"S-{year}-{number:05d}"


def stored_signal(*, form_token: str | None) -> Signal | None:
    """The signal stored from the form with this token: a resend of a form whose answer was
    lost (a dropped connection, a database error after the commit) finds its first signal."""
    if not form_token:
        return None
    return Signal.objects.filter(form_token=form_token).first()


def decoy_thanks(*, now: datetime.datetime) -> tuple[str, datetime.date]:
    """A reference and contact date for the robot caught by the honeypot, shaped like a real
    one (near the next number of the year), so that it cannot tell it was caught. Nothing is
    stored and no number is used up."""
    today = timezone.localdate(now)
    counter = SignalCounter.objects.filter(year=today.year).values_list("last_number", flat=True)
    number = (counter.first() or 0) + 1 + secrets.randbelow(3)
    return f"S-{today.year}-{number:05d}", Signal.first_contact_due(today)


@in_site_language
def submit_signal(
    *,
    data: dict,
    target_groups,
    channel: str,
    reported_by: User | None = None,
    form_token: str | None = None,
) -> tuple[Signal, bool]:
    """Store a signal and queue its mails. With a form token seen before, return the signal
    stored the first time and ``False``: a double submit stores once. The unique form token
    decides (the view looks it up first, so a resend costs one query): a second insert with
    the same token fails, rolls back with its number and finds the first signal."""
    try:
        with transaction.atomic():
            signal = _create_signal(
                data=data,
                target_groups=target_groups,
                channel=channel,
                reported_by=reported_by,
                form_token=form_token,
            )
    except IntegrityError:
        existing = stored_signal(form_token=form_token)
        if existing is None:
            raise
        return existing, False
    return signal, True


def _create_signal(*, data, target_groups, channel, reported_by, form_token) -> Signal:
    now = timezone.now()
    signal = Signal(**data, channel=channel, reported_by=reported_by, form_token=form_token)
    if signal.is_anonymous:
        for field in ("contact_name", "contact_phone", "contact_email", "contact_address"):
            setattr(signal, field, "")
        signal.contact_when = ""
    signal.created_at = now
    signal.contact_due = Signal.first_contact_due(timezone.localdate(now))
    # New, not contacted, no call-back or referral: what ``refresh_action_dates`` would store.
    signal.open_contact_due = signal.action_on = signal.contact_due
    signal.reference = next_reference(year=timezone.localdate(now).year)
    signal.save()
    if target_groups:  # a new signal has none yet: insert, no read of what is there
        through = Signal.target_groups.through
        through.objects.bulk_create(
            [through(signal=signal, targetgroup=group) for group in target_groups]
        )
    created = SignalEvent(
        signal=signal,
        kind=Kind.CREATED,
        by=reported_by,
        detail=_("Received via %(channel)s.") % {"channel": signal.get_channel_display()},
    )
    link = absolute_url(reverse("signals:detail", args=[signal.reference]))
    mails = [
        SignalMail(
            signal=signal,
            kind=SignalMail.Kind.NOTIFICATION,
            to=settings.COORDINATOR_EMAIL,
            subject=_("New signal %(reference)s") % {"reference": signal.reference},
            body=_(
                "A new signal %(reference)s has come in via %(channel)s.\n"
                "Open it in the signal workspace: %(link)s\n"
            )
            % {
                "reference": signal.reference,
                "channel": signal.get_channel_display(),
                "link": link,
            },
        )
    ]
    if signal.contact_email:
        mails.append(
            SignalMail(
                signal=signal,
                kind=SignalMail.Kind.CONFIRMATION,
                to=signal.contact_email,
                subject=_("We received your report %(reference)s")
                % {"reference": signal.reference},
                body=_(
                    "Thank you for your report. Your reference is %(reference)s.\n\n"
                    "A coordinator of the Sociaal Servicepunt will contact you before "
                    "%(due)s.\n"
                    "Questions? Call %(phone)s and mention your reference.\n"
                )
                % {
                    "reference": signal.reference,
                    "due": date_format(signal.contact_due, "DATE_FORMAT"),
                    "phone": settings.SUPPORT_PHONE,
                },
            )
        )
    queue_mails(signal=signal, mails=mails, events=[created])
    return signal
