"""Roles: the ``coordinator`` and ``partner`` groups and the helpers that ask about them.

What a role may do is a set of Django permissions, given to its group by each app's data
migrations (see ``grant`` below); views ask ``@permission_required`` and templates ``perms``,
never the group name. The groups themselves are created by
``coalition/migrations/0002_roles_and_target_groups.py``. ``is_coordinator`` and
``is_partner`` remain for the few questions that really are "is this person in the group":
who must use a second factor, who can be assigned a signal, who reports as a professional,
whose account is not a partner's to disable.
"""

from django.contrib.auth.models import AnonymousUser, User

COORDINATOR = "coordinator"
PARTNER = "partner"
ROLES = (COORDINATOR, PARTNER)


def _group_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    # Cached on the user object: templates and views ask several times per request.
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


def is_coordinator(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.is_active and COORDINATOR in _group_names(user)


def is_partner(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.is_active and PARTNER in _group_names(user)


def needs_second_factor(user: User | AnonymousUser) -> bool:
    """Coordinators and administrators see special personal data: they must use 2FA."""
    return user.is_authenticated and (user.is_superuser or is_coordinator(user))


def grant(apps, group_name: str, perms: list[str]) -> None:
    """Give a group permissions ``"app_label.codename"``; for use in data migrations.

    Permissions are made after ``migrate`` (post_migrate); a data migration that runs before
    that makes the ones it is missing first, which walks every app's models, so only then."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {tuple(perm.split(".")) for perm in perms}

    def existing():
        found = Permission.objects.filter(codename__in=[code for _, code in wanted])
        return {
            (perm.content_type.app_label, perm.codename): perm
            for perm in found.select_related("content_type")
            if (perm.content_type.app_label, perm.codename) in wanted
        }

    permissions = existing()
    if len(permissions) < len(wanted):
        from django.contrib.auth.management import create_permissions

        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        permissions = existing()
    if missing := wanted - permissions.keys():
        raise LookupError(f"no such permission: {sorted(missing)}")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*permissions.values())
