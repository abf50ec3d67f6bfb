from django.db import migrations

from coalition.roles import grant

TARGET_GROUPS = [
    ("ouderen", "Ouderen", "Inwoners van 65 jaar en ouder.", 10),
    ("jongeren", "Jongeren", "Jongeren en jongvolwassenen tot 27 jaar.", 20),
    ("mantelzorgers", "Mantelzorgers", "Inwoners die langdurig zorgen voor een naaste.", 30),
    (
        "moeilijk-rondkomen",
        "Moeilijk rondkomen",
        "Inwoners die moeite hebben om rond te komen.",
        40,
    ),
    ("volwassenen", "Volwassenen", "Alle volwassen inwoners (18 jaar en ouder).", 50),
]


def create_roles_and_target_groups(apps, schema_editor):
    TargetGroup = apps.get_model("coalition", "TargetGroup")
    for slug, name, description, order in TARGET_GROUPS:
        TargetGroup.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    grant(
        apps,
        "coordinator",
        [
            "coalition.view_targetgroup",
            "coalition.change_targetgroup",
            "coalition.view_area",
            "coalition.add_area",
            "coalition.change_area",
        ],
    )
    grant(apps, "partner", ["coalition.view_targetgroup", "coalition.view_area"])


class Migration(migrations.Migration):
    dependencies = [
        ("coalition", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles_and_target_groups, migrations.RunPython.noop)]
