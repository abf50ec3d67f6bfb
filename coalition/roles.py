"""Roles: the ``coordinator`` and ``partner`` groups and the helpers that ask about them.

What a role may do is a set of Django permissions, given to its group by each app's data
migrations (see ``grant`` below); views ask ``@permission_required`` and templates ``perms``,
never the group name. The groups themselves are created by
``coalition/migrations/0002_roles_and_target_groups.py``. ``is_coordinator`` and
``is_partner`` remain for the few questions that really are "is this person in the group":
who must use a second factor, who can be assigned a signal, who reports as a professional,
whose account is not a partner's to disable.

A signed-in request asks both questions, so ``access`` reads the user's groups and
permissions in one query and keeps them on that request's user object (``Backend`` answers
``has_perm`` from it): nothing outlives the request, so a permission revoked or a group left
counts from the very next request.
"""

from dataclasses import dataclass

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection

COORDINATOR = "coordinator"
PARTNER = "partner"
ROLES = (COORDINATOR, PARTNER)


@dataclass(frozen=True)
class Access:
    groups: frozenset[str]
    user_permissions: frozenset[str]  # "app_label.codename", given to the user personally
    group_permissions: frozenset[str]  # through the groups


# Django's own auth tables. Written out rather than built by the ORM: every signed-in request
# runs it, and building the same query with the ORM costs seven times as long as running it.
ACCESS_SQL = """
    SELECT g.name, ct.app_label, p.codename
    FROM auth_user_groups ug
    JOIN auth_group g ON g.id = ug.group_id
    LEFT JOIN auth_group_permissions gp ON gp.group_id = g.id
    LEFT JOIN auth_permission p ON p.id = gp.permission_id
    LEFT JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE ug.user_id = %s
    UNION ALL
    SELECT NULL, ct.app_label, p.codename
    FROM auth_user_user_permissions up
    JOIN auth_permission p ON p.id = up.permission_id
    JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE up.user_id = %s
"""


def access(user: User) -> Access:
    """The groups and permissions of ``user`` in one query, once per user object (templates
    and views ask several times per request; each request loads its user anew)."""
    if not hasattr(user, "_access"):
        with connection.cursor() as cursor:
            cursor.execute(ACCESS_SQL, [user.pk, user.pk])
            rows = cursor.fetchall()
        groups, group_permissions, user_permissions = set(), set(), set()
        for group, app_label, codename in rows:
            if group is not None:
                groups.add(group)
            if codename is not None:
                perms = user_permissions if group is None else group_permissions
                perms.add(f"{app_label}.{codename}")
        user._access = Access(
            frozenset(groups), frozenset(user_permissions), frozenset(group_permissions)
        )
    return user._access


class Backend(ModelBackend):
    """Django's ModelBackend with the permissions of ``access`` (one query instead of two,
    shared with the group questions below). Superusers, inactive users and object
    permissions go the ModelBackend's way unchanged."""

    def get_user_permissions(self, user_obj, obj=None):
        if _plain(user_obj, obj):
            return access(user_obj).user_permissions
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        if _plain(user_obj, obj):
            return access(user_obj).group_permissions
        return super().get_group_permissions(user_obj, obj)


def _plain(user, obj) -> bool:
    return obj is None and user.is_active and not user.is_anonymous and not user.is_superuser


def _group_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    return access(user).groups


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
