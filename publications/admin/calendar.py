"""The publishing schedule (`admin:publications_publication_schedule`): what goes live or expires, by center.

The read is publications/calendar.py:publishing_calendar (staff only: it shows pending changes).
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.taxonomies.models import Center
from cms.taxonomies.scope import center_scope
from publications.calendar import publishing_calendar


def schedule_view(model_admin, request):
    """A calendar of what goes live or expires in the coming weeks, by center."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    weeks = request.GET.get("weeks", "4")
    weeks = min(max(int(weeks), 1), 26) if weeks.isascii() and weeks.isdigit() else 4
    center_slug = request.GET.get("center", "").replace("\x00", "")
    return TemplateResponse(
        request,
        "admin/publications/publication/schedule.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Publishing schedule"),
            "opts": model_admin.model._meta,
            "calendar": publishing_calendar(
                weeks=weeks, center_slug=center_slug, center_ids=center_scope(request.user)
            ),
            "weeks": weeks,
            "centers": Center.objects.all(),
            "center_slug": center_slug,
        },
    )
