"""The coordinators' queue of signals, with its filters and the (audited) search."""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from signals.forms.triage import (
    QueueFilterForm,
)
from signals.models import Signal
from signals.services.counts import queue_counts
from signals.services.search import record_search

PAGE_SIZE = 25


@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def queue(request):
    filters = QueueFilterForm(request.GET or None)
    today = timezone.localdate()
    visible = Signal.objects.visible_to(request.user)
    signals = filters.filter(visible.for_queue(), user=request.user, today=today)
    counts, failed_mails = queue_counts(request.user)
    paginator = Paginator(signals, PAGE_SIZE)
    if filters.shows_all_open():  # the default view: its total is among the counts
        paginator.count = sum(n for status, n in counts.items() if status not in Signal.FINISHED)
    page = paginator.get_page(request.GET.get("page"))
    if search := filters.search_term():
        kind, term = search
        record_search(by=request.user, kind=kind, term=term, results=page.paginator.count)
    context = {
        "filters": filters,
        "page": page,
        "today": today,
        "counts": [(value, label, counts.get(value, 0)) for value, label in Signal.Status.choices],
        "failed_mails": failed_mails,
    }
    return render(request, "signals/queue.html", context)
