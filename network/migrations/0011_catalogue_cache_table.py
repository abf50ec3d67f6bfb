from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The "catalogue" cache of rendered social-map pages (network/catalogue.py) has its own
    # table; `createcachetable` makes every missing one and leaves the others. Idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("network", "0010_awareness_roles"), ("coalition", "0003_cache_table")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
