"""The social map's workspace: activities, moderation, mistakes reported, import, types."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coalition.lib import page_of
from network import access
from network.models import Activity, ActivityChange, ActivityType, MistakeReport
from network.socialmap import importer, services
from network.socialmap.forms import (
    ActivityForm,
    ActivityTypeForm,
    ImportForm,
    ReasonForm,
)


@login_required
@permission_required("network.add_activity", raise_exception=True)
def activity_new(request):
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        activity = services.create_activity(
            data=services.values_from_form(form.cleaned_data),
            by=request.user,
            today=timezone.localdate(),
        )
        if activity.is_published:
            messages.success(request, _("The activity is published."))
        else:
            messages.success(request, _("Thank you. A coordinator will check and publish it."))
        return redirect("network:workspace_activity", pk=activity.pk)
    return render(request, "network/socialmap/workspace/activity_form.html", {"form": form})


@login_required
@permission_required("network.change_activity", raise_exception=True)
def activity_edit(request, pk):
    activity = access.get_activity_for(request.user, pk)
    pending = activity.changes.filter(state=ActivityChange.State.PENDING).first()
    initial = ActivityForm.initial_from(pending.data) if pending else None
    form = ActivityForm(request.POST or None, instance=activity, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = services.edit_activity(
            # A fresh copy: validating the form already wrote the new values on `activity`.
            activity=Activity.objects.get(pk=pk),
            data=services.values_from_form(form.cleaned_data),
            by=request.user,
            today=timezone.localdate(),
        )
        if outcome == "proposed":
            messages.success(
                request,
                _(
                    "Thank you. A coordinator will check your change; "
                    "until then the old version stays visible."
                ),
            )
        else:
            messages.success(request, _("The changes are saved."))
        return redirect("network:workspace_activity", pk=pk)
    return render(
        request,
        "network/socialmap/workspace/activity_form.html",
        {"form": form, "activity": activity, "pending": pending},
    )


@login_required
@permission_required("network.view_activity", raise_exception=True)
def activity_detail(request, pk):
    activity = access.get_activity_for(request.user, pk)
    pending = activity.changes.filter(state=ActivityChange.State.PENDING).first()
    return render(
        request,
        "network/socialmap/workspace/activity.html",
        {
            "activity": activity,
            "pending": pending,
            "diff": services.diff(services.values_of(activity), pending.data) if pending else [],
            "events": page_of(request, activity.events.select_related("by"), "geschiedenis"),
            "reason_form": ReasonForm(),
            "is_stale": activity.is_stale(timezone.localdate()),
        },
    )


@login_required
@require_POST
@permission_required("network.change_activity", raise_exception=True)
def activity_verify(request, pk):
    activity = access.get_activity_for(request.user, pk)
    services.verify_activity(activity=activity, by=request.user, today=timezone.localdate())
    messages.success(request, _("Marked as checked today."))
    return redirect("network:workspace_activity", pk=pk)


@login_required
@require_POST
@permission_required("network.moderate_activity", raise_exception=True)
def activity_publish(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    services.publish_activity(activity=activity, by=request.user)
    messages.success(request, _("The activity is published."))
    return redirect("network:moderation")


@login_required
@require_POST
@permission_required("network.moderate_activity", raise_exception=True)
def activity_reject(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason, so the partner knows what to change."))
        return redirect("network:workspace_activity", pk=pk)
    services.reject_activity(activity=activity, by=request.user, **form.cleaned_data)
    messages.success(request, _("The activity is sent back to the partner."))
    return redirect("network:moderation")


@login_required
@require_POST
@permission_required("network.moderate_activity", raise_exception=True)
def change_approve(request, pk):
    change = get_object_or_404(ActivityChange, pk=pk, state=ActivityChange.State.PENDING)
    services.approve_change(change=change, by=request.user, today=timezone.localdate())
    messages.success(request, _("The change is approved and visible to everyone."))
    return redirect("network:moderation")


@login_required
@require_POST
@permission_required("network.moderate_activity", raise_exception=True)
def change_reject(request, pk):
    change = get_object_or_404(ActivityChange, pk=pk, state=ActivityChange.State.PENDING)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason, so the partner knows what to change."))
        return redirect("network:workspace_activity", pk=change.activity_id)
    services.reject_change(change=change, by=request.user, **form.cleaned_data)
    messages.success(request, _("The change is rejected; the partner gets the reason."))
    return redirect("network:moderation")


@login_required
@permission_required("network.moderate_activity", raise_exception=True)
def moderation(request):
    new = Activity.objects.filter(publication_state=Activity.Publication.PENDING)
    changes = ActivityChange.objects.filter(state=ActivityChange.State.PENDING)
    return render(
        request,
        "network/socialmap/workspace/moderation.html",
        {
            "new": page_of(
                request, new.select_related("organisation").order_by("created_at"), "nieuw"
            ),
            "changes": page_of(
                request,
                changes.select_related("activity", "proposed_by").order_by("proposed_at"),
                "wijzigingen",
            ),
        },
    )


@login_required
@permission_required("network.moderate_activity", raise_exception=True)
def stale(request):
    qs = Activity.objects.stale(timezone.localdate()).select_related("organisation")
    page = page_of(request, qs.order_by("last_verified_on", "title"))
    return render(request, "network/socialmap/workspace/stale.html", {"page": page})


@login_required
@permission_required("network.view_mistakereport", raise_exception=True)
def reports(request):
    qs = MistakeReport.objects.open().select_related("activity")
    handled = MistakeReport.objects.exclude(resolved_at=None).select_related(
        "activity", "resolved_by"
    )
    return render(
        request,
        "network/socialmap/workspace/reports.html",
        {"page": page_of(request, qs), "handled": handled.order_by("-resolved_at", "-pk")[:20]},
    )


@login_required
@require_POST
@permission_required("network.change_mistakereport", raise_exception=True)
def report_resolve(request, pk):
    report = access.get_report_to_resolve(request.user, pk)
    services.resolve_report(report=report, by=request.user)
    messages.success(request, _("The report is marked as handled."))
    if request.user.has_perm("network.view_mistakereport"):
        return redirect("network:reports")
    return redirect("network:workspace")


IMPORT_SESSION_KEY = "network_import_csv"
IMPORT_MAX_BYTES = 2_000_000


@login_required
@permission_required("network.moderate_activity", raise_exception=True)
def import_activities(request):
    """Step 1: upload and check; nothing is stored yet."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read(IMPORT_MAX_BYTES + 1).decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
            form.add_error("file", _("Save the file as CSV in UTF-8."))
        if text is not None and len(text) > IMPORT_MAX_BYTES:
            form.add_error("file", _("The file is too large (at most 2 MB)."))
        elif text is not None:
            result = importer.read(text, user=request.user)
            request.session[IMPORT_SESSION_KEY] = text if result.ok else None
    return render(
        request,
        "network/socialmap/workspace/import.html",
        {"form": form, "result": result, "columns": list(importer.COLUMNS)},
    )


