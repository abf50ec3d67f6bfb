from django.db import migrations

from coalition.roles import grant

INDICATORS = [
    (
        "eenzaam",
        "Eenzaam",
        "Score 3 of hoger op de eenzaamheidsschaal van De Jong Gierveld (11 vragen).",
        10,
    ),
    (
        "matig_eenzaam",
        "Matig eenzaam",
        "Score 3 tot en met 8 op de eenzaamheidsschaal van De Jong Gierveld.",
        20,
    ),
    (
        "ernstig_eenzaam",
        "(Zeer) ernstig eenzaam",
        "Score 9 of hoger op de eenzaamheidsschaal van De Jong Gierveld.",
        30,
    ),
    (
        "emotioneel_eenzaam",
        "Emotioneel eenzaam",
        "Iemand mist een hechte band, bijvoorbeeld een partner of beste vriend(in).",
        40,
    ),
    (
        "sociaal_eenzaam",
        "Sociaal eenzaam",
        "Iemand mist een groter netwerk van mensen om op terug te vallen.",
        50,
    ),
]


def seed_indicators_and_roles(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    for code, name, description, order in INDICATORS:
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "order": order,
                "instrument": "DJG-11",
            },
        )
    grant(
        apps,
        "coordinator",
        [
            "monitoring.view_indicator",
            "monitoring.view_measurement",
            "monitoring.add_measurement",
            "monitoring.change_measurement",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_indicators_and_measurements"),
        ("coalition", "0002_roles_and_target_groups"),
    ]

    operations = [migrations.RunPython(seed_indicators_and_roles, migrations.RunPython.noop)]
