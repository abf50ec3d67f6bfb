"""Workflows about partner users: invited to an organisation, disabled when they leave,
administrators of their organisation. Who may do which is checked in network/access.py."""

from django.contrib.auth.models import Group, User
from django.db import transaction

from coalition import roles
from network.models import Organisation, OrganisationUser
from network.tasks import send_partner_invitation


@transaction.atomic
def invite_partner(
    *, email: str, first_name: str, last_name: str, organisation: Organisation
) -> User:
    """Create (or re-enable) a partner account for an organisation and mail a set-password link.

    The task gets ids only; it makes the link and the text (in the site's language) when it
    runs, so the link is stored nowhere.
    """
    user = User.objects.filter(username__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email.lower())
        user.set_unusable_password()
    user.first_name, user.last_name, user.is_active = first_name, last_name, True
    user.save()
    user.groups.add(Group.objects.get(name=roles.PARTNER))
    organisation.users.add(user)
    send_partner_invitation.enqueue(user_id=user.pk, organisation_id=organisation.pk)
    return user


@transaction.atomic
def disable_partner(*, user: User) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])


@transaction.atomic
def enable_partner(*, user: User) -> None:
    """Switch a disabled account on again: the coordinator's last word."""
    user.is_active = True
    user.save(update_fields=["is_active"])


@transaction.atomic
def set_organisation_admin(*, organisation: Organisation, user: User, is_admin: bool) -> None:
    """Make a partner user an administrator of the organisation, or no longer."""
    OrganisationUser.objects.filter(organisation=organisation, user=user).update(is_admin=is_admin)
