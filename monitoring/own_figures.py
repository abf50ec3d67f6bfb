"""The coalition's own figures for one year: signals (demand and handling), activities
(supply) and the partner network (declarations, ambassadors, meetings), each as a chart and
a table. A fixed number of queries, whatever the data size.

The rules come from their apps: a signal is on time when its first contact was on or before
its ``contact_due`` (set by the signals app), working days are the signals app's.
"""

import datetime
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from coalition.models import TargetGroup
from monitoring import figures
from monitoring.campaign_figures import campaign_figure
from monitoring.figure_rows import (  # noqa: F401 (also used from here by others)
    MIN_FOR_SHARE,
    OwnFigure,
    chart_count,
    share,
    share_value,
    working_days_between,
)
from monitoring.neighbourhoods import shown_count
from monitoring.referral_figures import referral_figures
from monitoring.satisfaction import answers_per_channel
from network.models import Activity, Meeting, Membership, Participation, Person
from network.models.ambassadors import active_since
from signals.models import Referral, SatisfactionAnswer, Signal


@dataclass
class SignalFacts:
    month: int
    channel: str
    working_days: int | None
    on_time: bool | None
    referred: bool
    followed_up: bool
    groups: list[int]


def load_signals(year: int) -> list[SignalFacts]:
    signals = Signal.objects.filter(created_at__year=year)
    rows = signals.values_list("id", "created_at", "channel", "first_contact_at", "contact_due")
    links = Signal.target_groups.through.objects.filter(signal__in=signals).values_list(
        "signal_id", "targetgroup_id"
    )
    groups = defaultdict(list)
    for signal_id, group_id in links:
        groups[signal_id].append(group_id)
    referred, followed = set(), set()
    for signal_id, followed_up_at in Referral.objects.filter(signal__in=signals).values_list(
        "signal_id", "followed_up_at"
    ):
        referred.add(signal_id)
        if followed_up_at:
            followed.add(signal_id)
    facts = []
    for signal_id, created_at, channel, first_contact_at, contact_due in rows:
        received = timezone.localdate(created_at)
        contact = timezone.localdate(first_contact_at) if first_contact_at else None
        facts.append(
            SignalFacts(
                month=received.month,
                channel=channel,
                working_days=working_days_between(received, contact) if contact else None,
                on_time=(contact <= contact_due) if contact else None,
                referred=signal_id in referred,
                followed_up=signal_id in followed,
                groups=groups[signal_id],
            )
        )
    return facts


def per_month_figure(key, title, caption, facts, categories) -> OwnFigure:
    """Signals per month, one column per category (key, label, test)."""
    counts = {label: Counter() for _key, label, _test in categories}
    for fact in facts:
        for _key, label, test in categories:
            if test(fact):
                counts[label][fact.month] += 1
    months = [str(MONTHS[m]) for m in range(1, 13)]
    rows = [
        [months[m - 1]] + [shown_count(counts[label][m]) or "0" for label in counts]
        for m in range(1, 13)
    ]
    rows.append(
        [_("Total")] + [shown_count(sum(counts[label].values())) or "0" for label in counts]
    )
    series = {label: [chart_count(counts[label][m]) for m in range(1, 13)] for label in counts}
    return OwnFigure(
        key=key,
        title=title,
        caption=caption,
        columns=[_("Month"), *counts],
        rows=rows,
        figure=figures.bars(months, series, axis_title=_("Number of signals")),
    )


