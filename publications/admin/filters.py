"""The publication list's own filters: region with its sub-regions, mine, held by the legacy import, language."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cms.taxonomies.models import Region, descendant_region_ids
from publications.editions import language_name


class RegionWithSubregionsFilter(admin.SimpleListFilter):
    """Filter by region the way readers find pieces: Europe includes Eastern Europe."""

    title = _("region (with sub-regions)")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Region.objects.order_by("name").values_list("pk", "name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            region_id = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(regions__in=descendant_region_ids([region_id])).distinct()


class MineFilter(admin.SimpleListFilter):
    title = _("created by")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Me"))]

    def queryset(self, request, queryset):
        return queryset.filter(created_by=request.user) if self.value() == "1" else queryset


class HeldImportFilter(admin.SimpleListFilter):
    """Managers' queue of legacy pages the publish gate held back (publications/legacy/importer.py)."""

    title = _("held by the legacy import")
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return [("1", _("Held, not public"))]

    def queryset(self, request, queryset):
        return queryset.exclude(import_held_reasons="") if self.value() == "1" else queryset


class LanguageFilter(admin.ChoicesFieldListFilter):
    """The content languages by their names in the editor's language (the setting names them in English)."""

    def choices(self, changelist):
        names = {str(label): language_name(code) for code, label in self.field.flatchoices}
        for choice in super().choices(changelist):
            yield {**choice, "display": names.get(str(choice["display"]), choice["display"])}
