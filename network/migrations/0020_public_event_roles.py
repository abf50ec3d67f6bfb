from django.db import migrations

from coalition.roles import grant


def roles(apps, schema_editor):
    grant(
        apps,
        "coordinator",
        [f"network.{a}_publicevent" for a in ("view", "add", "change", "delete", "moderate")]
        + [f"network.{a}_eventregistration" for a in ("view", "change", "delete")]
        + [f"network.{a}_campaign" for a in ("view", "add", "change", "delete")],
    )
    grant(
        apps,
        "partner",
        [f"network.{a}_publicevent" for a in ("view", "add", "change")]
        + [f"network.{a}_eventregistration" for a in ("view", "change")],
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0019_public_events_and_campaigns")]

    operations = [migrations.RunPython(roles, migrations.RunPython.noop)]
