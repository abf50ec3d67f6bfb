from django.core.management.base import BaseCommand
from django.utils import timezone

from signals.services.mail import sweep_outbox


class Command(BaseCommand):
    help = (
        "Queue again the signal e-mails that are not sent and that no worker or task will "
        "send: failed ones, ones whose worker died, ones whose task was lost (run every two "
        "minutes from cron)."
    )

    def handle(self, *args, **options):
        count = sweep_outbox(now=timezone.now())
        self.stdout.write(f"{count} e-mail(s) queued again.")
