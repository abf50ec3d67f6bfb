from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from coalition.models import TargetGroup
from coalition.observability import oldest_waiting_task_age


@require_GET
def home(request):
    target_groups = TargetGroup.objects.active()
    return render(request, "coalition/home.html", {"target_groups": target_groups})


@require_GET
def privacy(request):
    return render(request, "coalition/privacy.html")


@require_GET
@cache_control(public=True, max_age=3600)
def theme_css(request):
    """The municipality's colours, set in one place (settings) and served as a stylesheet."""
    css = (
        ":root {\n"
        f"  --brand: {settings.BRAND_COLOR};\n"
        f"  --brand-dark: {settings.BRAND_COLOR_DARK};\n"
        "}\n"
    )
    return HttpResponse(css, content_type="text/css")


@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        waiting = oldest_waiting_task_age()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "oldest_waiting_task_seconds": waiting})
