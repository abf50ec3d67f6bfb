from django.db import migrations

from coalition.roles import grant

ACTIVITY_TYPES = [
    ("ontmoeting", "Ontmoeting", 10),
    ("bewegen", "Bewegen", 20),
    ("cultuur", "Cultuur", 30),
    ("maatje", "Maatje", 40),
    ("welzijn-op-recept", "Welzijn op recept", 50),
    ("informatie-en-advies", "Informatie en advies", 60),
    ("digitale-vaardigheden", "Digitale vaardigheden", 70),
    ("vrijwilligerswerk", "Vrijwilligerswerk", 80),
    ("eten-en-drinken", "Samen eten", 90),
    ("creatief", "Creatief", 100),
]

COORDINATOR_PERMISSIONS = [
    f"network.{action}_{model}"
    for model in ("organisation", "activity", "activitytype", "activitychange", "mistakereport")
    for action in ("view", "add", "change", "delete")
] + ["network.view_activityevent"]

PARTNER_PERMISSIONS = [
    "network.view_organisation",
    "network.change_organisation",
    "network.view_activity",
    "network.add_activity",
    "network.change_activity",
    "network.view_activitytype",
]


def roles_and_types(apps, schema_editor):
    ActivityType = apps.get_model("network", "ActivityType")
    for slug, name, order in ACTIVITY_TYPES:
        ActivityType.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    grant(apps, "coordinator", COORDINATOR_PERMISSIONS)
    grant(apps, "partner", PARTNER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_organisations_and_activities"),
        ("coalition", "0002_roles_and_target_groups"),
    ]

    operations = [migrations.RunPython(roles_and_types, migrations.RunPython.noop)]
