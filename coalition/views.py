import logging
import sys

from axes.utils import reset as reset_lock_out
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from coalition import setuplink, tiles
from coalition.observability import oldest_waiting_task_age

logger = logging.getLogger(__name__)


def server_error(request):
    """The 500 handler. When the cause is an unreachable database, say "try again later"
    with a 503 instead; both pages are rendered without touching the database."""
    error = sys.exc_info()[1]
    if _database_unreachable(error):
        logger.error("Database unavailable at %s %s: %s", request.method, request.path, error)
        html = render_to_string("503.html", {"coalition_name": settings.COALITION_NAME})
        return HttpResponse(html, status=503, headers={"Retry-After": "30"})
    return HttpResponseServerError(render_to_string("500.html"))


def _database_unreachable(error: BaseException | None) -> bool:
    """Whether an error (or what caused it) says the database cannot be reached. The raw
    driver error can surface too (psycopg2's or sqlite3's), not only Django's wrapper."""
    driver = connection.Database
    kinds = (OperationalError, InterfaceError, driver.OperationalError, driver.InterfaceError)
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, kinds):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


@require_GET
def home(request):
    """The page's body is built by ``{% home_body %}`` (network/templatetags/agenda.py), once
    per public-pages version, minute and language: its events and news are the network's."""
    return render(request, "coalition/home.html")


@require_GET
def privacy(request):
    context = {
        "event_data_keep_weeks": settings.EVENT_DATA_KEEP_WEEKS,
        "thinkalong_months": settings.THINKALONG_RETENTION_MONTHS,
        "tile_host": tiles.source_host(),
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "coalition/privacy.html", context)


@require_safe
def map_tile(request, z, x, y):
    """A background tile of the maps, from our cache or fetched once from the tile server."""
    if not tiles.exists(z, x, y):
        raise Http404
    try:
        tile = tiles.get_tile(z, x, y)
    except tiles.TileUnavailable:
        response = HttpResponse(status=502)
        patch_cache_control(response, no_store=True)
        return response
    not_modified = get_conditional_response(request, etag=tile.etag)
    response = not_modified or HttpResponse(tile.content, content_type=tile.content_type)
    response["ETag"] = tile.etag
    patch_cache_control(response, public=True, max_age=settings.MAP_TILE_MAX_AGE)
    return response


@require_GET
@cache_control(public=True, max_age=3600)
def theme_css(request):
    """The municipality's colours, set in one place (settings) and served as a stylesheet."""
    rgb = ", ".join(str(int(settings.BRAND_COLOR[i : i + 2], 16)) for i in (1, 3, 5))
    css = (
        ":root {\n"
        f"  --brand: {settings.BRAND_COLOR};\n"
        f"  --brand-dark: {settings.BRAND_COLOR_DARK};\n"
        f"  --brand-rgb: {rgb};\n"
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


class MailboxProvenResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a password through a mailed link (a reset or a partner's invitation) proves
    the mailbox: it lifts a login lock-out of the account, and in this browser session the
    account may set up two-step verification without another link by mail.

    A class because Django's view holds the token checks; only ``form_valid`` is added to.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_lock_out(username=self.user.get_username())
        setuplink.allow_setup(self.request, self.user)
        return response
