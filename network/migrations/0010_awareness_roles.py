from django.db import migrations

from coalition.roles import grant


def roles(apps, schema_editor):
    grant(
        apps,
        "coordinator",
        [f"network.{a}_article" for a in ("view", "add", "change", "delete")],
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0009_awareness_articles")]

    operations = [migrations.RunPython(roles, migrations.RunPython.noop)]
