from django.core.management.base import BaseCommand
from django.utils import timezone

from signals.services.mail import retry_failed_mail


class Command(BaseCommand):
    help = "Queue failed signal e-mails again (run every few minutes from cron)."

    def handle(self, *args, **options):
        count = retry_failed_mail(now=timezone.now())
        self.stdout.write(f"{count} e-mail(s) queued again.")
