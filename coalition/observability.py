"""What operators need to see: one log line per request, and the health of the task queue."""

import logging
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("coalition.requests")


class RequestLogMiddleware:
    """One structured line per request: method, path, status, duration; query count in DEBUG.

    The query string is left out on purpose: search terms can be personal.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        queries_before = len(connection.queries) if settings.DEBUG else 0
        response = self.get_response(request)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if settings.DEBUG:
            fields["queries"] = len(connection.queries) - queries_before
        logger.info(" ".join(f"{key}={value}" for key, value in fields.items()), extra=fields)
        return response


def oldest_waiting_task_age(now=None) -> float | None:
    """Seconds the oldest task ready to run has been waiting, or None when none waits."""
    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    ).first()
    if oldest is None:
        return None
    return round(((now or timezone.now()) - oldest).total_seconds(), 1)
