"""The workspace home, organisations and their partner users: shared by the social map and the
partnership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalition.lib import page_of
from network import access, services
from network.forms import (
    InviteForm,
    OrganisationAdminForm,
    OrganisationForm,
    PartnerOrganisationForm,
)
from network.models import Activity, ActivityChange, MistakeReport, Organisation


@login_required
@permission_required("network.use_workspace", raise_exception=True)
def workspace(request):
    user = request.user
    organisations = Organisation.objects.editable_by(user)
    activities = Activity.objects.editable_by(user).select_related("organisation")
    context = {
        "page": page_of(request, activities.order_by("title", "pk")),
        "organisations": organisations.order_by("name")[:50]
        if not user.has_perm("network.manage_organisation")
        else [],
        "today": timezone.localdate(),
    }
    if not user.has_perm("network.moderate_activity"):  # a moderator has the full list
        reports = MistakeReport.objects.open().resolvable_by(user).select_related("activity")
        context["reports"] = reports.order_by("-created_at", "pk")[:50]
    if user.has_perm("network.moderate_activity"):
        context["counts"] = {
            "pending": Activity.objects.filter(publication_state="pending").count()
            + ActivityChange.objects.filter(state="pending").count(),
            "stale": Activity.objects.stale(timezone.localdate()).count(),
            "reports": MistakeReport.objects.filter(resolved_at=None).count(),
        }
    return render(request, "network/workspace/home.html", context)


@login_required
@permission_required("network.manage_organisation", raise_exception=True)
def organisations(request):
    qs = Organisation.objects.order_by("name")
    return render(request, "network/workspace/organisations.html", {"page": page_of(request, qs)})


@login_required
@permission_required("network.add_organisation", raise_exception=True)
def organisation_new(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, _("The organisation is saved."))
        return redirect("network:workspace_organisation", slug=organisation.slug)
    return render(request, "network/workspace/organisation_form.html", {"form": form})


@login_required
@permission_required("network.change_organisation", raise_exception=True)
def organisation_edit(request, slug):
    organisation = access.get_organisation_for(request.user, slug)
    manages = request.user.has_perm("network.manage_organisation")
    form_class = OrganisationForm if manages else PartnerOrganisationForm
    form = form_class(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        if "name" in form.changed_data:  # the search finds activities by their organisation
            Activity.objects.filter(organisation=organisation).refresh_search_vectors()
        messages.success(request, _("The organisation is saved."))
        return redirect("network:workspace_organisation", slug=organisation.slug)
    return render(
        request,
        "network/workspace/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
@permission_required("network.view_organisation", raise_exception=True)
def organisation_detail(request, slug):
    organisation = access.get_organisation_for(request.user, slug)
    links = organisation.user_links.select_related("user").order_by(
        "user__first_name", "user__username", "pk"
    )
    return render(
        request,
        "network/workspace/organisation.html",
        {
            "organisation": organisation,
            "administers": organisation.administered_by(request.user),
            "users": page_of(request, links, "gebruikers"),
            "activities": page_of(
                request, organisation.activities.order_by("title", "pk"), "activiteiten"
            ),
            "invite_form": InviteForm(),
        },
    )


@login_required
@permission_required("network.administer_partner_users", raise_exception=True)
def partner_invite(request, slug):
    organisation = access.get_organisation_to_administer(request.user, slug)
    by_coordinator = request.user.has_perm("network.manage_organisation")
    form = InviteForm(request.POST or None, by_coordinator=by_coordinator)
    if request.method == "POST" and form.is_valid():
        services.invite_partner(organisation=organisation, **form.cleaned_data)
        messages.success(request, _("The invitation is sent."))
        return redirect("network:workspace_organisation", slug=slug)
    return render(
        request,
        "network/workspace/invite.html",
        {"form": form, "organisation": organisation},
    )


@login_required
@require_POST
@permission_required("network.administer_partner_users", raise_exception=True)
def partner_disable(request, slug, pk):
    organisation = access.get_organisation_to_administer(request.user, slug)
    user = access.get_colleague_to_disable(request.user, organisation, pk)
    services.disable_partner(user=user)
    messages.success(request, _("The account of %(name)s is disabled.") % {"name": user.email})
    if user == request.user:
        return redirect("home")
    return redirect("network:workspace_organisation", slug=slug)


@login_required
@require_POST
@permission_required("network.manage_organisation", raise_exception=True)
def partner_enable(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    user = access.get_partner_user(organisation, pk)
    services.enable_partner(user=user)
    messages.success(request, _("The account of %(name)s is on again.") % {"name": user.email})
    return redirect("network:workspace_organisation", slug=slug)


@login_required
@require_POST
@permission_required("network.manage_organisation", raise_exception=True)
def partner_admin(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    user = access.get_partner_user(organisation, pk)
    form = OrganisationAdminForm(request.POST)
    form.is_valid()  # a boolean without "required": always valid
    is_admin = form.cleaned_data["is_admin"]
    services.set_organisation_admin(organisation=organisation, user=user, is_admin=is_admin)
    text = (
        _("%(name)s now administers the organisation.")
        if is_admin
        else _("%(name)s no longer administers the organisation.")
    )
    messages.success(request, text % {"name": user.email})
    return redirect("network:workspace_organisation", slug=slug)
