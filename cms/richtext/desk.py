"""JSON endpoints of the editor that serve every rich-text field: paste cleaning and the image library.

Staff only; POSTs need the CSRF token (the editor sends the form's in X-CSRFToken). Publication-
specific endpoints (autosave, writing aids) live with the publication admin.
"""

import json
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _

from cms.richtext.sanitizer import too_deeply_nested


def staff_json(view):
    """Answer 403 in JSON, rather than the login page, to anyone who is not active staff."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return JsonResponse({"error": _("Sign in to the admin again.")}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


class BadBody(Exception):
    """A request body the editor's endpoints refuse; `response` is the JSON answer to send."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.response = JsonResponse({"error": message}, status=status)


def check_length(request, *, limit: int | None, message: str) -> None:
    """Raise BadBody (413) for a body over `limit` bytes, before it is read."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or (limit is not None and int(length) > limit):
        raise BadBody(message, status=413)


def json_body(request) -> dict | None:
    """The request's JSON object, or None when the body is not one (malformed, or nested so
    deep that the parser gives up: 100,000 nested lists raise RecursionError, not ValueError)."""
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError, RequestDataTooBig):
        return None
    return data if isinstance(data, dict) else None


def check_nesting(html: str, *, message: str) -> None:
    """Raise BadBody (400) for HTML nested deeper than any editor writes (cms.richtext)."""
    if too_deeply_nested(html):
        raise BadBody(message)


def read_desk_body(
    request, *, limit: int | None, too_long: str, key: str, kind: type, expected: str, html_of, too_deep: str
) -> dict:
    """The JSON object an editor's endpoint was sent, checked in the order that costs least.

    The length is checked before the body is read, the JSON shape (`data[key]` of `kind`, else
    BadBody with `expected`, the shape to send) before the HTML, and the HTML pieces `html_of(data)`
    returns for nesting before anything sanitizes them. Raises BadBody with the answer to send.
    """
    check_length(request, limit=limit, message=too_long)
    data = json_body(request)
    if data is None or not isinstance(data.get(key), kind):
        raise BadBody(expected)
    for html in html_of(data):
        check_nesting(html, message=too_deep)
    return data
