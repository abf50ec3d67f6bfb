import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


class DutchFirstLocaleMiddleware:
    """Dutch unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; many residents
    have an English browser yet expect their municipality's site in Dutch.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer with a calm Dutch 503 page, not a 500.

    The page is rendered without touching the database (no user, no session), says "try
    again later" and asks the browser to come back in 30 seconds. Only connection trouble
    counts; an IntegrityError or a bug still surfaces as the error it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable at %s %s: %s", request.method, request.path, exception)
        html = render_to_string("503.html", {"coalition_name": settings.COALITION_NAME})
        return HttpResponse(html, status=503, headers={"Retry-After": "30"})
