"""Coordinators see and handle the focus groups and ideas of residents (with contact details)."""

from django.db import migrations

from coalition.roles import grant

PERMISSIONS = ["network.manage_thinkalong"]


def grant_permissions(apps, schema_editor):
    grant(apps, "coordinator", PERMISSIONS)


def revoke_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    added = Permission.objects.filter(
        content_type__app_label="network", codename="manage_thinkalong"
    )
    for group in Group.objects.filter(name="coordinator"):
        group.permissions.remove(*added)


class Migration(migrations.Migration):
    dependencies = [("network", "0019_thinkalong_focus_groups_and_ideas")]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
