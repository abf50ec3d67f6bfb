"""Object-level access in the network app: which activity, organisation, action or article a
user may open. Which pages a user may open at all is a Django permission on the view
(``@permission_required``), granted to the roles by the data migrations."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from coalition import roles
from network.models import (
    Action,
    Activity,
    Article,
    Campaign,
    EventRegistration,
    MistakeReport,
    Organisation,
    OrganisationUser,
    Person,
    PublicEvent,
)


def get_activity_for(user, pk) -> Activity:
    """An activity the user may edit: 404 when it does not exist, 403 when it is not theirs."""
    activity = get_object_or_404(Activity.objects.with_related(), pk=pk)
    if not Activity.objects.editable_by(user).filter(pk=activity.pk).exists():
        raise PermissionDenied
    return activity


def get_organisation_for(user, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not Organisation.objects.editable_by(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    return organisation


def get_partner_user(organisation: Organisation, pk):
    """A partner user of the organisation, to disable: 404 when not one of its users, 403 for
    a coordinator's or administrator's account, which is not a partner's to switch off."""
    user = get_object_or_404(organisation.users, pk=pk)
    if roles.is_coordinator(user) or user.is_superuser:
        raise PermissionDenied
    return user


def get_organisation_to_administer(user, slug) -> Organisation:
    """An organisation whose partner users the user may invite and disable: every one for a
    coordinator, the organisations they administer for a partner. 404 or 403."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not organisation.administered_by(user):
        raise PermissionDenied
    return organisation


def get_colleague_to_disable(user, organisation: Organisation, pk):
    """A partner user of the organisation that ``user`` may disable: 404 when not one of its
    users, 403 for a coordinator's account (see ``get_partner_user``). An administrator of
    the organisation may disable a colleague who is no administrator and works for no
    organisation they do not administer, or themselves while another administrator remains;
    the rest is the coordinator's."""
    colleague = get_partner_user(organisation, pk)
    if user.has_perm("network.manage_organisation"):
        return colleague
    if colleague.pk == user.pk:
        if not organisation.active_admins().exclude(pk=user.pk).exists():
            raise PermissionDenied  # the last administrator
        return colleague
    if organisation.user_links.filter(user=colleague, is_admin=True).exists():
        raise PermissionDenied
    administered = OrganisationUser.objects.filter(user=user, is_admin=True).values("organisation")
    if colleague.organisations.exclude(pk__in=administered).exists():
        raise PermissionDenied
    return colleague


def get_report_to_resolve(user, pk) -> MistakeReport:
    """An open mistake report the user may mark as handled: any for a moderator, one about an
    activity of their own organisation for a partner. 404 or 403."""
    report = get_object_or_404(MistakeReport.objects.select_related("activity"), pk=pk)
    if not MistakeReport.objects.resolvable_by(user).filter(pk=report.pk).exists():
        raise PermissionDenied
    if report.resolved_at is not None:
        raise Http404
    return report


def may_add_note(user, action: Action) -> bool:
    return Action.objects.open_to_notes_by(user).filter(pk=action.pk).exists()


def get_action_for_note(user, pk) -> Action:
    """An action the user may add a progress note to: 404 or 403."""
    action = get_object_or_404(Action, pk=pk)
    if not may_add_note(user, action):
        raise PermissionDenied
    return action


def may_update_progress(user, action: Action) -> bool:
    return Action.objects.progress_updatable_by(user).filter(pk=action.pk).exists()


def get_action_for_progress(user, pk) -> Action:
    """An action whose status and progress the user may update (their organisation leads it,
    or they are a coordinator): 404 or 403."""
    action = get_object_or_404(Action.objects.with_related(), pk=pk)
    if not may_update_progress(user, action):
        raise PermissionDenied
    return action


def get_article_for(user, slug, *, with_image: bool = False) -> Article:
    """An awareness item the user may read: 404 when it is unknown or a draft they may not
    see, so drafts stay secret. ``with_image`` loads the image and needs one."""
    articles = Article.objects.all() if with_image else Article.objects.defer("image")
    item = get_object_or_404(articles.visible_to(user), slug=slug)
    if with_image and not item.image:
        raise Http404
    return item


def own_organisations(user):
    """The organisations a user may act for (register, write notes)."""
    return Organisation.objects.editable_by(user).active().order_by("name")


def loggable_ambassadors(user):
    """The ambassadors whose contributions the user may log: all for who may change people
    (coordinators), those of their own organisations for partners."""
    people = Person.objects.ambassadors().filter(anonymised_at=None)
    if user.has_perm("network.change_person"):
        return people
    return people.filter(organisation__in=own_organisations(user))


def get_ambassador_for(user, pk) -> Person:
    """An ambassador the user may log a contribution for: 404 when there is no such
    ambassador, 403 when the ambassador belongs to another organisation."""
    person = get_object_or_404(Person.objects.ambassadors().filter(anonymised_at=None), pk=pk)
    if not loggable_ambassadors(user).filter(pk=person.pk).exists():
        raise PermissionDenied
    return person


def get_public_event(user, pk) -> PublicEvent:
    """An event's public page: published, or one the user organises (a preview). 404."""
    event = get_object_or_404(PublicEvent.objects.with_related(), pk=pk)
    if not event.is_published and not PublicEvent.objects.organised_by(user).filter(pk=pk):
        raise Http404
    return event


def get_event_for(user, pk) -> PublicEvent:
    """An event the user organises (their organisation's; every event for a coordinator):
    404 when it does not exist, 403 when it is not theirs."""
    event = get_object_or_404(PublicEvent.objects.with_related(), pk=pk)
    if not PublicEvent.objects.organised_by(user).filter(pk=event.pk).exists():
        raise PermissionDenied
    return event


def get_registration_for(user, pk) -> EventRegistration:
    """A registration for an event the user organises: 404 or 403."""
    registration = get_object_or_404(EventRegistration.objects.select_related("event"), pk=pk)
    if not PublicEvent.objects.organised_by(user).filter(pk=registration.event_id).exists():
        raise PermissionDenied
    return registration


def get_campaign_for(user, slug) -> Campaign:
    """A campaign's public page: published, or any for who may change campaigns. 404."""
    campaigns = Campaign.objects.all()
    if not user.has_perm("network.change_campaign"):
        campaigns = campaigns.published()
    return get_object_or_404(campaigns, slug=slug)