def handling_figure(facts) -> OwnFigure:
    months = [str(MONTHS[m]) for m in range(1, 13)]
    rows, on_time_shares, referred_shares = [], [], []
    for month in [*range(1, 13), None]:
        chosen = [f for f in facts if month is None or f.month == month]
        contacted = [f for f in chosen if f.working_days is not None]
        referred = [f for f in chosen if f.referred]
        on_time = sum(1 for f in contacted if f.on_time)
        median = (
            statistics.median(f.working_days for f in contacted)
            if len(contacted) >= MIN_FOR_SHARE
            else None
        )
        rows.append(
            [
                months[month - 1] if month else _("Total"),
                shown_count(len(chosen)) or "0",
                shown_count(len(contacted)) or "0",
                "–" if median is None else f"{median:g}",
                share(on_time, len(contacted)),
                share(len(referred), len(chosen)),
                share(sum(1 for f in referred if f.followed_up), len(referred)),
            ]
        )
        if month:
            on_time_shares.append(share_value(on_time, len(contacted)))
            referred_shares.append(share_value(len(referred), len(chosen)))
    return OwnFigure(
        key="handling",
        title=_("Handling of signals"),
        caption=_(
            "Per month: signals received, with a first contact, the median number of working "
            "days to the first contact, the share contacted within the promised term, the "
            "share referred, and of the referred signals the share with a follow-up recorded."
        ),
        columns=[
            _("Month"),
            _("Received"),
            _("Contacted"),
            _("Median working days to first contact"),
            _("Contacted within the promised term"),
            _("Referred"),
            _("Follow-up recorded (of referred)"),
        ],
        rows=rows,
        figure=figures.lines(
            months,
            {
                _("Contacted within the promised term"): on_time_shares,
                _("Referred"): referred_shares,
            },
            axis_title=_("Share of signals (%)"),
        ),
    )


def activities_figure(target_groups) -> OwnFigure:
    counts = dict(
        Activity.objects.published()
        .filter(target_groups__in=target_groups)
        .values_list("target_groups")
        .annotate(number=Count("id", distinct=True))
        .order_by()
    )
    names = [group.name for group in target_groups]
    numbers = [counts.get(group.id, 0) for group in target_groups]
    return OwnFigure(
        key="activities",
        title=_("Published activities per target group"),
        caption=_(
            "Activities on the social map now, per target group (an activity can be for more "
            "than one group)."
        ),
        columns=[_("Target group"), _("Published activities")],
        rows=[[name, str(number)] for name, number in zip(names, numbers, strict=True)],
        figure=figures.bars(
            names, {_("Published activities"): numbers}, axis_title=_("Number of activities")
        ),
    )


def partners_figure(year: int) -> OwnFigure:
    """Declarations of intent signed per month and the number of partners at each month's end
    (organisations still active), in one query."""
    members = Membership.objects.filter(organisation__is_active=True)
    counts = members.aggregate(
        before=Count("id", filter=Q(signed_on__year__lt=year)),
        **{
            f"m{m}": Count("id", filter=Q(signed_on__year=year, signed_on__month=m))
            for m in range(1, 13)
        },
    )
    months = [str(MONTHS[m]) for m in range(1, 13)]
    signed = [counts[f"m{m}"] for m in range(1, 13)]
    totals = [counts["before"] + sum(signed[:m]) for m in range(1, 13)]
    rows = [[months[i], str(signed[i]), str(totals[i])] for i in range(12)]
    rows.append([_("Total"), str(sum(signed)), str(totals[-1])])
    return OwnFigure(
        key="partners",
        title=_("Partners and signed declarations of intent"),
        caption=_(
            "Per month: the declarations of intent signed, and the number of partners "
            "(organisations that signed) at the end of the month."
        ),
        columns=[_("Month"), _("Declarations signed"), _("Partners")],
        rows=rows,
        figure=figures.lines(
            months,
            {_("Partners"): totals, _("Declarations signed"): signed},
            axis_title=_("Number of organisations"),
        ),
    )


def network_activity_figure(year: int) -> OwnFigure:
    """Ambassadors who completed a training, and network meetings held, per month."""
    trained = Participation.objects.filter(
        completed=True, person__is_ambassador=True, training__held_on__year=year
    ).values_list("person_id", "training__held_on")
    per_month = defaultdict(set)
    for person_id, held_on in trained:
        per_month[held_on.month].add(person_id)
    meetings = (
        Meeting.objects.filter(starts_at__year=year, starts_at__lt=timezone.now())
        .annotate(attended=Count("registrations", filter=Q(registrations__attended=True)))
        .values_list("starts_at", "attended")
    )
    held, attendees = Counter(), Counter()
    for starts_at, attended in meetings:
        month = timezone.localtime(starts_at).month
        held[month] += 1
        attendees[month] += attended
    months = [str(MONTHS[m]) for m in range(1, 13)]
    rows = [
        [months[m - 1], str(len(per_month[m])), str(held[m]), str(attendees[m])]
        for m in range(1, 13)
    ]
    everyone = set().union(*per_month.values()) if per_month else set()
    rows.append(
        [_("Total"), str(len(everyone)), str(sum(held.values())), str(sum(attendees.values()))]
    )
    return OwnFigure(
        key="network",
        title=_("Trained ambassadors and network meetings held"),
        caption=_(
            "Per month: ambassadors who completed a training, network meetings that took "
            "place and the people who attended them."
        ),
        columns=[_("Month"), _("Ambassadors trained"), _("Meetings held"), _("Attendees")],
        rows=rows,
        figure=figures.bars(
            months,
            {
                _("Ambassadors trained"): [len(per_month[m]) for m in range(1, 13)],
                _("Meetings held"): [held[m] for m in range(1, 13)],
            },
            axis_title=_("Number"),
        ),
    )


