"""The editor's JSON endpoints that serve every rich-text field: paste cleaning and the image picker.

Staff only; POSTs need the CSRF token (the editor sends the form's in X-CSRFToken). Publication-
specific endpoints (autosave, writing aids) live with the publication admin.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cms.media.queries import image_library
from cms.media.renditions import find_renditions
from cms.richtext.desk import BadBody, read_desk_body, staff_json
from cms.richtext.paste import clean_pasted_html


@require_POST
@staff_json
def paste(request):
    """Return the pasted HTML cleaned to what the editor keeps (cms/richtext/paste.py)."""
    # Checked before the body is read: Django refuses bodies over DATA_UPLOAD_MAX_MEMORY_SIZE
    # (2.5 MB; a long Word document's clipboard can pass it) with a bare 400.
    try:
        data = read_desk_body(
            request,
            limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            too_long=_("That is too much to paste at once. Paste it in parts."),
            key="html",
            kind=str,
            expected='Send {"html": "…"}.',
            html_of=lambda data: [data["html"]],
            too_deep=_("That pasted text nests too deeply to clean. Paste it in parts, or as plain text."),
        )
    except BadBody as refusal:
        return refusal.response
    return JsonResponse({"html": clean_pasted_html(data["html"])})


@require_GET
@staff_json
def images(request):
    """Search the media library by title, credit and tag, for the editor's image picker."""
    if not request.user.has_perm("media.view_image"):
        return JsonResponse({"error": _("You may not browse the media library.")}, status=403)
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
