from django.db import migrations

from coalition.roles import grant


def forwards(apps, schema_editor):
    grant(apps, "partner", ["signals.answer_referral"])


class Migration(migrations.Migration):
    dependencies = [("signals", "0006_referral_handshake")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