def ambassadors_figure(today: datetime.date) -> OwnFigure:
    """Ambassadors trained and active today, per target group they work with (one query)."""
    counts = (
        Person.objects.ambassadors()
        .filter(anonymised_at=None)
        .values("target_group__name")
        .annotate(
            trained=Count("pk", distinct=True),
            active=Count(
                "pk", filter=Q(contributions__date__gte=active_since(today)), distinct=True
            ),
        )
        .order_by("target_group__name")
    )
    groups = [(c["target_group__name"] or _("No target group"), c) for c in counts]
    rows = [[name, str(c["trained"]), str(c["active"])] for name, c in groups]
    rows.append(
        [
            _("Total"),
            str(sum(c["trained"] for _n, c in groups)),
            str(sum(c["active"] for _n, c in groups)),
        ]
    )
    return OwnFigure(
        key="ambassadors",
        title=_("Ambassadors: trained and active"),
        caption=_(
            "Today, per target group the ambassador works with: ambassadors trained, and "
            "those with a contribution in the last months (active)."
        ),
        columns=[_("Target group"), _("Trained"), _("Active")],
        rows=rows,
        figure=figures.bars(
            [name for name, _c in groups],
            {
                _("Trained"): [c["trained"] for _n, c in groups],
                _("Active"): [c["active"] for _n, c in groups],
            },
            axis_title=_("Number of ambassadors"),
        ),
    )


def satisfaction_figure(year: int) -> OwnFigure:
    channels, Answer = answers_per_channel(year), SatisfactionAnswer.Answer
    rows = [
        [name, shown_count(n.total()) or "0"]
        + [shown_count(n[a]) or "0" for a in Answer]
        + [share(n[Answer.YES], n.total())]
        for name, n in channels
    ]
    return OwnFigure(
        key="satisfaction",
        title=_("Are reporters satisfied?"),
        caption=_("Answers of reporters after the first contact and after closing, per channel."),
        columns=[_("Channel"), _("Answers"), *(str(a.label) for a in Answer), _("Satisfied")],
        rows=rows,
        figure=figures.bars(
            [name for name, _n in channels[:-1]],
            {str(a.label): [chart_count(n[a]) for _name, n in channels[:-1]] for a in Answer},
            axis_title=_("Number of answers"),
        ),
    )


def own_figures(*, year: int) -> dict:
    target_groups = list(TargetGroup.objects.active())
    facts = load_signals(year)
    by_group = per_month_figure(
        "per-group",
        _("Signals per month per target group"),
        _("A signal can be about more than one target group."),
        facts,
        [(g.slug, g.name, lambda f, g=g: g.id in f.groups) for g in target_groups]
        + [("none", _("No target group"), lambda f: not f.groups)],
    )
    by_channel = per_month_figure(
        "per-channel",
        _("Signals per month per channel"),
        _("How the signals came in."),
        facts,
        [(c.value, str(c.label), lambda f, c=c: f.channel == c) for c in Signal.Channel],
    )
    return {
        "year": year,
        "signal_count": len(facts),
        "figures": [
            by_group,
            by_channel,
            handling_figure(facts),
            activities_figure(target_groups),
            partners_figure(year),
            network_activity_figure(year),
            ambassadors_figure(timezone.localdate()),
            *referral_figures(year=year, target_groups=target_groups, today=timezone.localdate()),
            satisfaction_figure(year),
            campaign_figure(year),
        ],
    }
