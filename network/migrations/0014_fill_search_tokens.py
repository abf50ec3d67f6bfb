from django.db import migrations

from network.socialmap.searchtext import store_tokens


def fill(apps, schema_editor):
    """The search tokens of the existing activities (and, on PostgreSQL, their vectors)."""
    Activity = apps.get_model("network", "Activity")
    store_tokens(Activity.objects.using(schema_editor.connection.alias).all())


def empty(apps, schema_editor):
    """Back to the Dutch text vector of 0004 (PostgreSQL); the token columns go with 0013."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE network_activity SET search_vector = "
            "setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || "
            "setweight(to_tsvector('dutch', coalesce(description, '')), 'C')"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0013_activity_search_tokens"),
    ]

    operations = [
        migrations.RunPython(fill, empty),
    ]
