"""A coordinator's day on one page: the signals assigned to them, in sections by what is due."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Page, Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from signals.models import Referral, Signal
from signals.services import counts
from signals.views.queue import PAGE_SIZE

PART_ORDER = Case(
    *(When(call_back_part=part, then=Value(n)) for n, part in enumerate(Signal.DayPart.values)),
    default=Value(len(Signal.DayPart.values)),
    output_field=IntegerField(),
)


@dataclass
class WorkSection:
    key: str  # also the page parameter of its list
    title: str
    explanation: str
    page: Page
    of_referrals: bool = False


def _section(request, key, title, explanation, rows, of_referrals=False):
    return key, title, explanation, rows, of_referrals


def _paged(request, sections: list[tuple]) -> list[WorkSection]:
    """Each section's page; the sizes are counted once per signals version and day
    (``signals/services/counts.py``), not on every request."""
    today = timezone.localdate()
    sizes = counts.cached(
        ("my-work", request.user.pk, today.isoformat()),
        lambda: {key: rows.count() for key, _title, _text, rows, _refs in sections},
    )
    paged = []
    for key, title, explanation, rows, of_referrals in sections:
        paginator = Paginator(rows, PAGE_SIZE)
        paginator.count = sizes[key]  # a cached_property: set, it is not asked again
        page = paginator.get_page(request.GET.get(key))
        paged.append(WorkSection(key, title, explanation, page, of_referrals))
    return paged


@require_safe
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def my_work(request):
    today = timezone.localdate()
    mine = Signal.objects.visible_to(request.user).filter(assigned_to=request.user).open()
    mine = mine.select_related("district")
    referrals = Referral.objects.filter(signal__in=mine).select_related(
        "signal", "activity", "organisation"
    )
    sections = [
        _section(
            request,
            "eerste-contact",
            _("First contact"),
            _("Signals without a first contact yet, the most urgent first."),
            mine.filter(first_contact_at__isnull=True).order_by("contact_due", "created_at", "pk"),
        ),
        _section(
            request,
            "terugbellen",
            _("Call back"),
            _("Call-backs you agreed with the person."),
            mine.filter(call_back_on__isnull=False).order_by("call_back_on", PART_ORDER, "pk"),
        ),
        _section(
            request,
            "nazorg",
            _("Follow-up due"),
            _("Referrals to follow up: ask the person how it went."),
            referrals.follow_up_due(today).order_by("follow_up_on", "pk"),
            of_referrals=True,
        ),
        _section(
            request,
            "wacht-op-antwoord",
            _("Waiting for an answer"),
            _("Referrals without an answer yet; their follow-up is not due yet."),
            referrals.awaiting_answer()
            .filter(follow_up_on__gt=today)
            .order_by("follow_up_on", "pk"),
            of_referrals=True,
        ),
        _section(
            request,
            "niet-gelukt",
            _("Declined or did not go"),
            _("Referrals that did not work out. Look for another step with the person."),
            referrals.declined().order_by("-answered_at", "-followed_up_at", "pk"),
            of_referrals=True,
        ),
    ]
    context = {"sections": _paged(request, sections), "today": today}
    return render(request, "signals/my_work.html", context)
