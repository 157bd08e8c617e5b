"""The admin site, with the dashboard panels that apps register on its index page."""

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext, gettext_lazy

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DashboardPanel:
    template_name: str
    context_function: Callable[[HttpRequest], dict | None]


class CMSAdminSite(admin.AdminSite):
    index_title = gettext_lazy("Editorial desk")

    def __init__(self, name="admin"):
        super().__init__(name)
        self._dashboard_panels: list[DashboardPanel] = []

    def register_dashboard_panel(self, template_name: str, context_function: Callable[[HttpRequest], dict | None]):
        """Show a panel above the app list: `template_name` rendered with `panel`, what `context_function` returns.

        Apps register theirs in their admin module, as they register ModelAdmins, through
        `django.contrib.admin.site`: the project package shows panels and imports no app.
        `context_function(request)` returns None for a user who should not see the panel.
        Panels appear in the order they were registered (INSTALLED_APPS order).
        """
        self._dashboard_panels.append(DashboardPanel(template_name, context_function))

    def each_context(self, request):
        # Managers change the site's short name (cms/sitesettings/), so the header is read per
        # request, from the cache. Imported here: this module loads before the models do.
        from cms.sitesettings.models import current

        name = gettext("%(short_name)s CMS") % {"short_name": current().short_name}
        return {**super().each_context(request), "site_header": name, "site_title": name}

    def index(self, request, extra_context=None):
        shown = []
        for panel in self._dashboard_panels:
            context = panel.context_function(request)
            if context is not None:
                shown.append({"template_name": panel.template_name, "context": context})
        return super().index(request, {**(extra_context or {}), "dashboard_panels": shown})

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
                raise BadRequest(gettext("A filter value is out of range.")) from None
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

    return guarded


class CMSAdminConfig(AdminConfig):
    default_site = "cms.admin_site.CMSAdminSite"
