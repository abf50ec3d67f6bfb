"""The ambassadors' community: contributions of ambassadors, messages to them, the target
group and district an ambassador works in, unsubscribing from messages. Grants the new
permissions, and makes an ambassador of everyone who already completed an ambassador
training (signalling, or train the trainer): the rule the service applies from now on."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from coalition.roles import grant

COORDINATOR_PERMISSIONS = [
    "network.message_ambassadors",
    "network.view_ambassadormessage",
    *(f"network.{action}_contribution" for action in ("view", "add", "change", "delete")),
]
PARTNER_PERMISSIONS = ["network.view_contribution", "network.add_contribution"]
AMBASSADOR_TRAININGS = ["signaleren", "train-de-trainer"]


def grant_permissions(apps, schema_editor):
    grant(apps, "coordinator", COORDINATOR_PERMISSIONS)
    grant(apps, "partner", PARTNER_PERMISSIONS)


def ambassadors_from_trainings(apps, schema_editor):
    Person = apps.get_model("network", "Person")
    Person.objects.filter(
        anonymised_at=None,
        is_ambassador=False,
        participations__completed=True,
        participations__training__kind__in=AMBASSADOR_TRAININGS,
    ).update(is_ambassador=True)


class Migration(migrations.Migration):

    dependencies = [
        ('coalition', '0003_cache_table'),
        ('network', '0015_action_progress'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': ['name', 'pk'], 'permissions': [('export_person', 'Can download the people list with contact details'), ('message_ambassadors', 'Can send a message to active ambassadors')], 'verbose_name': 'person', 'verbose_name_plural': 'people'},
        ),
        migrations.AddField(
            model_name='person',
            name='district',
            field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'district'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.area', verbose_name='district'),
        ),
        migrations.AddField(
            model_name='person',
            name='mail_unsubscribed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='unsubscribed from messages at'),
        ),
        migrations.AddField(
            model_name='person',
            name='target_group',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.targetgroup', verbose_name='works mostly with target group'),
        ),
        migrations.CreateModel(
            name='AmbassadorMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.CharField(max_length=150, verbose_name='subject')),
                ('text', models.TextField(verbose_name='message')),
                ('sent_at', models.DateTimeField(verbose_name='sent at')),
                ('recipient_count', models.PositiveIntegerField(default=0, verbose_name='recipients')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.area', verbose_name='district')),
                ('sent_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
                ('target_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.targetgroup', verbose_name='target group')),
            ],
            options={
                'verbose_name': 'message to ambassadors',
                'verbose_name_plural': 'messages to ambassadors',
                'ordering': ['-sent_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Contribution',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(db_index=True, verbose_name='date')),
                ('kind', models.CharField(choices=[('gesprekken', 'conversations held'), ('signalen', 'signals passed on to the Sociaal Servicepunt'), ('voorlichting', 'talk or presentation'), ('overig', 'other')], max_length=20, verbose_name='kind')),
                ('people_reached', models.PositiveIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(10000)], verbose_name='people reached')),
                ('note', models.CharField(blank=True, help_text='No names or other personal details of the people you spoke to.', max_length=300, verbose_name='short note')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('district', models.ForeignKey(blank=True, limit_choices_to={'kind': 'district'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.area', verbose_name='district')),
                ('logged_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='logged by')),
                ('person', models.ForeignKey(limit_choices_to={'is_ambassador': True}, on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='network.person', verbose_name='ambassador')),
                ('target_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='coalition.targetgroup', verbose_name='target group')),
            ],
            options={
                'verbose_name': "ambassador's contribution",
                'verbose_name_plural': "ambassadors' contributions",
                'ordering': ['-date', '-pk'],
            },
        ),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
        migrations.RunPython(ambassadors_from_trainings, migrations.RunPython.noop),
    ]
