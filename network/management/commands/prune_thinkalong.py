from django.core.management.base import BaseCommand
from django.utils import timezone

from network.thinkalong.services import prune


class Command(BaseCommand):
    help = (
        "Delete focus-group members and contact details of ideas older than "
        "THINKALONG_RETENTION_MONTHS (run daily from cron)."
    )

    def handle(self, *args, **options):
        members, ideas = prune(now=timezone.now())
        self.stdout.write(f"{members} focus-group member(s) deleted, {ideas} idea(s) pruned.")
