"""Own figures per campaign (issue 16): events, registrations, attendance and downloads of the
printable material. Two queries, whatever the number of campaigns and registrations."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from monitoring import figures
from monitoring.figure_rows import OwnFigure
from network.models import Campaign, EventRegistration

Status = EventRegistration.Status


def campaign_figure(year: int) -> OwnFigure:
    """The campaigns that ran in ``year``: people registered (not cancelled), people who came."""
    of_the_year = Campaign.objects.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    campaigns = list(
        of_the_year.annotate(event_count=Count("events", distinct=True)).order_by(
            "starts_on", "title"
        )
    )
    people = {
        row["event__campaign"]: row
        for row in EventRegistration.objects.filter(event__campaign__in=of_the_year)
        .exclude(status=Status.CANCELLED)
        .values("event__campaign")
        .annotate(
            registered=Sum("people", filter=Q(status=Status.CONFIRMED)),
            came=Sum("people", filter=Q(attended=True)),
        )
    }
    counts = []
    for campaign in campaigns:
        row = people.get(campaign.pk, {})
        counts.append(
            (
                campaign.title,
                campaign.event_count,
                row.get("registered") or 0,
                row.get("came") or 0,
                campaign.poster_downloads + campaign.flyer_downloads,
            )
        )
    return OwnFigure(
        key="campaigns",
        title=_("Campaigns: events, registrations, attendance and material"),
        caption=_(
            "Per campaign of this year: its events, the people registered and the people who "
            "came, and how often the poster and flyer were downloaded."
        ),
        columns=[_("Campaign"), _("Events"), _("Registered"), _("Came"), _("Downloads")],
        rows=[[title, *(str(n) for n in numbers)] for title, *numbers in counts],
        figure=figures.bars(
            [c[0] for c in counts],
            {_("Registered"): [c[2] for c in counts], _("Came"): [c[3] for c in counts]},
            axis_title=_("Number of people"),
        ),
    )
