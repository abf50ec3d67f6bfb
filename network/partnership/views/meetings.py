"""Network meetings: plan, invite, register, take attendance, follow up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalition.lib import page_of
from network.access import own_organisations
from network.events.services import sync_public_meeting
from network.models import Meeting
from network.partnership import ical, services
from network.partnership.forms import (
    AttendanceForm,
    FollowUpActionForm,
    MeetingForm,
    MeetingSearchForm,
    RegistrationForm,
)


@login_required
@permission_required("network.view_meeting", raise_exception=True)
def meetings(request):
    form = MeetingSearchForm(request.GET or None)
    qs = Meeting.objects.all()
    if form.is_valid():
        qs = qs.search(form.cleaned_data["q"])
        if form.cleaned_data["when"] == "coming":
            qs = qs.coming(timezone.now())
        elif form.cleaned_data["when"] == "past":
            qs = qs.filter(starts_at__lt=timezone.now())
    context = {"form": form, "page": page_of(request, qs)}
    return render(request, "network/partnership/meetings.html", context)


def _detail_context(request, meeting, **forms):
    context = {
        "meeting": meeting,
        "registrations": meeting.registrations.select_related("organisation"),
        "follow_ups": meeting.follow_ups.select_related("goal"),
        "invited": meeting.invited.all(),
        "registered": meeting.registrations.filter(user=request.user).first(),
        "register_form": RegistrationForm(
            meeting=meeting, user=request.user, organisations=own_organisations(request.user)
        ),
    }
    if request.user.has_perm("network.change_registration"):
        context["attendance_form"] = AttendanceForm(
            meeting=meeting,
            initial={"present": meeting.registrations.filter(attended=True)},
        )
    if request.user.has_perm("network.add_action"):
        context["follow_up_form"] = FollowUpActionForm(
            initial={"year": meeting.starts_at.year}, prefix="follow"
        )
    context.update(forms)
    return context


@login_required
@permission_required("network.view_meeting", raise_exception=True)
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return render(request, "network/partnership/meeting.html", _detail_context(request, meeting))


@login_required
@permission_required("network.add_meeting", raise_exception=True)
def meeting_new(request):
    return _meeting_form(request)


@login_required
@permission_required("network.change_meeting", raise_exception=True)
def meeting_edit(request, pk):
    return _meeting_form(request, pk)


def _meeting_form(request, pk=None):
    meeting = get_object_or_404(Meeting, pk=pk) if pk else None
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        sync_public_meeting(meeting=meeting)
        messages.success(request, _("The meeting is saved."))
        return redirect(meeting)
    heading = _("Change %(name)s") % {"name": meeting.title} if meeting else _("New meeting")
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})


@login_required
@require_POST
@permission_required("network.add_registration", raise_exception=True)
def meeting_register(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = RegistrationForm(
        request.POST,
        meeting=meeting,
        user=request.user,
        organisations=own_organisations(request.user),
    )
    if not form.is_valid():
        context = _detail_context(request, meeting, register_form=form)
        return render(request, "network/partnership/meeting.html", context, status=400)
    services.register_for_meeting(
        meeting=meeting, user=request.user, organisation=form.cleaned_data["organisation"]
    )
    messages.success(request, _("You are registered. See you there!"))
    return redirect(meeting)


@login_required
@require_POST
@permission_required("network.change_registration", raise_exception=True)
def meeting_attendance(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = AttendanceForm(request.POST, meeting=meeting)
    if not form.is_valid():
        context = _detail_context(request, meeting, attendance_form=form)
        return render(request, "network/partnership/meeting.html", context, status=400)
    count = services.record_attendance(
        meeting=meeting, present=[r.pk for r in form.cleaned_data["present"]]
    )
    messages.success(request, _("Attendance is saved: %(n)d present.") % {"n": count})
    return redirect(meeting)


@login_required
@require_POST
@permission_required("network.add_action", raise_exception=True)
def meeting_follow_up(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = FollowUpActionForm(request.POST, prefix="follow")
    if not form.is_valid():
        context = _detail_context(request, meeting, follow_up_form=form)
        return render(request, "network/partnership/meeting.html", context, status=400)
    data = {k: v for k, v in form.cleaned_data.items() if k != "participants"}
    action = services.follow_up_action(
        meeting=meeting, data=data, participants=form.cleaned_data["participants"]
    )
    messages.success(request, _("The follow-up is on the action agenda."))
    return redirect(action)


@login_required
@require_POST
@permission_required("network.change_meeting", raise_exception=True)
def meeting_invite(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    sent = services.send_invitations(meeting=meeting, now=timezone.now())
    messages.success(request, _("%(n)d invitations are being sent.") % {"n": sent})
    return redirect(meeting)


@login_required
@permission_required("network.view_meeting", raise_exception=True)
def meetings_ics(request):
    coming = Meeting.objects.coming(timezone.now())[:200]
    body = ical.calendar(coming, now=timezone.now())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
