from django.core.management.base import BaseCommand
from django.utils import timezone

from signals.services.reminders import remind_referrals


class Command(BaseCommand):
    help = (
        "Remind partners of referrals they have not answered, then tell the coordinator "
        "(each once; run daily from cron)."
    )

    def handle(self, *args, **options):
        reminded, notified = remind_referrals(now=timezone.now())
        self.stdout.write(f"{reminded} partner reminder(s), {notified} coordinator notice(s).")
