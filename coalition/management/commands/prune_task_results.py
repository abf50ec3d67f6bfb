from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from coalition.tasks import prune_task_results


class Command(BaseCommand):
    help = (
        "Delete background task results (their arguments and return values) finished more "
        "than TASK_RESULTS_KEEP_DAYS days ago (run daily from cron)."
    )

    def handle(self, *args, **options):
        count = prune_task_results(now=timezone.now())
        self.stdout.write(
            f"{count} task result(s) older than {settings.TASK_RESULTS_KEEP_DAYS} days deleted."
        )
