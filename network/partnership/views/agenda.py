"""The action agenda: goals, actions per year, progress notes, the printable overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST

from coalition.exports import table_download
from coalition.lib import page_of
from network.access import (
    get_action_for_note,
    get_action_for_progress,
    may_add_note,
    may_update_progress,
)
from network.models import Action, Goal, Organisation
from network.partnership import services
from network.partnership.community_forms import ActionProgressForm
from network.partnership.forms import ActionForm, AgendaFilterForm, GoalForm, ProgressNoteForm


def _actions_of_year(request, year):
    form = AgendaFilterForm(request.GET or None)
    actions = Action.objects.filter(year=year).with_related()
    if form.is_valid():
        actions = actions.search(form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            actions = actions.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["goal"]:
            actions = actions.filter(goal=form.cleaned_data["goal"])
    return form, actions.with_findings().order_by("goal__number", "title", "pk")


@login_required
@permission_required("network.view_action", raise_exception=True)
def agenda_current(request):
    return redirect("network:agenda", year=timezone.localdate().year)


@login_required
@permission_required("network.view_action", raise_exception=True)
def agenda(request, year):
    form, actions = _actions_of_year(request, year)
    context = {
        "year": year,
        "form": form,
        "page": page_of(request, actions, per_page=50),
    }
    return render(request, "network/partnership/agenda.html", context)


@login_required
@permission_required("network.view_action", raise_exception=True)
def agenda_print(request, year):
    actions = Action.objects.filter(year=year).with_related()
    goals = Goal.objects.annotate(
        total=Count("actions", filter=Q(actions__year=year)),
        done=Count("actions", filter=Q(actions__year=year, actions__status="afgerond")),
        running=Count("actions", filter=Q(actions__year=year, actions__status="loopt")),
    )
    by_goal = {goal.pk: [] for goal in goals}
    for action in actions:
        by_goal[action.goal_id].append(action)
    sections = [(goal, by_goal[goal.pk]) for goal in goals]
    context = {"year": year, "sections": sections, "total": sum(g.total for g in goals)}
    return render(request, "network/partnership/agenda_print.html", context)


AGENDA_COLUMNS = [
    pgettext_lazy("column", "goal"),
    pgettext_lazy("column", "action"),
    pgettext_lazy("column", "status"),
    pgettext_lazy("column", "lead"),
    pgettext_lazy("column", "participants"),
    pgettext_lazy("column", "start"),
    pgettext_lazy("column", "end"),
    pgettext_lazy("column", "indicator"),
    pgettext_lazy("column", "target"),
    pgettext_lazy("column", "target number"),
    pgettext_lazy("column", "reached"),
]


@login_required
@permission_required("network.view_action", raise_exception=True)
def agenda_csv(request, year, extension="csv"):
    """The year's filtered actions as a table; also serves ``agenda_xlsx``."""
    _form, actions = _actions_of_year(request, year)
    rows = (
        [
            action.goal.number,
            action.title,
            action.get_status_display(),
            action.lead_organisation.name if action.lead_organisation else "",
            "; ".join(o.name for o in action.participants.all()),
            action.starts_on,
            action.ends_on,
            action.indicator_target,
            action.target_label,
            action.target_value,
            action.current_value,
        ]
        for action in actions
    )
    return table_download(f"actieagenda-{year}.{extension}", AGENDA_COLUMNS, rows)


@login_required
@permission_required("network.view_action", raise_exception=True)
def commitments(request, slug):
    """What an organisation has committed to: the actions it leads or joins."""
    organisation = get_object_or_404(Organisation, slug=slug)
    actions = (
        Action.objects.for_organisation(organisation)
        .with_related()
        .order_by("-year", "goal__number", "title")
    )
    context = {"organisation": organisation, "page": page_of(request, actions)}
    return render(request, "network/partnership/commitments.html", context)


@login_required
@permission_required("network.view_action", raise_exception=True)
def action_detail(request, pk):
    action = get_object_or_404(Action.objects.with_related(), pk=pk)
    return _action_page(request, action)


def _action_page(request, action, *, note_form=None, progress_form=None, status=200):
    may_update = progress_form is not None or may_update_progress(request.user, action)
    context = {
        "action": action,
        "findings": action.findings.select_related("session__target_group"),
        "notes": page_of(request, action.notes.select_related("author"), "notities"),
        "note_form": note_form or ProgressNoteForm(),
        "may_add_note": note_form is not None or may_add_note(request.user, action),
        "progress_form": progress_form
        or (ActionProgressForm.for_action(action) if may_update else None),
    }
    return render(request, "network/partnership/action.html", context, status=status)


@login_required
@permission_required("network.add_action", raise_exception=True)
def action_new(request):
    return _action_form(request)


@login_required
@permission_required("network.change_action", raise_exception=True)
def action_edit(request, pk):
    return _action_form(request, pk)


def _action_form(request, pk=None):
    action = get_object_or_404(Action, pk=pk) if pk else None
    initial = None if action else {"year": timezone.localdate().year}
    form = ActionForm(request.POST or None, instance=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = form.save()
        messages.success(request, _("The action is saved."))
        return redirect(action)
    heading = _("Change %(name)s") % {"name": action.title} if action else _("New action")
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})


@login_required
@require_POST
@permission_required("network.add_progressnote", raise_exception=True)
def note_add(request, pk):
    action = get_action_for_note(request.user, pk)
    form = ProgressNoteForm(request.POST)
    if form.is_valid():
        services.add_progress_note(
            action=action,
            by=request.user,
            text=form.cleaned_data["text"],
            today=timezone.localdate(),
        )
        messages.success(request, _("Your progress note is saved."))
        return redirect(action)
    return _action_page(request, action, note_form=form, status=400)


@login_required
@require_POST
@permission_required("network.update_progress", raise_exception=True)
def action_progress(request, pk):
    """The lead organisation (or a coordinator) updates status and number reached."""
    action = get_action_for_progress(request.user, pk)
    form = ActionProgressForm.for_action(action, request.POST)
    if not form.is_valid():
        return _action_page(request, action, progress_form=form, status=400)
    services.update_action_progress(
        action=action, by=request.user, today=timezone.localdate(), **form.cleaned_data
    )
    messages.success(request, _("The progress of the action is saved."))
    return redirect(action)


@login_required
@permission_required("network.view_goal", raise_exception=True)
def goals(request):
    return render(request, "network/partnership/goals.html", {"goals": Goal.objects.all()})


@login_required
@permission_required("network.change_goal", raise_exception=True)
def goal_edit(request, pk):
    goal = get_object_or_404(Goal, pk=pk)
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The goal is saved."))
        return redirect("network:goals")
    heading = _("Change goal %(number)d") % {"number": goal.number}
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})
