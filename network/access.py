"""The one place that decides who may see or change what in the network app: the social map's
activities and organisations, and the partnership's members, agenda, meetings and trainings."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from coalition import roles
from network.models import Action, Activity, Organisation


def may_moderate(user) -> bool:
    return user.is_active and (roles.is_coordinator(user) or user.is_superuser)


def may_use_workspace(user) -> bool:
    return may_moderate(user) or roles.is_partner(user)


def require_workspace(user) -> None:
    if not may_use_workspace(user):
        raise PermissionDenied


def require_moderator(user) -> None:
    if not may_moderate(user):
        raise PermissionDenied


def get_activity_for(user, pk) -> Activity:
    """An activity the user may edit: 404 when it does not exist, 403 when it is not theirs."""
    activity = get_object_or_404(Activity.objects.with_related(), pk=pk)
    if not Organisation.objects.editable_by(user).filter(pk=activity.organisation_id).exists():
        raise PermissionDenied
    return activity


def get_organisation_for(user, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not Organisation.objects.editable_by(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    return organisation


def require_network_member(user) -> None:
    """Partners and coordinators: they see the network, meetings and agenda."""
    if not may_use_workspace(user):
        raise PermissionDenied


def require_coordinator(user) -> None:
    if not may_moderate(user):
        raise PermissionDenied


def may_add_note(user, action: Action) -> bool:
    if may_moderate(user):
        return True
    return Action.objects.taken_part_in_by(user).filter(pk=action.pk).exists()


def get_action_for_note(user, pk) -> Action:
    """An action the user may add a progress note to: 404 or 403."""
    action = get_object_or_404(Action, pk=pk)
    if not may_add_note(user, action):
        raise PermissionDenied
    return action


def own_organisations(user):
    """The organisations a user may act for (register, write notes)."""
    return Organisation.objects.editable_by(user).active().order_by("name")
