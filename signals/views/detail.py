"""One signal's page and the actions on it, each a POST through ``_act``."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from signals.access import get_signal_for
from signals.forms.referrals import FollowUpForm
from signals.forms.triage import (
    AnonymiseForm,
    AssignForm,
    CallBackForm,
    CancelForm,
    CloseForm,
    ContactAttemptForm,
    MoveForm,
    NoteForm,
    ReopenForm,
)
from signals.models import Signal
from signals.models.timeline import timeline
from signals.services.privacy import anonymise_signal, export_signal, view_signal
from signals.services.triage import (
    add_note,
    agree_call_back,
    assign_signal,
    cancel_signal,
    close_signal,
    log_contact_attempt,
    move_signal,
    reopen_signal,
)
from signals.services.workflow import WorkflowError

ACTION_FORMS = {
    "assign_form": AssignForm,
    "move_form": MoveForm,
    "note_form": NoteForm,
    "attempt_form": ContactAttemptForm,
    "call_back_form": CallBackForm,
    "cancel_form": CancelForm,
    "close_form": CloseForm,
    "reopen_form": ReopenForm,
    "anonymise_form": AnonymiseForm,
}


def _detail(request, signal: Signal, bound: dict | None = None, status: int = 200):
    """The signal page; every render shows personal data, so every render is logged."""
    view_signal(signal=signal, by=request.user)
    # auto_id keeps the ids unique on this page of many forms; field names stay plain.
    context = {name: form_class(auto_id=f"{name}_%s") for name, form_class in ACTION_FORMS.items()}
    context.update({k: v for k, v in (bound or {}).items() if isinstance(k, str)})
    context["move_form"].fields["status"].choices = [
        (s, Signal.Status(s).label)
        for s in signal.next_statuses()
        if s not in (Signal.Status.CLOSED, Signal.Status.CANCELLED)
        and not (s == Signal.Status.IN_PROGRESS and not signal.is_open)
    ]
    referrals = list(signal.referrals.select_related("activity", "organisation"))
    for referral in referrals:
        referral.signal = signal
        referral.follow_up_form = (bound or {}).get(referral.pk) or FollowUpForm(
            auto_id=f"followup{referral.pk}_%s"
        )
    context.update(
        signal=signal,
        today=timezone.localdate(),
        target_groups=list(signal.target_groups.all()),
        attempts=list(signal.contact_attempts.select_related("by")),
        events=timeline(signal),
        mails=list(signal.mails.all()),
        satisfaction=list(signal.satisfaction_answers.all()),
        referrals=referrals,
        duplicates=list(Signal.objects.visible_to(request.user).possible_duplicates_of(signal))
        if signal.is_open
        else [],
    )
    return render(request, "signals/detail.html", context, status=status)


@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def detail(request, reference):
    signal = get_signal_for(request.user, reference)
    return _detail(request, signal)


def _act(request, reference, form_name, perform, success, **form_kwargs):
    """Run one POSTed action: validate its form, call the service, report, redirect."""
    signal = get_signal_for(request.user, reference)
    form = ACTION_FORMS[form_name](request.POST, auto_id=f"{form_name}_%s", **form_kwargs)
    if not form.is_valid():
        return _detail(request, signal, {form_name: form}, status=400)
    try:
        perform(signal, form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(signal)


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def assign(request, reference):
    def perform(signal, data):
        assign_signal(signal=signal, by=request.user, to=data["to"])

    return _act(request, reference, "assign_form", perform, _("The signal is assigned."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def take(request, reference):
    signal = get_signal_for(request.user, reference)
    try:
        assign_signal(signal=signal, by=request.user, to=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You now handle this signal."))
    return redirect(signal)


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def move(request, reference):
    def perform(signal, data):
        move_signal(signal=signal, by=request.user, status=data["status"])

    return _act(request, reference, "move_form", perform, _("The status is changed."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def note(request, reference):
    def perform(signal, data):
        add_note(signal=signal, by=request.user, text=data["text"])

    return _act(request, reference, "note_form", perform, _("The note is saved."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def contact_attempt(request, reference):
    def perform(signal, data):
        log_contact_attempt(signal=signal, by=request.user, **data)

    return _act(request, reference, "attempt_form", perform, _("The contact attempt is saved."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def call_back(request, reference):
    def perform(signal, data):
        today = timezone.localdate()
        agree_call_back(signal=signal, by=request.user, today=today, **data)

    return _act(request, reference, "call_back_form", perform, _("The call-back is saved."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def cancel(request, reference):
    def perform(signal, data):
        cancel_signal(
            signal=signal, by=request.user, reason=data["reason"], duplicate_of=data["duplicate_of"]
        )

    success = _("The signal is cancelled.")
    return _act(request, reference, "cancel_form", perform, success, user=request.user)


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def close(request, reference):
    def perform(signal, data):
        close_signal(signal=signal, by=request.user, outcome=data["outcome"], note=data["note"])

    return _act(request, reference, "close_form", perform, _("The signal is closed."))


@require_POST
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def reopen(request, reference):
    def perform(signal, data):
        reopen_signal(signal=signal, by=request.user, reason=data["reason"])

    return _act(request, reference, "reopen_form", perform, _("The signal is open again."))


@require_POST
@login_required
@permission_required(("signals.triage_signal", "signals.anonymise_signal"), raise_exception=True)
def anonymise(request, reference):
    def perform(signal, data):
        anonymise_signal(signal=signal, by=request.user, reason=data["reason"])

    return _act(request, reference, "anonymise_form", perform, _("The signal is anonymised."))


@require_POST
@login_required
@permission_required(("signals.triage_signal", "signals.export_signal"), raise_exception=True)
def export(request, reference):
    signal = get_signal_for(request.user, reference)
    data = export_signal(signal=signal, by=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{signal.reference}.json"'
    return response
