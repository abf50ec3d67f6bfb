"""How satisfied reporters are (issue 14): the answers to the question in the mails after
the first contact and after closing, counted per channel of the signal, in one query."""

from collections import Counter, defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _

from signals.models import SatisfactionAnswer, Signal


def answers_per_channel(year: int) -> list[tuple[str, Counter]]:
    """``(channel name, Counter({answer: number}))`` for every channel and then the total,
    for the answers about signals received in ``year``."""
    rows = (
        SatisfactionAnswer.objects.filter(signal__created_at__year=year)
        .values_list("signal__channel", "answer")
        .annotate(number=Count("id"))
        .order_by()
    )
    counts = defaultdict(Counter)
    for channel, answer, number in rows:
        counts[channel][answer] += number
    channels = [(str(c.label), counts[c]) for c in Signal.Channel]
    return [*channels, (_("Total"), sum(counts.values(), Counter()))]
