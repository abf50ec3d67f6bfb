"""The search tokens of an activity (network.socialmap.searchtext): title, summary, the rest."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0012_access_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_title",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="activity",
            name="search_summary",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="activity",
            name="search_rest",
            field=models.TextField(default="", editable=False),
        ),
    ]
