"""The organiser's pages: their events, the check by a coordinator, the registrations with
attendance, a message to the registrants, export and erasure. Every look at the
registrations' personal data is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from coalition.exports import table_download
from coalition.lib import page_of
from network.access import get_event_for, get_registration_for
from network.events import services
from network.events.forms import EventAttendanceForm, EventForm, EventMessageForm, RejectEventForm
from network.models import PublicEvent, RegistrationLog

EXPORT_COLUMNS = [
    pgettext_lazy("column", "name"),
    pgettext_lazy("column", "e-mail"),
    pgettext_lazy("column", "phone"),
    pgettext_lazy("column", "people"),
    pgettext_lazy("column", "needs"),
    pgettext_lazy("column", "status"),
    pgettext_lazy("column", "came"),
    pgettext_lazy("column", "registered at"),
]


@login_required
@permission_required("network.view_publicevent", raise_exception=True)
@require_safe
def events(request):
    qs = PublicEvent.objects.organised_by(request.user).select_related("organisation")
    context = {
        "page": page_of(request, qs.order_by("-starts_at", "-pk")),
        "pending": qs.filter(publication_state=PublicEvent.Publication.PENDING),
        "reject_form": RejectEventForm(),
    }
    return render(request, "network/events/admin.html", context)


@login_required
@permission_required("network.add_publicevent", raise_exception=True)
def event_new(request):
    return _event_form(request, None)


@login_required
@permission_required("network.change_publicevent", raise_exception=True)
def event_edit(request, pk):
    return _event_form(request, get_event_for(request.user, pk))


def _event_form(request, event):
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form=form, by=request.user)
        if event.is_published:
            messages.success(request, _("The event is saved and in the agenda."))
        else:
            messages.success(request, _("The event is saved. A coordinator checks it first."))
        return redirect("network:event_registrations", event.pk)
    heading = _("Change %(name)s") % {"name": event.title} if event else _("New event")
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})


@login_required
@require_POST
@permission_required("network.moderate_publicevent", raise_exception=True)
def event_publish(request, pk):
    services.publish_event(event=get_event_for(request.user, pk))
    messages.success(request, _("The event is published."))
    return redirect("network:event_admin")


@login_required
@require_POST
@permission_required("network.moderate_publicevent", raise_exception=True)
def event_reject(request, pk):
    event = get_event_for(request.user, pk)
    form = RejectEventForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for the rejection."))
        return redirect("network:event_admin")
    services.reject_event(event=event, reason=form.cleaned_data["reason"])
    messages.success(request, _("The event is rejected."))
    return redirect("network:event_admin")


def _registrations_page(request, event, status=200, **forms):
    services.log(event=event, by=request.user, action=RegistrationLog.Action.VIEWED)
    registrations = list(event.registrations.all())
    context = {
        "event": event,
        "registrations": registrations,
        "seats_taken": sum(r.people for r in registrations if r.status == "confirmed"),
        "attendance_form": EventAttendanceForm(
            event=event, initial={"present": [r for r in registrations if r.attended]}
        ),
        "message_form": EventMessageForm(),
        **forms,
    }
    return render(request, "network/events/registrations.html", context, status=status)


@login_required
@permission_required("network.view_eventregistration", raise_exception=True)
@require_safe
def registrations(request, pk):
    return _registrations_page(request, get_event_for(request.user, pk))


@login_required
@require_POST
@permission_required("network.change_eventregistration", raise_exception=True)
def attendance(request, pk):
    event = get_event_for(request.user, pk)
    form = EventAttendanceForm(request.POST, event=event)
    if not form.is_valid():
        return _registrations_page(request, event, status=400, attendance_form=form)
    present = [r.pk for r in form.cleaned_data["present"]]
    count = services.record_attendance(event=event, present=present, by=request.user)
    messages.success(request, _("Attendance is saved: %(n)d registrations came.") % {"n": count})
    return redirect("network:event_registrations", event.pk)


@login_required
@require_POST
@permission_required("network.change_eventregistration", raise_exception=True)
def message(request, pk):
    event = get_event_for(request.user, pk)
    form = EventMessageForm(request.POST)
    if not form.is_valid():
        return _registrations_page(request, event, status=400, message_form=form)
    sent = services.mail_registrants(event=event, by=request.user, **form.cleaned_data)
    messages.success(request, _("The message is being sent to %(n)d registrants.") % {"n": sent})
    return redirect("network:event_registrations", event.pk)


def _rows(registrations):
    for r in registrations:
        needs = "; ".join(r.needs())
        status = r.get_status_display()
        yield [r.name, r.email, r.phone, r.people, needs, status, r.attended, r.created_at]


@login_required
@permission_required("network.view_eventregistration", raise_exception=True)
@require_safe
def export(request, pk):
    event = get_event_for(request.user, pk)
    services.log(event=event, by=request.user, action=RegistrationLog.Action.EXPORTED)
    rows = _rows(event.registrations.all())
    return table_download(f"aanmeldingen-{event.pk}.csv", EXPORT_COLUMNS, rows)


@login_required
@permission_required("network.view_eventregistration", raise_exception=True)
@require_safe
def export_one(request, pk):
    """One person's data, when they ask for it."""
    registration = get_registration_for(request.user, pk)
    services.log(
        event=registration.event,
        by=request.user,
        action=RegistrationLog.Action.EXPORTED,
        registration=registration,
    )
    return table_download(f"aanmelding-{pk}.csv", EXPORT_COLUMNS, _rows([registration]))


@login_required
@require_POST
@permission_required("network.change_eventregistration", raise_exception=True)
def erase(request, pk):
    registration = get_registration_for(request.user, pk)
    services.erase_registration(registration=registration, by=request.user, now=timezone.now())
    messages.success(request, _("The personal data of this registration is erased."))
    return redirect("network:event_registrations", registration.event_id)
