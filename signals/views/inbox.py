"""The partner's side of a referral: the inbox of referrals to the user's organisations, one
referral's page, and the answers (accept, decline, how it went)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from signals.access import get_referral_for_partner
from signals.forms.inbox import DeclineForm, InboxFilterForm, OutcomeForm
from signals.models import Referral
from signals.services import counts
from signals.services.handshake import accept_referral, decline_referral, record_partner_outcome
from signals.services.privacy import view_signal
from signals.services.workflow import WorkflowError

ANSWER = "signals.answer_referral"
PAGE_SIZE = 25


@require_GET
@login_required
@permission_required(ANSWER, raise_exception=True)
def inbox(request):
    form = InboxFilterForm(request.GET)
    referrals = Referral.objects.for_partner(request.user, listed=True).for_inbox()
    only_open = form.is_valid() and form.cleaned_data["open"]
    if only_open:
        referrals = referrals.awaiting_answer()
    page = Paginator(referrals.order_by("-created_at", "-pk"), PAGE_SIZE)
    # The number of referrals, once per signals version (signals/services/counts.py).
    page.count = counts.cached(("inbox", request.user.pk, only_open), referrals.count)
    context = {"form": form, "page": page.get_page(request.GET.get("page"))}
    return render(request, "signals/inbox.html", context)


def _page(request, referral: Referral, bound: dict | None = None, status: int = 200):
    """A referral's page. When it shows the name and phone number, the view is logged in
    the signal's timeline, as a coordinator's is."""
    if referral.shares_contact:
        view_signal(signal=referral.signal, by=request.user)
    context = {
        "referral": referral,
        "signal": referral.signal,
        "decline_form": DeclineForm(auto_id="decline_%s"),
        "outcome_form": OutcomeForm(auto_id="outcome_%s"),
        **(bound or {}),
    }
    return render(request, "signals/inbox_detail.html", context, status=status)


@require_GET
@login_required
@permission_required(ANSWER, raise_exception=True)
def inbox_detail(request, pk):
    return _page(request, get_referral_for_partner(request.user, pk))


def _answer(request, referral: Referral, step, success: str):
    try:
        step()
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("signals:inbox_detail", referral.pk)


@require_POST
@login_required
@permission_required(ANSWER, raise_exception=True)
def accept(request, pk):
    referral = get_referral_for_partner(request.user, pk)
    return _answer(
        request,
        referral,
        lambda: accept_referral(referral=referral, by=request.user),
        _("Thank you. The Sociaal Servicepunt knows that you will contact the person."),
    )


@require_POST
@login_required
@permission_required(ANSWER, raise_exception=True)
def decline(request, pk):
    referral = get_referral_for_partner(request.user, pk)
    form = DeclineForm(request.POST, auto_id="decline_%s")
    if not form.is_valid():
        return _page(request, referral, {"decline_form": form}, 400)
    data = form.cleaned_data
    return _answer(
        request,
        referral,
        lambda: decline_referral(
            referral=referral, by=request.user, reason=data["reason"], note=data["note"]
        ),
        _("Thank you. The Sociaal Servicepunt will look for something else."),
    )


@require_POST
@login_required
@permission_required(ANSWER, raise_exception=True)
def outcome(request, pk):
    referral = get_referral_for_partner(request.user, pk)
    form = OutcomeForm(request.POST, auto_id="outcome_%s")
    if not form.is_valid():
        return _page(request, referral, {"outcome_form": form}, 400)
    data = form.cleaned_data
    return _answer(
        request,
        referral,
        lambda: record_partner_outcome(
            referral=referral,
            by=request.user,
            kind=data["kind"],
            on=data["on"],
            reason=data["reason"],
        ),
        _("Thank you. This is saved."),
    )
