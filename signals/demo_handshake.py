"""Demo referrals in every state of the handshake, to an activity of the demo partner's
organisation, so partner@example.org finds a filled inbox. Driven by the real services.

Safe to run twice: each demo signal has a fixed form token and is only made once.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from signals.models import Referral, Signal, SignalEvent
from signals.services import handshake, referrals, triage, workflow

# state of the referral: how the partner answered (or did not)
STATES = (
    "new",
    "accepted",
    "declined",
    "first_contact",
    "came",
    "regular",
    "stopped",
    "reminded",
    "escalated",
)


def seed(stdout, *, make_signal) -> None:
    """``make_signal(n, token)`` makes a demo signal (from signals/demo.py)."""
    from network.models import Activity

    coordinator = User.objects.filter(username="coordinator@example.org").first()
    partner = User.objects.filter(username="partner@example.org").first()
    activity = (
        Activity.objects.published().filter(organisation__users=partner).order_by("pk").first()
        if partner
        else None
    )
    if coordinator is None or activity is None:
        stdout.write("Referral demo skipped: run the network demo first.\n")
        return
    made = 0
    for n, state in enumerate(STATES, start=1):
        token = f"demo-referral-{state}"
        if Signal.objects.filter(form_token=token).exists():
            continue
        with transaction.atomic():
            signal = make_signal(100 + n, token)
            signal.share_contact = n % 2 == 1
            signal.save(update_fields=["share_contact"])
            _walk(signal, state, coordinator, partner, activity)
        made += 1
    stdout.write(f"Referrals: {made} demo referrals added ({len(STATES)} states).\n")


def _walk(signal, state, coordinator, partner, activity) -> None:
    signal = triage.assign_signal(signal=signal, by=coordinator, to=coordinator)
    triage.log_contact_attempt(
        signal=signal, by=coordinator, at=timezone.now(), channel="phone", reached=True
    )
    signal.refresh_from_db()
    [referral] = referrals.refer_signal(
        signal=signal,
        by=coordinator,
        activities=[activity],
        organisations=[],
        note="(Demo) Houdt van een praatje; liefst 's ochtends.",
        person_agreed=signal.share_contact,
        follow_up_on=referrals.default_follow_up(timezone.localdate()),
    )
    today = timezone.localdate()
    if state in ("reminded", "escalated"):
        _unanswered(referral, escalated=state == "escalated")
    elif state == "declined":
        handshake.decline_referral(referral=referral, by=partner, reason="full")
    elif state != "new":
        handshake.accept_referral(referral=referral, by=partner)
        if state != "accepted":
            handshake.record_partner_outcome(
                referral=referral,
                by=partner,
                kind=state,
                on=today - datetime.timedelta(days=1),
                reason="(Demo) Te ver weg." if state == "stopped" else "",
            )


def _unanswered(referral: Referral, *, escalated: bool) -> None:
    """As if the partner did not answer for two weeks (and the reminders went out)."""
    now = timezone.now()
    Referral.objects.filter(pk=referral.pk).update(
        created_at=now - datetime.timedelta(days=14),
        reminded_at=now - datetime.timedelta(days=9),
        escalated_at=now - datetime.timedelta(days=4) if escalated else None,
    )
    with workflow.site_language():
        workflow.record_event(
            signal=referral.signal,
            kind=SignalEvent.Kind.REMINDED,
            detail=_("Reminder sent to %(target)s.") % {"target": referral.target_name},
        )
