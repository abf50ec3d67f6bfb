"""``python manage.py check_platform [--json]``: what needs attention on the platform.

Overdue signals (no first contact within the promised term), stale activities (not checked
for twelve months), failed background tasks, failed signal e-mails and finished task
results older than ``TASK_RESULTS_KEEP_DAYS`` (the prune job does not run). Exit status 1 when
something needs attention, 0 otherwise.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult

from coalition.tasks import finished_task_results
from network.models import Activity
from signals.models import Signal, SignalMail

CHECKS = {
    "overdue_signals": gettext_lazy("Signals without a first contact within the promised term"),
    "stale_activities": gettext_lazy("Published activities not checked for twelve months"),
    "failed_tasks": gettext_lazy("Background tasks that failed"),
    "failed_signal_mails": gettext_lazy("Signal e-mails that could not be sent"),
    "old_task_results": gettext_lazy(
        "Finished background tasks kept too long (does prune_task_results run daily?)"
    ),
}
EXAMPLES = 10


def platform_findings(today) -> dict[str, dict]:
    # A day of slack: the daily prune_task_results has not run yet today.
    yesterday = timezone.now() - datetime.timedelta(days=1)
    querysets = {
        "overdue_signals": Signal.objects.overdue(today).order_by("contact_due"),
        "stale_activities": Activity.objects.stale(today).order_by("last_verified_on"),
        "failed_tasks": DBTaskResult.objects.failed().order_by("-finished_at"),
        "failed_signal_mails": SignalMail.objects.filter(
            state=SignalMail.State.FAILED
        ).select_related("signal"),
        "old_task_results": finished_task_results(now=yesterday).order_by("enqueued_at"),
    }
    describe = {
        "overdue_signals": lambda s: (
            _("%(reference)s (contact due %(date)s)")
            % {"reference": s.reference, "date": s.contact_due.isoformat()}
        ),
        "stale_activities": lambda a: (
            _("%(title)s (last checked %(date)s)")
            % {"title": a.title, "date": a.last_verified_on or _("never")}
        ),
        "failed_tasks": lambda t: f"{t.task_path} {t.id} ({t.exception_class_path})",
        "failed_signal_mails": lambda m: f"{m.signal.reference} {m.kind}: {m.last_error}",
        "old_task_results": lambda t: (
            f"{t.task_path} {t.id} ({t.status}, {t.enqueued_at:%Y-%m-%d})"
        ),
    }
    return {
        key: {
            "title": str(CHECKS[key]),
            "count": queryset.count(),
            "examples": [describe[key](item) for item in queryset[:EXAMPLES]],
        }
        for key, queryset in querysets.items()
    }


class Command(BaseCommand):
    help = (
        "Report overdue signals, stale activities, failed tasks, failed signal e-mails and "
        "task results kept too long."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the findings as JSON.")

    def handle(self, *args, **options):
        findings = platform_findings(timezone.localdate())
        attention = any(finding["count"] for finding in findings.values())
        if options["json"]:
            self.stdout.write(json.dumps({"ok": not attention, "checks": findings}, indent=2))
        else:
            for finding in findings.values():
                style = self.style.WARNING if finding["count"] else self.style.SUCCESS
                self.stdout.write(style(f"{finding['title']}: {finding['count']}"))
                for example in finding["examples"]:
                    self.stdout.write(f"  - {example}")
            self.stdout.write(
                self.style.WARNING(_("Needs attention."))
                if attention
                else self.style.SUCCESS(_("All is well."))
            )
        if attention:
            sys.exit(1)
