from django.core.management.base import BaseCommand
from django.utils import timezone

from signals.services.mail import send_overdue_digest


class Command(BaseCommand):
    help = "Queue the daily e-mail to the coordinators listing overdue signals (run from cron)."

    def handle(self, *args, **options):
        count = send_overdue_digest(today=timezone.localdate())
        self.stdout.write(f"{count} overdue signal(s) in the digest.")
