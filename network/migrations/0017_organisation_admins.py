"""Partner users who administer their organisation: the plain many-to-many between
organisations and users gets a model of its own (on the same table, so no row moves) with an
``is_admin`` flag, and the permission to invite and disable colleagues goes to both roles
(checked per organisation in network/access.py). Partners may also mark a reported mistake on
their own activities as handled (checked per report)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from coalition.roles import grant

PERMISSIONS = ["network.administer_partner_users", "network.change_mistakereport"]


def grant_permissions(apps, schema_editor):
    grant(apps, "coordinator", PERMISSIONS)
    grant(apps, "partner", PERMISSIONS)


def revoke_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    partner = Group.objects.filter(name="partner").first()
    if partner:
        partner.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="network",
                codename__in=["administer_partner_users", "change_mistakereport"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0016_ambassadors_community"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OrganisationUser",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="user_links",
                                to="network.organisation",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="organisation_links",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "partner user of an organisation",
                        "verbose_name_plural": "partner users of organisations",
                        "db_table": "network_organisation_users",
                        "unique_together": {("organisation", "user")},
                    },
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="users",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text="Partner users who may edit this organisation and its activities.",
                        related_name="organisations",
                        through="network.OrganisationUser",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="partner users",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="organisationuser",
            name="is_admin",
            field=models.BooleanField(
                default=False,
                help_text="May invite colleagues and disable their accounts.",
                verbose_name="administrator of the organisation",
            ),
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
                    (
                        "administer_partner_users",
                        "Can invite and disable the partner users of an organisation one "
                        "administers",
                    ),
                ],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.RunPython(grant_permissions, revoke_permissions),
    ]
