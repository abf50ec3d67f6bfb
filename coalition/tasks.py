"""Background work shared by every app. Mail leaves through here, never inside a request.

A task's arguments are stored (in the task results table) until ``prune_task_results``
removes them. A mail with a secret link (password reset and set-up link in coalition/, the
invitation and freshness reminder in network/tasks.py) therefore has a task of its own that
takes ids and makes the link and the text when it runs; only mails without a secret pass
their text to ``send_email``.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.tasks import Task, TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

Status = TaskResultStatus


@task
def send_email(
    *, subject: str, body: str, to: list[str], html: str = "", message_id: str = ""
) -> int:
    """Send one e-mail. Raises when the mail server refuses, so the worker records a failure.

    ``message_id`` makes a second attempt of the same mail recognisable as the same message.
    """
    headers = {"Message-ID": message_id} if message_id else None
    message = EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def waiting_task_kwargs(waiting: Task) -> list[dict]:
    """The keyword arguments of the tasks of this kind that wait in the database queue."""
    rows = DBTaskResult.objects.filter(status=Status.READY, task_path=waiting.module_path)
    return [row["kwargs"] for row in rows.values_list("args_kwargs", flat=True)]


def finished_task_results(*, now: datetime.datetime):
    """Task results older than ``TASK_RESULTS_KEEP_DAYS``: finished ones, and ones still
    marked running after that long (their worker died)."""
    before = now - datetime.timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    return DBTaskResult.objects.filter(
        Q(finished_at__lt=before, status__in=[Status.SUCCESSFUL, Status.FAILED])
        | Q(started_at__lt=before, status=Status.RUNNING)
    )


def prune_task_results(*, now: datetime.datetime) -> int:
    """Delete the task results ``finished_task_results`` finds; returns how many."""
    deleted, _ = finished_task_results(now=now).delete()
    return deleted
