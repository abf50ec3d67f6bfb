"""Referring a signal to an activity or organisation, and the follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from signals.access import get_referral_for, get_signal_for
from signals.forms.referrals import FollowUpForm, ReferForm, ReferralSearchForm
from signals.models import Referral
from signals.services.handshake import withdraw_consent, withdraw_referral
from signals.services.referrals import record_follow_up, refer_signal
from signals.services.workflow import WorkflowError
from signals.views.detail import _detail


@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def refer(request, reference):
    signal = get_signal_for(request.user, reference)
    search = ReferralSearchForm.for_signal(signal, request.GET)
    activities, organisations = search.results()
    form = ReferForm(request.POST or None, initial={"person_agreed": signal.contact_shareable})
    if request.method == "POST" and form.is_valid():
        try:
            refer_signal(signal=signal, by=request.user, **form.cleaned_data)
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The referral is saved."))
        return redirect(signal)
    context = {"signal": signal, "search": search, "form": form}
    context.update(activities=activities, organisations=organisations)
    return render(request, "signals/refer.html", context)


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def follow_up(request, reference, pk):
    signal = get_signal_for(request.user, reference)
    referral = get_object_or_404(Referral, pk=pk, signal=signal)
    form = FollowUpForm(request.POST, auto_id=f"followup{pk}_%s")
    if not form.is_valid():
        return _detail(request, signal, {referral.pk: form}, 400)
    data = form.cleaned_data
    record_follow_up(
        referral=referral,
        by=request.user,
        went=data["went"],
        helps=data["helps"],
        more_needed=data["more_needed"],
        note=data["note"],
    )
    messages.success(request, _("The follow-up is saved."))
    return redirect(signal)


def _step(request, signal, step, success: str):
    try:
        step()
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(signal)


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def withdraw(request, reference, pk):
    referral = get_referral_for(request.user, reference, pk)
    return _step(
        request,
        referral.signal,
        lambda: withdraw_referral(referral=referral, by=request.user),
        _("The referral is withdrawn. The partner no longer sees it."),
    )


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def stop_sharing(request, reference):
    signal = get_signal_for(request.user, reference)
    return _step(
        request,
        signal,
        lambda: withdraw_consent(signal=signal, by=request.user),
        _("Partners no longer see the name and phone number."),
    )
