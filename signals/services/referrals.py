"""Referral of the person to activities or partners, and the follow-up some weeks later."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from signals.models import Referral, Signal, SignalEvent
from signals.services.partner_mail import mail_partners
from signals.services.triage import reopen_signal, set_status
from signals.services.workflow import guarded, in_site_language, record_event

Status = Signal.Status
Kind = SignalEvent.Kind


REFERABLE = (Status.CONTACTED, Status.REFERRED)


def refer_signal(
    *,
    signal: Signal,
    by: User,
    activities,
    organisations,
    note: str,
    person_agreed: bool,
    follow_up_on: datetime.date,
) -> list[Referral]:
    """Refer the person to activities and/or partner organisations; the signal becomes
    "referred". One referral per activity (its organisation is stored with it). The partner
    users of each organisation get a mail with a link to the referral (no personal data).
    ``person_agreed`` is the coordinator's confirmation that this partner may see the name and
    phone number; it only counts when the person said yes on the form (``share_contact``)."""

    def problem(locked):
        if locked.status not in REFERABLE:
            return _("Make contact before you refer the person.")
        if not activities and not organisations:
            return _("Choose at least one activity or partner.")
        return None

    def apply(locked):
        common = {
            "signal": locked,
            "created_by": by,
            "note": note,
            "person_agreed": person_agreed,
            "follow_up_on": follow_up_on,
        }
        referrals = [
            Referral.objects.create(activity=a, organisation=a.organisation, **common)
            for a in activities
        ] + [Referral.objects.create(organisation=o, **common) for o in organisations]
        for referral in referrals:
            record_event(
                signal=locked,
                kind=Kind.REFERRED,
                by=by,
                detail=_("To %(target)s; follow up on %(date)s.")
                % {
                    "target": referral.target_name,
                    "date": date_format(follow_up_on, "DATE_FORMAT"),
                },
            )
        if locked.status != Status.REFERRED:
            set_status(locked, Status.REFERRED, by)
        for referral in referrals:
            mail_partners(referral, "new")
        return referrals

    return guarded(signal, by, problem, apply)


def default_follow_up(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(weeks=settings.SIGNAL_FOLLOW_UP_WEEKS)


@in_site_language
def record_follow_up(
    *,
    referral: Referral,
    by: User,
    went: str,
    helps: str,
    more_needed: bool,
    note: str = "",
) -> Referral:
    """Store the answers of the follow-up. When more help is needed on a closed signal, the
    signal reopens."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        referral.went, referral.helps, referral.more_needed = went, helps, more_needed
        referral.follow_up_note = note
        referral.followed_up_at = timezone.now()
        referral.save()
        Signal.objects.filter(pk=referral.signal_id).refresh_action_dates()
        answers = _("Went: %(went)s. Helps: %(helps)s. More needed: %(more)s.") % {
            "went": referral.get_went_display(),
            "helps": referral.get_helps_display(),
            "more": _("yes") if more_needed else _("no"),
        }
        record_event(
            signal=referral.signal,
            kind=Kind.FOLLOW_UP,
            by=by,
            detail=f"{referral.target_name}: {answers} {note}".strip(),
        )
    if more_needed and referral.signal.status == Status.CLOSED:
        reopen_signal(
            signal=referral.signal,
            by=by,
            reason=_("More help is needed after the follow-up."),
        )
    return referral
