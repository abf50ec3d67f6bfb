"""Signals coming in: the public form with its thank-you page, the desk intake, and a
partner's own reports."""

import datetime
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coalition.roles import is_partner
from network.socialmap import catalogue
from signals import ratelimit
from signals.forms.intake import DeskReportForm, ReportForm, new_form_token
from signals.models import Signal
from signals.services.intake import decoy_thanks, stored_signal, submit_signal
from signals.views.queue import PAGE_SIZE

THANKS_COOKIE = "signal_thanks"
THANKS_MAX_AGE = 60 * 60 * 24
logger = logging.getLogger("signals")


def report(request):
    organisations = _organisations(request.user)
    if request.method != "POST":
        initial = _partner_initial(request.user)
        if organisations is None and not initial:
            return _blank_report_page(request)
        return _report_page(request, ReportForm(initial=initial, organisations=organisations))
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


def _blank_report_page(request):
    """The form as a resident first sees it. Its fields are rendered once per language and
    catalogue version (districts and target groups start a new one, see ``network.apps``);
    the CSRF token and the one-time form token are new in every response. Only the blank form
    is cached: a refused form, with what the visitor typed, is always rendered afresh."""
    fields = catalogue.cached(("signal-form", get_language()), _blank_fields)
    context = {
        "blank_fields": mark_safe(fields),  # noqa: S308 (our own template's output)
        "form_token": new_form_token(),
        "first_contact_days": settings.SIGNAL_FIRST_CONTACT_DAYS,
    }
    return render(request, "signals/report.html", context)


def _blank_fields() -> str:
    return render_to_string("signals/report.html#fields", {"form": ReportForm()})


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
    # Only RFC 6265 cookie characters in the value: JSON would go out quoted with backslash
    # escapes, which some clients (python-requests, so the bench's locust) send back altered,
    # and then the signature fails and the page shows no reference.
    response.set_signed_cookie(
        THANKS_COOKIE,
        f"{reference}_{due.isoformat()}",
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
    reference, _sep, due = (cookie or "").partition("_")
    sent = {"reference": reference, "due": due} if due else None
    context = {
        "sent": sent,
        "due_date": datetime.date.fromisoformat(due) if sent else None,
        "first_contact_days": settings.SIGNAL_FIRST_CONTACT_DAYS,
    }
    return render(request, "signals/thanks.html", context)


@login_required
@permission_required("signals.add_signal", raise_exception=True)
def desk_report(request):
    """A signal taken by phone or at the desk. Before it is stored, an open signal that seems
    to be about the same person is shown; the coordinator saves anyway with a checkbox."""
    form = DeskReportForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["save_anyway"]:
            duplicates = form.possible_duplicates(request.user)
        if not duplicates:
            signal, _created = submit_signal(
                **form.submission(), channel=form.cleaned_data["channel"], reported_by=request.user
            )
            messages.success(request, _("Signal %(ref)s is stored.") % {"ref": signal.reference})
            return redirect(signal)
    return render(request, "signals/desk_report.html", {"form": form, "duplicates": duplicates})


@login_required
@permission_required("signals.view_own_reports", raise_exception=True)
def my_reports(request):
    signals = Signal.objects.reported_by(request.user).order_by("-created_at", "-pk")
    page = Paginator(signals.only("reference", "created_at", "status"), PAGE_SIZE)
    # The referrals to the partner's organisations are in the inbox (signals/views/inbox.py).
    context = {"page": page.get_page(request.GET.get("page"))}
    return render(request, "signals/my_reports.html", context)
