"""The referral handshake in the coalition's own figures: per target group, per partner
organisation and per district, the referrals of the year accepted, declined and unanswered,
the median working days to the partner's first contact, and of the accepted referrals the
share where the person came and the share still taking part ("comes regularly" as the
partner's last answer). Two queries, whatever the data size.

A referral is unanswered when the partner's answer term (``REFERRAL_ANSWER_WORKING_DAYS``,
the signals app's) has passed without an answer; withdrawn referrals are left out.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring import figures
from monitoring.figure_rows import OwnFigure, share, working_days_between
from monitoring.neighbourhoods import shown_count
from signals.models import Referral, Signal
from signals.services.reminders import answer_due

State = Referral.State
Participation = Referral.Participation


@dataclass
class ReferralFacts:
    state: str
    unanswered: bool
    working_days: int | None
    came: bool
    still_taking_part: bool
    organisation: str
    district: str
    groups: list[int]


def load_referrals(year: int, today) -> list[ReferralFacts]:
    referrals = Referral.objects.filter(created_at__year=year, withdrawn_at=None)
    rows = referrals.values_list(
        "signal_id",
        "state",
        "created_at",
        "first_contact_on",
        "participation",
        "organisation__name",
        "signal__district__name",
    )
    links = Signal.target_groups.through.objects.filter(
        signal__in=referrals.values("signal_id")
    ).values_list("signal_id", "targetgroup_id")
    groups = defaultdict(list)
    for signal_id, group_id in links:
        groups[signal_id].append(group_id)
    facts = []
    for signal_id, state, created_at, first_contact_on, participation, org, district in rows:
        referred_on = timezone.localdate(created_at)
        facts.append(
            ReferralFacts(
                state=state,
                unanswered=state == State.NEW and answer_due(created_at) < today,
                working_days=working_days_between(referred_on, first_contact_on)
                if first_contact_on
                else None,
                came=participation in (Participation.CAME, Participation.REGULAR),
                still_taking_part=participation == Participation.REGULAR,
                organisation=org or _("No organisation"),
                district=district or _("No district"),
                groups=groups[signal_id],
            )
        )
    return facts


def _row(label: str, chosen: list[ReferralFacts]) -> list[str]:
    accepted = [f for f in chosen if f.state == State.ACCEPTED]
    contacted = [f.working_days for f in accepted if f.working_days is not None]
    median = statistics.median(contacted) if len(contacted) >= 5 else None
    return [
        label,
        shown_count(len(chosen)) or "0",
        shown_count(len(accepted)) or "0",
        shown_count(sum(f.state == State.DECLINED for f in chosen)) or "0",
        shown_count(sum(f.unanswered for f in chosen)) or "0",
        "–" if median is None else f"{median:g}",
        share(sum(f.came for f in accepted), len(accepted)),
        share(sum(f.still_taking_part for f in accepted), len(accepted)),
    ]


def _figure(key: str, title: str, first_column: str, groups: dict) -> OwnFigure:
    labels = list(groups)
    rows = [_row(label, groups[label]) for label in labels]
    return OwnFigure(
        key=key,
        title=title,
        caption=_(
            "Referrals made this year: accepted, declined and not answered in time by the "
            "partner, the median number of working days to the partner's first contact, and "
            "of the accepted referrals the share where the person came and the share where "
            "the person still takes part."
        ),
        columns=[
            first_column,
            _("Referrals"),
            _("Accepted"),
            _("Declined"),
            _("Not answered in time"),
            _("Median working days to first contact"),
            _("Came (of accepted)"),
            _("Still taking part (of accepted)"),
        ],
        rows=rows,
        figure=figures.bars(
            labels,
            {
                _("Accepted"): [sum(f.state == State.ACCEPTED for f in groups[x]) for x in labels],
                _("Declined"): [sum(f.state == State.DECLINED for f in groups[x]) for x in labels],
                _("Not answered in time"): [sum(f.unanswered for f in groups[x]) for x in labels],
            },
            axis_title=_("Number of referrals"),
        ),
    )


def _by(facts, key) -> dict:
    grouped = defaultdict(list)
    for fact in facts:
        grouped[key(fact)].append(fact)
    return dict(sorted(grouped.items()))


def referral_figures(*, year: int, target_groups, today) -> list[OwnFigure]:
    facts = load_referrals(year, today)
    per_group = {g.name: [f for f in facts if g.id in f.groups] for g in target_groups}
    per_group[_("No target group")] = [f for f in facts if not f.groups]
    return [
        _figure(
            "referrals-per-group", _("Referrals per target group"), _("Target group"), per_group
        ),
        _figure(
            "referrals-per-partner",
            _("Referrals per partner organisation"),
            _("Partner organisation"),
            _by(facts, lambda f: f.organisation),
        ),
        _figure(
            "referrals-per-district",
            _("Referrals per district"),
            _("District"),
            _by(facts, lambda f: f.district),
        ),
    ]
