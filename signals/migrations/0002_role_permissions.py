from django.db import migrations

from coalition.roles import grant

COORDINATOR = [
    "signals.view_signal",
    "signals.add_signal",
    "signals.change_signal",
    "signals.triage_signal",
    "signals.export_signal",
    "signals.anonymise_signal",
    "signals.view_signalevent",
    "signals.view_contactattempt",
    "signals.view_signalmail",
]
PARTNER = ["signals.view_own_reports"]


def forwards(apps, schema_editor):
    grant(apps, "coordinator", COORDINATOR)
    grant(apps, "partner", PARTNER)


class Migration(migrations.Migration):
    dependencies = [
        ("signals", "0001_signals_contact_attempts_events_outbox"),
        ("coalition", "0002_roles_and_target_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
