"""The reminder the day before a public event, to every confirmed registrant with e-mail."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.events.services import send_reminders


class Command(BaseCommand):
    help = "Remind the registrants of public events that start tomorrow (once per event)."

    def handle(self, *args, **options):
        sent = send_reminders(now=timezone.now())
        self.stdout.write(f"{sent} reminder(s) queued.")
