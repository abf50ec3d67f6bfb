"""Members of the coalition, people of the network and removing organisations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from coalition.exports import table_download
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
    context = {"form": form, "page": page_of(request, qs)}
    return render(request, "network/partnership/members_admin.html", context)


MEMBER_COLUMNS = [
    pgettext_lazy("column", "organisation"),
    pgettext_lazy("column", "sector"),
    pgettext_lazy("column", "signed on"),
    pgettext_lazy("column", "signed by"),
    pgettext_lazy("column", "target groups"),
]


@login_required
@permission_required("network.manage_membership", raise_exception=True)
def members_csv(request, extension="csv"):
    """The filtered members as a table; also serves ``members_xlsx`` (extension "xlsx")."""
    _form, qs = _filtered_members(request)
    rows = (
        [
            member.organisation.name,
            member.organisation.get_sector_display(),
            member.signed_on,
            member.signed_by,
            "; ".join(group.name for group in member.target_groups.all()),
        ]
        for member in qs
    )
    return table_download(f"leden.{extension}", MEMBER_COLUMNS, rows)


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
    context = {"form": form, "page": page_of(request, qs)}
    return render(request, "network/partnership/people.html", context)


PEOPLE_COLUMNS = [
    pgettext_lazy("column", "name"),
    pgettext_lazy("column", "role"),
    pgettext_lazy("column", "e-mail"),
    pgettext_lazy("column", "phone"),
    pgettext_lazy("column", "organisation"),
    pgettext_lazy("column", "contact person"),
    pgettext_lazy("column", "ambassador"),
]


@login_required
@permission_required("network.export_person", raise_exception=True)
def people_csv(request, extension="csv"):
    """The filtered people as a table; also serves ``people_xlsx`` (extension "xlsx")."""
    _form, qs = _filtered_people(request)
    rows = (
        [
            person.name,
            person.role,
            person.email,
            person.phone,
            person.organisation.name if person.organisation else "",
            person.is_contact,
            person.is_ambassador,
        ]
        for person in qs
    )
    return table_download(f"mensen.{extension}", PEOPLE_COLUMNS, rows)


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
