"""The admin site, with the editorial dashboard on its index page."""

import datetime

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils import timezone


class CMSAdminSite(admin.AdminSite):
    site_header = "Carnegie CMS"
    site_title = "Carnegie CMS"
    index_title = "Editorial desk"

    def index(self, request, extra_context=None):
        # The project package may look at publications: it is the one place that knows every app.
        from publications.models import Publication, Status
        from publications.scope import scoped

        user = request.user
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
        can_publish = user.has_perm("publications.publish_publication")
        if can_publish:
            # Legacy pages the publish gate held back: managers decide what goes live.
            counts["held_imports"] = pieces.exclude(import_held_reasons="").count()
        extra_context = {
            **(extra_context or {}),
            "dashboard": counts,
            "can_review": user.has_perm("publications.review_publication"),
            "can_publish": can_publish,
            "can_view_publications": user.has_perm("publications.view_publication"),
        }
        return super().index(request, extra_context)


class CMSAdminConfig(AdminConfig):
    default_site = "cms.admin_site.CMSAdminSite"
