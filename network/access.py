"""The one place that decides who may see or change an activity or an organisation."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from coalition import roles
from network.models import Activity, Organisation


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
