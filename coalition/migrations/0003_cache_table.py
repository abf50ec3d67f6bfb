from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The database cache (rate limits, sessions' neighbours) needs its table; making it part
    # of `migrate` means no deployment can forget `createcachetable`. Idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("coalition", "0002_roles_and_target_groups")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
