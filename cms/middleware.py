"""Faults answered plainly: a database outage as a "try again shortly" page, NUL in admin queries as a 400."""

import logging
import sys

from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

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
