"""Retention of registrations for public events: EVENT_DATA_KEEP_WEEKS after the event the
names, contact details and needs are erased; the numbers (people, came) stay."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.events.services import erase_due


class Command(BaseCommand):
    help = "Erase the personal data of registrations for events that ended long enough ago."

    def handle(self, *args, **options):
        erased = erase_due(now=timezone.now())
        self.stdout.write(f"{erased} registration(s) erased.")