@login_required
@require_POST
@permission_required("network.moderate_activity", raise_exception=True)
def import_confirm(request):
    """Step 2: check the same file again and store all lines, or none."""
    text = request.session.pop(IMPORT_SESSION_KEY, None)
    result = importer.read(text, user=request.user) if text else None
    if result is None or not result.ok:
        messages.error(request, _("Nothing was imported. Upload the file again."))
        return redirect("network:import")
    created = services.import_activities(
        forms=[f for _, f in result.forms], by=request.user, today=timezone.localdate()
    )
    messages.success(
        request,
        ngettext("%(n)d activity imported.", "%(n)d activities imported.", len(created))
        % {"n": len(created)},
    )
    return redirect("network:workspace")


@login_required
@permission_required("network.add_activitytype", raise_exception=True)
def activity_types(request):
    """The editable list of kinds of activity (a taxonomy of the open data too)."""
    form = ActivityTypeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The kind of activity is saved."))
        return redirect("network:activity_types")
    page = page_of(request, ActivityType.objects.order_by("order", "name"))
    return render(
        request, "network/socialmap/workspace/activity_types.html", {"form": form, "page": page}
    )


@login_required
@permission_required("network.change_activitytype", raise_exception=True)
def activity_type_edit(request, pk):
    activity_type = get_object_or_404(ActivityType, pk=pk)
    form = ActivityTypeForm(request.POST or None, instance=activity_type)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "name" in form.changed_data:  # the search finds activities by their kind
            Activity.objects.filter(activity_types=activity_type).refresh_search_vectors()
        messages.success(request, _("The kind of activity is saved."))
        return redirect("network:activity_types")
    return render(
        request,
        "network/socialmap/workspace/activity_type_form.html",
        {"form": form, "activity_type": activity_type},
    )
