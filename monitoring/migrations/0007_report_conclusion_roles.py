from django.db import migrations

from coalition.roles import grant


def coordinators_write_conclusions(apps, schema_editor):
    grant(
        apps,
        "coordinator",
        [
            "monitoring.view_reportconclusion",
            "monitoring.add_reportconclusion",
            "monitoring.change_reportconclusion",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0006_report_conclusions")]

    operations = [
        migrations.RunPython(coordinators_write_conclusions, migrations.RunPython.noop)
    ]
