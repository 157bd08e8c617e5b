from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from cms.audit.admin import AuditedAdminMixin
from cms.sitesettings.models import SINGLETON_PK, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """One row, never added or deleted: the list opens it, and before the first save it shows
    the defaults, which saving stores."""

    fields = ["site_name", "short_name", "description", "footer_locations"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_object(self, request, object_id, from_field=None):
        if str(object_id) != str(SINGLETON_PK):
            return None
        return SiteSettings.objects.filter(pk=SINGLETON_PK).first() or SiteSettings(pk=SINGLETON_PK)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)  # Django's own refusal
        return HttpResponseRedirect(reverse("admin:sitesettings_sitesettings_change", args=[SINGLETON_PK]))
