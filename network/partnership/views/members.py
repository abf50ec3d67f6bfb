"""Members of the coalition, people of the network and removing organisations."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coalition.lib import page_of
from network.models import Membership, Organisation, Person
from network.partnership import services
from network.partnership.forms import MemberSearchForm, MembershipForm, PersonForm, PersonSearchForm


def _filtered_members(request):
    form = MemberSearchForm(request.GET or None)
    members = Membership.objects.public()
    if form.is_valid():
        members = members.search(form.cleaned_data["q"])
        if form.cleaned_data["sector"]:
            members = members.filter(organisation__sector=form.cleaned_data["sector"])
    return form, members


@require_safe
def members(request):
    """Public: who takes part, by sector. No personal data."""
    form, qs = _filtered_members(request)
    page = page_of(request, qs, per_page=100)
    return render(request, "network/partnership/members.html", {"form": form, "page": page})


@login_required
@permission_required("network.manage_membership", raise_exception=True)
def members_admin(request):
    form, qs = _filtered_members(request)
    qs = qs.prefetch_related("districts")
    context = {"form": form, "page": page_of(request, qs), "querystring": _querystring(request)}
    return render(request, "network/partnership/members_admin.html", context)


@login_required
@permission_required("network.manage_membership", raise_exception=True)
def members_csv(request):
    _form, qs = _filtered_members(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leden.csv"'
    writer = csv.writer(response)
    writer.writerow(["organisatie", "sector", "getekend_op", "getekend_door", "doelgroepen"])
    for member in qs:
        writer.writerow(
            [
                member.organisation.name,
                member.organisation.get_sector_display(),
                member.signed_on.isoformat(),
                member.signed_by,
                "; ".join(group.name for group in member.target_groups.all()),
            ]
        )
    return response


@login_required
@permission_required("network.manage_membership", raise_exception=True)
def growth(request):
    months = services.growth_by_month()
    context = {"months": months, "years": services.growth_by_year(months)}
    return render(request, "network/partnership/growth.html", context)


@login_required
@permission_required(("network.add_membership", "network.change_membership"), raise_exception=True)
def membership_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = Membership.objects.filter(organisation=organisation).first()
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.instance.organisation = organisation
        form.save()
        messages.success(request, _("The membership is saved."))
        return redirect("network:members_admin")
    heading = _("Membership of %(name)s") % {"name": organisation.name}
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})


def _filtered_people(request):
    form = PersonSearchForm(request.GET or None)
    people = Person.objects.visible_to(request.user).with_related().order_by("name", "pk")
    if form.is_valid():
        people = people.search(form.cleaned_data["q"])
        kind = form.cleaned_data["kind"]
        if kind == "contact":
            people = people.filter(is_contact=True)
        elif kind == "ambassador":
            people = people.filter(is_ambassador=True)
    return form, people


@login_required
@permission_required("network.view_person", raise_exception=True)
def people(request):
    form, qs = _filtered_people(request)
    context = {"form": form, "page": page_of(request, qs), "querystring": _querystring(request)}
    return render(request, "network/partnership/people.html", context)


@login_required
@permission_required("network.export_person", raise_exception=True)
def people_csv(request):
    _form, qs = _filtered_people(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mensen.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["naam", "rol", "e-mail", "telefoon", "organisatie", "contactpersoon", "ambassadeur"]
    )
    for person in qs:
        writer.writerow(
            [
                person.name,
                person.role,
                person.email,
                person.phone,
                person.organisation.name if person.organisation else "",
                "ja" if person.is_contact else "nee",
                "ja" if person.is_ambassador else "nee",
            ]
        )
    return response


@login_required
@permission_required("network.add_person", raise_exception=True)
def person_new(request):
    return _person_form(request)


@login_required
@permission_required("network.change_person", raise_exception=True)
def person_edit(request, pk):
    return _person_form(request, pk)


def _person_form(request, pk=None):
    person = get_object_or_404(Person, pk=pk, anonymised_at=None) if pk else None
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The person is saved."))
        return redirect("network:people")
    context = {
        "form": form,
        "person": person,
        "heading": _("Change %(name)s") % {"name": person.name} if person else _("New person"),
        "participations": person.participations.select_related("training") if person else [],
    }
    return render(request, "network/partnership/person_form.html", context)


@login_required
@require_POST
@permission_required("network.delete_person", raise_exception=True)
def person_anonymise(request, pk):
    person = get_object_or_404(Person, pk=pk, anonymised_at=None)
    services.anonymise_person(person=person, now=timezone.now())
    messages.success(request, _("The person is anonymised. Counts of trainings stay."))
    return redirect("network:people")


@login_required
@permission_required("network.delete_organisation", raise_exception=True)
def organisation_delete(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    blockers = services.deletion_blockers(organisation)
    if request.method == "POST" and not blockers:
        services.delete_organisation(organisation=organisation)
        messages.success(request, _("The organisation is deleted."))
        return redirect("network:organisations")
    status = 409 if request.method == "POST" else 200
    context = {"organisation": organisation, "blockers": blockers}
    return render(request, "network/partnership/organisation_delete.html", context, status=status)


@login_required
@require_POST
@permission_required("network.delete_organisation", raise_exception=True)
def organisation_archive(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    services.archive_organisation(organisation=organisation)
    messages.success(request, _("The organisation is archived: it no longer shows anywhere."))
    return redirect("network:organisations")


def _querystring(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
