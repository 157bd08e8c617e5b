"""The managers' review queue (`admin:publications_publication_review_queue`).

Its row actions post to desk_views.workflow_view and come back here.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from publications.models import Publication, Status
from publications.scope import scoped


def review_queue_view(model_admin, request):
    """The managers' queue: pieces awaiting review, oldest submission first."""
    if not request.user.has_perm("publications.review_publication"):
        raise PermissionDenied
    waiting = (
        scoped(Publication.objects.filter(status=Status.IN_REVIEW), request.user)
        .select_related("submitted_by", "publication_type", "primary_center", "draft_of")
        .order_by("submitted_at", "pk")
    )
    return TemplateResponse(
        request,
        "admin/publications/publication/review_queue.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Review queue"),
            "waiting": waiting,
            "opts": model_admin.model._meta,
        },
    )
