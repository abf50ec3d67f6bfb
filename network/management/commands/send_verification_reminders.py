"""Queue reminder e-mails for activities that were not checked for six months.

Run it daily (cron or a scheduler); the mails leave through the task worker
(``manage.py db_worker``), never inside a web request.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from network.socialmap.services import send_verification_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for activities not checked for six months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The address of the site, for the links in the mail (default: SITE_URL).",
        )

    def handle(self, *args, base_url, **options):
        count = send_verification_reminders(today=timezone.localdate(), site_url=base_url)
        self.stdout.write(f"{count} reminder(s) queued.")
