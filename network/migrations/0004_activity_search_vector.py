import django.contrib.postgres.search
from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('dutch', coalesce(description, '')), 'C')"
)


def index_and_fill(apps, schema_editor):
    """On PostgreSQL: a GIN index on the text vector, and the vectors of existing rows."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS act_search_gin ON network_activity USING gin (search_vector)"
    )
    schema_editor.execute(f"UPDATE network_activity SET search_vector = {VECTOR}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS act_search_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_activity_reminder_sent_on"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_and_fill, drop_index),
    ]
