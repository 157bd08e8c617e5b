"""Faults answered plainly (a database outage as a "try again shortly" page, NUL in admin queries as a 400),
and the language of a request: its address decides on public pages, the editor's choice in the admin."""

import logging
import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from cms.kit.languages import address_in_language, language_of_path, supported_language

logger = logging.getLogger("cms.faults")

# Connection refused, server gone, pool exhausted, statement_timeout and lock_timeout all
# reach Django as OperationalError (or InterfaceError for a connection closed under us).
DATABASE_FAULTS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response() -> HttpResponse:
    """Return the 503 page: no traceback, no request context, nothing that needs the database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never cached: the page must disappear as soon as the database is back.
    add_never_cache_headers(response)
    return response


def is_database_fault(exception) -> bool:
    return isinstance(exception, DATABASE_FAULTS)


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when a view or its template loses the database.

    Faults outside views (another middleware saving the session, say) reach
    cms.views.server_error, which gives the same answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_fault(exception):
            return None
        logger.error("Database unavailable on %s %s: %s", request.method, request.path, exception, exc_info=True)
        return database_unavailable_response()


def current_database_fault():
    """Return the database fault being handled right now, if any (for handler500)."""
    exception = sys.exc_info()[1]
    return exception if is_database_fault(exception) else None


class AdminNullByteMiddleware:
    """Answer 400 to an admin request whose query string holds a NUL character.

    The admin's search (?q=), filters and autocompletes (?term=) pass query values straight to
    the database, and PostgreSQL refuses NUL in text: the result would be a 500. Public pages
    clean their own parameters (their filter forms), so only the admin needs this.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        if request.path.startswith(self.admin_prefix) and any(
            "\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists()
        ):
            raise SuspiciousOperation("NUL character in an admin query string")
        return self.get_response(request)


class LanguageFromAddressMiddleware:
    """Speak the language the address names (/ar/…, /ru/…; English unprefixed), and nothing else.

    Django's LocaleMiddleware would also read the language cookie and Accept-Language for
    addresses outside the prefixed ones, and mark every unprefixed page `Vary: Accept-Language`.
    Here neither changes what a path renders, so the page cache (above, keyed by path) can never
    serve a page in the wrong language, and English pages are one page for every reader.

    The admin, outside the prefixed addresses and never cached, speaks the language its editor
    chose with the selector in its header (cms/views.py:admin_language), kept in the language
    cookie, whose path is the admin's: the default language until they choose.

    The old site linked its editions with `?lang=ar`: such a link gets a 301 to the same page's
    address in that language (an unknown language: to the page without the parameter).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        if request.path.startswith(self.admin_prefix):
            language = self.admin_language(request)
        else:
            if "lang" in request.GET and request.method in ("GET", "HEAD"):
                redirect = self.old_language_link(request)
                if redirect is not None:
                    return redirect
            language = language_of_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def admin_language(request) -> str:
        """The language the editor chose for the admin (the cookie), if it is one of the interface's."""
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        return (supported_language(chosen) if chosen and len(chosen) < 20 else None) or settings.LANGUAGE_CODE

    @staticmethod
    def old_language_link(request):
        code = supported_language(request.GET["lang"]) or language_of_path(request.path_info) or settings.LANGUAGE_CODE
        url = address_in_language(request.path_info, code)
        if url is None:
            return None
        query = request.GET.copy()
        del query["lang"]
        return HttpResponsePermanentRedirect(f"{url}?{query.urlencode()}" if query else url)
