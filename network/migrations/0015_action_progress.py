"""Actions get a measurable target and a current value, progress notes the value they
recorded; the lead organisation's partners may update progress (``network.update_progress``).

A count at the start of the old free text ("30 ambassadeurs getraind") becomes the target:
number 30, label "ambassadeurs getraind". Anything else (a percentage, a GGD indicator) stays
where it was, as the indicator the action should move."""

import re

from django.db import migrations, models

from coalition.roles import grant

PERMISSIONS = ["network.update_progress"]
COUNT = re.compile(r"^\s*(\d{1,7})\s+([^\d%\s].*)$")


def targets_from_text(apps, schema_editor):
    Action = apps.get_model("network", "Action")
    for action in Action.objects.exclude(indicator_target="").filter(target_value=None):
        match = COUNT.match(action.indicator_target)
        if match:
            action.target_value = int(match[1])
            action.target_label = match[2].strip()[:200]
            action.indicator_target = ""
            action.save(update_fields=["target_value", "target_label", "indicator_target"])


def text_from_targets(apps, schema_editor):
    Action = apps.get_model("network", "Action")
    for action in Action.objects.filter(indicator_target="").exclude(target_value=None):
        action.indicator_target = f"{action.target_value} {action.target_label}".strip()[:250]
        action.save(update_fields=["indicator_target"])


def grant_permissions(apps, schema_editor):
    grant(apps, "coordinator", PERMISSIONS)
    grant(apps, "partner", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0014_fill_search_tokens"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="action",
            options={
                "ordering": ["goal__number", "title", "pk"],
                "permissions": [
                    ("update_progress", "Can update status and progress of the actions it leads")
                ],
                "verbose_name": "action",
                "verbose_name_plural": "actions",
            },
        ),
        migrations.AddField(
            model_name="action",
            name="current_value",
            field=models.PositiveIntegerField(default=0, verbose_name="number reached so far"),
        ),
        migrations.AddField(
            model_name="action",
            name="target_label",
            field=models.CharField(
                blank=True,
                help_text="What is counted, e.g. “ambassadors trained”.",
                max_length=200,
                verbose_name="measurable target",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="target_value",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="target number"),
        ),
        migrations.AddField(
            model_name="progressnote",
            name="value",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="number reached"),
        ),
        migrations.AlterField(
            model_name="action",
            name="indicator_target",
            field=models.CharField(
                blank=True,
                help_text="In the long run, e.g. “fewer severely lonely residents (GGD monitor)”.",
                max_length=250,
                verbose_name="indicator it should move",
            ),
        ),
        migrations.RunPython(targets_from_text, text_from_targets),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
