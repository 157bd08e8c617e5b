"""The admin site, with the editorial dashboard on its index page."""

import datetime
import functools
import logging

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import BadRequest
from django.http import HttpResponseRedirect
from django.utils import timezone

logger = logging.getLogger(__name__)


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

    def admin_view(self, view, cacheable=False):
        # Every admin view, Django's, ours and third-party apps' alike, is wrapped here, so
        # the guard covers every changelist without each ModelAdmin opting in.
        return super().admin_view(refuse_overflowing_lookups(view), cacheable)


def refuse_overflowing_lookups(view):
    """Treat a changelist filter whose value overflows as the wacky lookup it is.

    Django turns a lookup it cannot use into its "?e=1" redirect (IncorrectLookupParameters),
    but not one whose number or date overflows: `?at__year=99999999999` builds a datetime
    (OverflowError in the date hierarchy), `at__year=9999&at__month=12&at__day=31` steps past
    the last date, and on SQLite `?id__in=1,99999999999999999999` overflows its INTEGER when
    the list is counted. All of these happen while the changelist is built, inside the view.
    """

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except OverflowError:
            match = request.resolver_match
            if match is None or not (match.url_name or "").endswith("_changelist"):
                raise
            logger.info("Refused an overflowing changelist lookup: %s", request.get_full_path())
            if ERROR_FLAG in request.GET:
                raise BadRequest("A filter value is out of range.") from None
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

    return guarded


class CMSAdminConfig(AdminConfig):
    default_site = "cms.admin_site.CMSAdminSite"
