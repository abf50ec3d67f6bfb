from django.db import migrations

CARER = (
    "mantelzorger",
    "Mantelzorger",
    "Aandeel volwassenen (18+) dat mantelzorg geeft (GGD). Geen maat voor eenzaamheid: de "
    "quickscan schat er het aantal mantelzorgers per wijk mee.",
    90,
)


def add_carer_indicator(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    code, name, description, order = CARER
    Indicator.objects.update_or_create(
        code=code,
        defaults={"name": name, "description": description, "order": order},
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_quickscan_boundaries_and_profile_ages")]

    operations = [migrations.RunPython(add_carer_indicator, migrations.RunPython.noop)]
