"""Trainings of ambassadors and professionals and the train-the-trainer cascade."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalition.lib import page_of
from network.models import Participation, Training
from network.partnership import services
from network.partnership.forms import ParticipationForm, TrainingForm, TrainingSearchForm


@login_required
@permission_required("network.view_training", raise_exception=True)
def trainings(request):
    form = TrainingSearchForm(request.GET or None)
    qs = Training.objects.with_related().order_by("-held_on", "pk")
    if form.is_valid():
        if form.cleaned_data["q"]:
            qs = qs.filter(title__icontains=form.cleaned_data["q"])
        if form.cleaned_data["kind"]:
            qs = qs.filter(kind=form.cleaned_data["kind"])
    context = {"form": form, "page": page_of(request, qs)}
    return render(request, "network/partnership/trainings.html", context)


@login_required
@permission_required("network.view_training", raise_exception=True)
def training_detail(request, pk):
    training = get_object_or_404(Training.objects.with_related(), pk=pk)
    context = {
        "training": training,
        "participations": training.participations.select_related("person", "organisation"),
        "form": ParticipationForm(training=training)
        if request.user.has_perm("network.add_participation")
        else None,
    }
    return render(request, "network/partnership/training.html", context)


@login_required
@permission_required("network.add_training", raise_exception=True)
def training_new(request):
    return _training_form(request)


@login_required
@permission_required("network.change_training", raise_exception=True)
def training_edit(request, pk):
    return _training_form(request, pk)


def _training_form(request, pk=None):
    training = get_object_or_404(Training, pk=pk) if pk else None
    form = TrainingForm(request.POST or None, instance=training)
    if request.method == "POST" and form.is_valid():
        training = form.save()
        messages.success(request, _("The training is saved."))
        return redirect(training)
    heading = _("Change %(name)s") % {"name": training.title} if training else _("New training")
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})


@login_required
@require_POST
@permission_required("network.add_participation", raise_exception=True)
def participant_add(request, pk):
    training = get_object_or_404(Training.objects.with_related(), pk=pk)
    form = ParticipationForm(request.POST, training=training)
    if not form.is_valid():
        context = {
            "training": training,
            "participations": training.participations.select_related("person", "organisation"),
            "form": form,
        }
        return render(request, "network/partnership/training.html", context, status=400)
    services.add_participant(training=training, **form.cleaned_data)
    messages.success(request, _("The participant is added."))
    return redirect(training)


@login_required
@require_POST
@permission_required("network.change_participation", raise_exception=True)
def participation_complete(request, pk, participation):
    participation = get_object_or_404(
        Participation.objects.select_related("training", "person"), pk=participation, training=pk
    )
    services.complete_participation(participation=participation)
    messages.success(
        request, _("%(name)s has completed the training.") % {"name": participation.person}
    )
    return redirect(participation.training)


@login_required
@permission_required("network.view_training", raise_exception=True)
def cascade(request):
    trainings = Training.objects.select_related("trainer_person", "trainer_organisation")
    page = page_of(request, trainings.order_by("held_on", "pk"))
    context = {
        "page": page,
        "rows": services.cascade(list(page)),
        "reached": services.people_reached(),
        "per_year": services.trainings_per_year(),
    }
    return render(request, "network/partnership/cascade.html", context)
