"""Remind the contact persons of invited organisations of meetings in the next days."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.partnership.services import send_reminders


class Command(BaseCommand):
    help = "Send a reminder for network meetings that start within the next days (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="How many days ahead (2).")

    def handle(self, *args, days, **options):
        sent = send_reminders(now=timezone.now(), days_ahead=days)
        self.stdout.write(f"{sent} reminder(s) queued.")
