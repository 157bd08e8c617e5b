"""Admins of the vocabulary: centers, topics, programmes, projects, newsletters, regions."""

from django import forms
from django.contrib import admin

from cms.audit.admin import AuditedAdminMixin
from cms.richtext.translations import TranslationsAdminMixin, TranslationsFormMixin
from cms.taxonomies.models import Center, Newsletter, Program, Project, Region, Topic
from cms.taxonomies.scope import EVERY_CENTER, center_scope


class TaxonomyAdminForm(TranslationsFormMixin, forms.ModelForm):
    """A term's form: its own fields, and its name and description in each other language."""

    translation_labels = {"name": "Name", "description": "Description"}


class TaxonomyAdmin(TranslationsAdminMixin, AuditedAdminMixin, admin.ModelAdmin):
    form = TaxonomyAdminForm
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]


@admin.register(Center)
class CenterAdmin(TaxonomyAdmin):
    list_display = ["name", "short_name", "city", "order", "is_global"]
    list_editable = ["order"]
    list_filter = ["is_global"]
    search_fields = ["name", "short_name", "city", "other_names"]
    fields = ["name", "short_name", "other_names", "slug", "city", "order", "is_global", "description", "staff"]
    autocomplete_fields = ["staff"]

    def has_delete_permission(self, request, obj=None):
        # Deleting a scoped user's last center would leave them working across every center.
        if center_scope(request.user) is not EVERY_CENTER:
            return False
        if obj is not None and obj.staff.exists() and not request.user.has_perm("auth.change_user"):
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Who works for which center decides what they may change, so only those who manage
        # user accounts may change it: a scoped manager cannot widen their own desk.
        if not request.user.has_perm("auth.change_user"):
            return [*super().get_readonly_fields(request, obj), "staff"]
        return super().get_readonly_fields(request, obj)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # A center's staff are offered only their own centers as a piece's primary center and as
        # centers to add (PublicationAdminForm refuses others with a reason, should one be posted).
        if request.GET.get("model_name") == "publication" and request.GET.get("field_name") in {
            "primary_center",
            "centers",
        }:
            scope = center_scope(request.user)
            if scope is not EVERY_CENTER:
                queryset = queryset.filter(pk__in=scope)
        return queryset, may_have_duplicates


@admin.register(Topic)
class TopicAdmin(TaxonomyAdmin):
    pass


@admin.register(Program)
class ProgramAdmin(TaxonomyAdmin):
    search_fields = ["name", "slug", "other_names"]
    fields = ["name", "slug", "other_names", "description"]


@admin.register(Project)
class ProjectAdmin(TaxonomyAdmin):
    list_display = ["name", "program", "slug"]
    list_filter = ["program"]
    list_select_related = ["program"]
    autocomplete_fields = ["program"]
    fields = ["name", "slug", "program", "description"]


@admin.register(Newsletter)
class NewsletterAdmin(TaxonomyAdmin):
    list_display = ["name", "language", "slug"]
    list_filter = ["language"]
    fields = ["name", "slug", "language", "description"]


@admin.register(Region)
class RegionAdmin(TaxonomyAdmin):
    list_display = ["name", "parent", "slug"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description"]
