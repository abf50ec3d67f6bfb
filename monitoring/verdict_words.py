"""The trend-break verdict in plain words for residents: what happened, without statistics.
The figures behind it (interval, percentage points, significance) are on the page under
"How do we know this?"."""

from django.utils.translation import gettext as _

from monitoring import trend


def people(group_name: str) -> str:
    """The group as the subject of a sentence: a one-word name is a plural noun ("ouderen",
    "mantelzorgers"); a longer one ("Moeilijk rondkomen") reads as "people in the group …"."""
    name = group_name.strip()
    if " " not in name:
        return name.lower()
    return _("people in the group “%(name)s”") % {"name": name.lower()}


def in_words(result: trend.Evaluation, *, group: str, indicator: str) -> str:
    words = {"people": people(group), "feeling": indicator.lower(), "year": result.previous_year}
    if result.verdict == trend.NOT_ASSESSABLE:
        return _("We cannot say yet whether fewer %(people)s feel %(feeling)s.") % words
    if result.verdict == trend.TREND_BROKEN:
        if result.rising:
            return _("Fewer %(people)s feel %(feeling)s than the trend led us to expect.") % words
        return _("Fewer %(people)s feel %(feeling)s than in %(year)s.") % words
    if result.verdict == trend.FLATTENED:
        if result.rising:
            return (
                _(
                    "Somewhat fewer %(people)s feel %(feeling)s than the trend led us to "
                    "expect, but that may be chance."
                )
                % words
            )
        return _("Not more %(people)s feel %(feeling)s than in %(year)s: no rise.") % words
    if result.rising:
        return (
            _("As many or more %(people)s feel %(feeling)s as the trend led us to expect.") % words
        )
    return _("More %(people)s feel %(feeling)s than in %(year)s.") % words
