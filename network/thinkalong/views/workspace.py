"""The coordinators' side of "Denk mee": focus groups and their members, sessions with
attendance and findings, and the ideas to decide on. Every page that shows a member's or an
idea's contact details writes a log row per person shown (services.log)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coalition.lib import page_of
from coalition.models import TargetGroup
from network.models import FocusGroupMember, FocusSession, Idea, ThinkAlongLog
from network.thinkalong import services
from network.thinkalong.forms import (
    FindingForm,
    GroupFilterForm,
    IdeaDecisionForm,
    SessionAttendanceForm,
    SessionForm,
)

PERM = "network.manage_thinkalong"
Kind, Subject = ThinkAlongLog.Kind, ThinkAlongLog.Subject


def _log_of(subject: str, pk: int):
    """The last looks at one member's or idea's contact details, newest first."""
    return ThinkAlongLog.objects.filter(subject=subject, subject_id=pk).select_related("by")[:20]


def _json(data: dict, name: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def dashboard(request):
    counts = dict(
        FocusGroupMember.objects.values("target_group")
        .annotate(n=Count("pk"))
        .values_list("target_group", "n")
    )
    groups = list(TargetGroup.objects.active())
    for group in groups:
        group.members = counts.get(group.pk, 0)
    context = {
        "groups": groups,
        "sessions": page_of(request, FocusSession.objects.with_related(), per_page=20),
        "waiting": Idea.objects.filter(status=Idea.Status.NEW).count(),
    }
    return render(request, "network/thinkalong/dashboard.html", context)


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def members(request):
    form = GroupFilterForm(request.GET or None)
    qs = FocusGroupMember.objects.select_related("target_group")
    if form.is_valid() and form.cleaned_data["doelgroep"]:
        qs = qs.filter(target_group=form.cleaned_data["doelgroep"])
    page = page_of(request, qs, per_page=50)
    services.log(
        kind=Kind.VIEWED, subject=Subject.MEMBER, ids=[m.pk for m in page], by=request.user
    )
    return render(request, "network/thinkalong/members.html", {"form": form, "page": page})


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def member(request, pk):
    item = get_object_or_404(FocusGroupMember.objects.select_related("target_group"), pk=pk)
    services.log(kind=Kind.VIEWED, subject=Subject.MEMBER, ids=[item.pk], by=request.user)
    context = {
        "member": item,
        "sessions": item.sessions.select_related("target_group"),
        "log": _log_of(Subject.MEMBER, item.pk),
    }
    return render(request, "network/thinkalong/member.html", context)


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def member_export(request, pk):
    item = get_object_or_404(FocusGroupMember.objects.select_related("target_group"), pk=pk)
    return _json(services.export_member(member=item, by=request.user), f"focusgroep-{pk}")


@login_required
@require_POST
@permission_required(PERM, raise_exception=True)
def member_erase(request, pk):
    item = get_object_or_404(FocusGroupMember, pk=pk)
    services.erase_member(member=item, by=request.user)
    messages.success(request, _("The member and their contact details are deleted."))
    return redirect("network:thinkalong_members")


@login_required
@permission_required(PERM, raise_exception=True)
def session_new(request):
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = services.plan_session(**form.cleaned_data)
        messages.success(request, _("The session is planned."))
        return redirect(session)
    return render(request, "network/thinkalong/session_form.html", {"form": form})


def _session_page(request, session, *, attendance=None, finding=None, status=200):
    members = FocusGroupMember.objects.filter(target_group=session.target_group)
    attendance = attendance or SessionAttendanceForm(
        session=session, members=members, initial={"participants": session.participants.all()}
    )
    shown = [m.pk for m in attendance.fields["participants"].queryset]
    services.log(kind=Kind.VIEWED, subject=Subject.MEMBER, ids=shown, by=request.user)
    context = {
        "session": session,
        "attendance": attendance,
        "finding_form": finding or FindingForm(session=session),
        "findings": session.findings.prefetch_related("actions"),
        "reachable": members.exclude(email="").count(),
    }
    return render(request, "network/thinkalong/session.html", context, status=status)


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def session(request, pk):
    return _session_page(request, get_object_or_404(FocusSession.objects.with_related(), pk=pk))


@login_required
@require_POST
@permission_required(PERM, raise_exception=True)
def session_invite(request, pk):
    item = get_object_or_404(FocusSession, pk=pk)
    count = services.invite(session=item, now=timezone.now())
    messages.success(request, _("%(count)s invitation(s) are being sent.") % {"count": count})
    return redirect(item)


@login_required
@require_POST
@permission_required(PERM, raise_exception=True)
def session_attendance(request, pk):
    item = get_object_or_404(FocusSession.objects.with_related(), pk=pk)
    members = FocusGroupMember.objects.filter(target_group=item.target_group)
    form = SessionAttendanceForm(request.POST, session=item, members=members)
    if not form.is_valid():
        return _session_page(request, item, attendance=form, status=400)
    count = services.record_attendance(session=item, members=form.cleaned_data["participants"])
    messages.success(request, _("Attendance is saved: %(count)s took part.") % {"count": count})
    return redirect(item)


@login_required
@require_POST
@permission_required(PERM, raise_exception=True)
def finding_add(request, pk):
    item = get_object_or_404(FocusSession.objects.with_related(), pk=pk)
    form = FindingForm(request.POST, session=item)
    if not form.is_valid():
        return _session_page(request, item, finding=form, status=400)
    services.add_finding(session=item, **form.cleaned_data)
    messages.success(request, _("The finding is saved."))
    return redirect(item)


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def ideas(request):
    status = request.GET.get("status", Idea.Status.NEW)
    qs = Idea.objects.select_related("target_group").only(
        "text", "status", "created_at", "target_group__name"
    )
    if status in Idea.Status.values:
        qs = qs.filter(status=status)
    context = {"page": page_of(request, qs), "status": status, "statuses": Idea.Status.choices}
    return render(request, "network/thinkalong/ideas.html", context)


@login_required
@permission_required(PERM, raise_exception=True)
def idea(request, pk):
    item = get_object_or_404(Idea.objects.select_related("target_group", "decided_by"), pk=pk)
    initial = {"response": item.response}
    if item.status != Idea.Status.NEW:
        initial["decision"] = "yes" if item.status == Idea.Status.PUBLISHED else "no"
    form = IdeaDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.decide_idea(
            idea=item,
            publish=form.cleaned_data["decision"],
            response=form.cleaned_data["response"],
            by=request.user,
            now=timezone.now(),
        )
        messages.success(request, _("Your decision is saved."))
        return redirect("network:thinkalong_ideas")
    if item.has_contact:
        services.log(kind=Kind.VIEWED, subject=Subject.IDEA, ids=[item.pk], by=request.user)
    status = 400 if form.is_bound else 200
    context = {"idea": item, "form": form, "log": _log_of(Subject.IDEA, item.pk)}
    return render(request, "network/thinkalong/idea.html", context, status=status)


@login_required
@require_safe
@permission_required(PERM, raise_exception=True)
def idea_export(request, pk):
    item = get_object_or_404(Idea.objects.select_related("target_group"), pk=pk)
    return _json(services.export_idea(idea=item, by=request.user), f"idee-{pk}")


@login_required
@require_POST
@permission_required(PERM, raise_exception=True)
def idea_erase(request, pk):
    item = get_object_or_404(Idea, pk=pk)
    services.erase_idea_contact(idea=item, by=request.user)
    messages.success(request, _("The contact details of the idea are deleted."))
    return redirect("network:thinkalong_ideas")
