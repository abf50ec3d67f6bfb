from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The "booklets" cache of social-map PDFs (network/socialmap/booklet.py) has its own
    # table; `createcachetable` makes every missing one and leaves the others. Idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("network", "0021_merge_events_and_thinkalong")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
