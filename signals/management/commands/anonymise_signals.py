from django.core.management.base import BaseCommand
from django.utils import timezone

from signals.services.privacy import anonymise_expired


class Command(BaseCommand):
    help = "Anonymise closed signals older than SIGNAL_RETENTION_MONTHS (run daily from cron)."

    def handle(self, *args, **options):
        references = anonymise_expired(now=timezone.now())
        self.stdout.write(f"{len(references)} signal(s) anonymised.")
        for reference in references:
            self.stdout.write(f"  {reference}")
