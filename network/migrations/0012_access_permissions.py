"""Permissions for the doors of the network app that are not a model's add/change/delete/view,
and which role holds them."""

from django.db import migrations

from coalition.roles import grant

COORDINATOR_PERMISSIONS = [
    "network.use_workspace",
    "network.manage_organisation",
    "network.moderate_activity",
    "network.manage_membership",
    "network.export_person",
]
PARTNER_PERMISSIONS = ["network.use_workspace"]


def grant_permissions(apps, schema_editor):
    grant(apps, "coordinator", COORDINATOR_PERMISSIONS)
    grant(apps, "partner", PARTNER_PERMISSIONS)


def revoke_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [perm.split(".")[1] for perm in COORDINATOR_PERMISSIONS]
    added = Permission.objects.filter(content_type__app_label="network", codename__in=codenames)
    for group in Group.objects.filter(name__in=["coordinator", "partner"]):
        group.permissions.remove(*added)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_catalogue_cache_table"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="activity",
            options={
                "ordering": ["title"],
                "permissions": [
                    ("moderate_activity", "Can publish, reject, check and import any activity")
                ],
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
            },
        ),
        migrations.AlterModelOptions(
            name="membership",
            options={
                "ordering": ["organisation__name"],
                "permissions": [
                    (
                        "manage_membership",
                        "Can see the member administration, its download and growth",
                    )
                ],
                "verbose_name": "membership",
                "verbose_name_plural": "memberships",
            },
        ),
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "ordering": ["name"],
                "permissions": [
                    ("use_workspace", "Can use the workspace"),
                    (
                        "manage_organisation",
                        "Can see and change every organisation and its partner users",
                    ),
                ],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.AlterModelOptions(
            name="person",
            options={
                "ordering": ["name", "pk"],
                "permissions": [
                    ("export_person", "Can download the people list with contact details")
                ],
                "verbose_name": "person",
                "verbose_name_plural": "people",
            },
        ),
        migrations.RunPython(grant_permissions, revoke_permissions),
    ]
