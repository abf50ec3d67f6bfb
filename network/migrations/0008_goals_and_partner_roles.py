from django.db import migrations

from coalition.roles import grant

GOALS = [
    (1, "Vergroot de bewustwording en maak eenzaamheid bespreekbaar"),
    (2, "Creëer een lokaal netwerk"),
    (3, "Werk aan een duurzame aanpak"),
]

MODELS = (
    "membership",
    "person",
    "goal",
    "action",
    "progressnote",
    "meeting",
    "registration",
    "training",
    "participation",
)
COORDINATOR_PERMISSIONS = [
    f"network.{action}_{model}" for model in MODELS for action in ("view", "add", "change", "delete")
]
PARTNER_PERMISSIONS = [
    "network.view_membership",
    "network.view_person",
    "network.view_goal",
    "network.view_action",
    "network.view_progressnote",
    "network.add_progressnote",
    "network.view_meeting",
    "network.add_registration",
    "network.view_training",
]


def goals_and_roles(apps, schema_editor):
    Goal = apps.get_model("network", "Goal")
    for number, title in GOALS:
        # Coordinators may reword a goal: only create the ones that are missing.
        Goal.objects.get_or_create(number=number, defaults={"title": title})
    grant(apps, "coordinator", COORDINATOR_PERMISSIONS)
    grant(apps, "partner", PARTNER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("network", "0007_partner_network")]

    operations = [migrations.RunPython(goals_and_roles, migrations.RunPython.noop)]
