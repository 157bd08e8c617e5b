"""JSON endpoints of the editor that serve every rich-text field: paste cleaning and the image library.

Staff only; POSTs need the CSRF token (the editor sends the form's in X-CSRFToken). Publication-
specific endpoints (autosave, writing aids) live with the publication admin.
"""

import json
from functools import wraps

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from cms.paste import clean_pasted_html
from cms.queries import image_library
from cms.renditions import find_renditions
from cms.richtext import too_deeply_nested


def staff_json(view):
    """Answer 403 in JSON, rather than the login page, to anyone who is not active staff."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return JsonResponse({"error": "Sign in to the admin again."}, status=403)
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


@require_POST
@staff_json
def paste(request):
    """Return the pasted HTML cleaned to what the editor keeps (cms/paste.py)."""
    # Checked before the body is read: Django refuses bodies over DATA_UPLOAD_MAX_MEMORY_SIZE
    # (2.5 MB; a long Word document's clipboard can pass it) with a bare 400.
    try:
        data = read_desk_body(
            request,
            limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            too_long="That is too much to paste at once. Paste it in parts.",
            key="html",
            kind=str,
            expected='Send {"html": "…"}.',
            html_of=lambda data: [data["html"]],
            too_deep="That pasted text nests too deeply to clean. Paste it in parts, or as plain text.",
        )
    except BadBody as refusal:
        return refusal.response
    return JsonResponse({"html": clean_pasted_html(data["html"])})


@require_GET
@staff_json
def images(request):
    """Search the media library by title, credit and tag, for the editor's image picker."""
    if not request.user.has_perm("cms.view_image"):
        return JsonResponse({"error": "You may not browse the media library."}, status=403)
    text = request.GET.get("q", "").replace("\x00", "")[:200]
    results = []
    for image in image_library(text=text):
        if not image.file:
            continue
        thumbnail = find_renditions(image, "thumbnail")
        results.append(
            {
                "id": image.pk,
                "title": image.title,
                "credit": image.credit,
                "alt": image.alt_text,
                "src": image.file.url,
                "width": image.width,
                "height": image.height,
                "thumbnail": thumbnail.src if thumbnail else image.file.url,
            }
        )
    return JsonResponse({"results": results})
