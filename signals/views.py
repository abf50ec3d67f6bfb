import datetime
import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalition.roles import is_partner
from signals import ratelimit
from signals.access import get_signal_for
from signals.forms.intake import DeskReportForm, ReportForm
from signals.forms.referrals import FollowUpForm, ReferForm, ReferralSearchForm
from signals.forms.triage import (
    AnonymiseForm,
    AssignForm,
    CancelForm,
    CloseForm,
    ContactAttemptForm,
    MoveForm,
    NoteForm,
    QueueFilterForm,
    ReopenForm,
)
from signals.models import Referral, Signal, SignalMail
from signals.services.intake import decoy_thanks, stored_signal, submit_signal
from signals.services.privacy import anonymise_signal, export_signal, view_signal
from signals.services.referrals import record_follow_up, refer_signal
from signals.services.triage import (
    add_note,
    assign_signal,
    cancel_signal,
    close_signal,
    log_contact_attempt,
    move_signal,
    reopen_signal,
)
from signals.services.workflow import WorkflowError

PAGE_SIZE = 25
THANKS_COOKIE = "signal_thanks"
THANKS_MAX_AGE = 60 * 60 * 24
logger = logging.getLogger("signals")


# --- Public form ---------------------------------------------------------------------------
def report(request):
    organisations = _organisations(request.user)
    if request.method != "POST":
        form = ReportForm(initial=_partner_initial(request.user), organisations=organisations)
        return _report_page(request, form)
    form = ReportForm(request.POST, organisations=organisations)
    if not form.is_valid():
        # Which fields were refused (never their content), to spot abuse or a confusing form.
        logger.info("Signal form refused: %s", ", ".join(sorted(form.errors)))
        return _report_page(request, form)
    if known := stored_signal(form_token=form.cleaned_data["form_token"]):
        return _thank(request, known.reference, known.contact_due)  # a resend: no new slot
    if not ratelimit.take_slot(request):
        return render(request, "signals/rate_limited.html", status=429)
    if form.cleaned_data["website"]:  # the honeypot: a robot filled it in
        return _thank(request, *decoy_thanks(now=timezone.now()))
    professional = is_partner(request.user)
    signal, _created = submit_signal(
        **form.submission(),
        channel=Signal.Channel.PROFESSIONAL if professional else Signal.Channel.WEB,
        reported_by=request.user if request.user.is_authenticated else None,
    )
    return _thank(request, signal.reference, signal.contact_due)


def _report_page(request, form):
    context = {"form": form, "first_contact_days": settings.SIGNAL_FIRST_CONTACT_DAYS}
    return render(request, "signals/report.html", context)


def _organisations(user):
    """A partner reports on behalf of one of their organisations."""
    if not is_partner(user) or not user.organisations.exists():
        return None
    return user.organisations.all()


def _partner_initial(user) -> dict:
    if not is_partner(user):
        return {}
    return {
        "reporter_kind": Signal.ReporterKind.PROFESSIONAL,
        "contact_route": Signal.ContactRoute.EMAIL,
        "contact_name": user.get_full_name(),
        "contact_email": user.email,
    }


def _thank(request, reference: str, due: datetime.date):
    """To the thank-you page. The reference travels in a signed cookie, not the session: the
    session may live in Redis, and a resident whose signal is stored sees its reference even
    while Redis is down."""
    response = redirect("signals:thanks")
    response.set_signed_cookie(
        THANKS_COOKIE,
        json.dumps({"reference": reference, "due": due.isoformat()}),
        salt=THANKS_COOKIE,
        max_age=THANKS_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def thanks(request):
    cookie = request.get_signed_cookie(
        THANKS_COOKIE, default=None, salt=THANKS_COOKIE, max_age=THANKS_MAX_AGE
    )
    sent = json.loads(cookie) if cookie else None
    context = {
        "sent": sent,
        "due_date": datetime.date.fromisoformat(sent["due"]) if sent else None,
        "first_contact_days": settings.SIGNAL_FIRST_CONTACT_DAYS,
    }
    return render(request, "signals/thanks.html", context)


# --- Coordinators --------------------------------------------------------------------------
@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def queue(request):
    filters = QueueFilterForm(request.GET or None)
    today = timezone.localdate()
    visible = Signal.objects.visible_to(request.user)
    signals = filters.filter(visible.for_queue(), user=request.user, today=today)
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
    context = {
        "filters": filters,
        "page": page,
        "today": today,
        "counts": [(value, label, counts.get(value, 0)) for value, label in Signal.Status.choices],
        "failed_mails": SignalMail.objects.filter(state=SignalMail.State.FAILED).count(),
    }
    return render(request, "signals/queue.html", context)


@login_required
@permission_required("signals.add_signal", raise_exception=True)
def desk_report(request):
    form = DeskReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signal, _created = submit_signal(
            **form.submission(), channel=form.cleaned_data["channel"], reported_by=request.user
        )
        messages.success(request, _("Signal %(ref)s is stored.") % {"ref": signal.reference})
        return redirect(signal)
    return render(request, "signals/desk_report.html", {"form": form})


ACTION_FORMS = {
    "assign_form": AssignForm,
    "move_form": MoveForm,
    "note_form": NoteForm,
    "attempt_form": ContactAttemptForm,
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
        referral.follow_up_form = (bound or {}).get(referral.pk) or FollowUpForm(
            auto_id=f"followup{referral.pk}_%s"
        )
    context.update(
        signal=signal,
        today=timezone.localdate(),
        target_groups=list(signal.target_groups.all()),
        attempts=list(signal.contact_attempts.select_related("by")),
        events=list(signal.events.select_related("by").order_by("-at", "-pk")),
        mails=list(signal.mails.all()),
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


@login_required
@permission_required("signals.triage_signal", raise_exception=True)
def refer(request, reference):
    signal = get_signal_for(request.user, reference)
    search = ReferralSearchForm.for_signal(signal, request.GET)
    activities, organisations = search.results()
    form = ReferForm(request.POST or None)
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


# --- Partners ------------------------------------------------------------------------------
@login_required
@permission_required("signals.view_own_reports", raise_exception=True)
def my_reports(request):
    signals = Signal.objects.reported_by(request.user).order_by("-created_at", "-pk")
    page = Paginator(signals.only("reference", "created_at", "status"), PAGE_SIZE)
    referrals = (
        Referral.objects.visible_to_partner(request.user)
        .select_related("activity", "organisation", "signal")
        .order_by("-created_at", "-pk")
    )
    context = {
        "page": page.get_page(request.GET.get("page")),
        "referrals": Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("verwijzingen")),
    }
    return render(request, "signals/my_reports.html", context)
