"""The desk counts panel on the admin index, registered on the admin site as apps register panels."""

import datetime

from django.contrib import admin
from django.utils import timezone

from publications.models import Publication, Status
from publications.scope import is_manager, scoped


def desk_counts_panel(request) -> dict | None:
    """Return the editorial desk's counts for the admin index, or None for staff who may not read publications.

    Five counts, six for managers (held imports), each narrowed to the user's desk.
    """
    user = request.user
    if not user.has_perm("publications.view_publication"):
        return None
    now = timezone.now()
    # A center's staff count their own center's desk (publications/scope.py).
    pieces = scoped(Publication.objects.all(), user)
    counts = {
        "in_review": pieces.filter(status=Status.IN_REVIEW).count(),
        "changes_requested": pieces.filter(status=Status.CHANGES_REQUESTED).count(),
        "approved": pieces.filter(status=Status.APPROVED).count(),
        "scheduled": pieces.filter(
            status=Status.PUBLISHED, go_live_at__gt=now, go_live_at__lte=now + datetime.timedelta(days=7)
        ).count(),
        "my_drafts": pieces.filter(status__in=[Status.DRAFT, Status.CHANGES_REQUESTED], created_by=user).count(),
    }
    can_publish = is_manager(user)
    if can_publish:
        # Legacy pages the publish gate held back: managers decide what goes live.
        counts["held_imports"] = pieces.exclude(import_held_reasons="").count()
    return {
        "counts": counts,
        "can_review": user.has_perm("publications.review_publication"),
        "can_publish": can_publish,
    }


admin.site.register_dashboard_panel("admin/publications/desk_counts_panel.html", desk_counts_panel)
