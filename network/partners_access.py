"""Who may see or change the partner network: members, people, agenda, meetings, trainings.

Kept next to ``network/access.py`` (the social map's helper) so both can grow without
merge conflicts; it builds on the same role questions.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from network.access import may_moderate, may_use_workspace
from network.models import Action, Organisation


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
