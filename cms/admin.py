from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from cms.models import (
    AuditEntry,
    Center,
    Disclaimer,
    Image,
    Newsletter,
    Program,
    Project,
    PublicationType,
    Region,
    Topic,
)


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]


@admin.register(Center)
class CenterAdmin(TaxonomyAdmin):
    list_display = ["name", "short_name", "city", "order", "is_global"]
    list_editable = ["order"]
    list_filter = ["is_global"]
    search_fields = ["name", "short_name", "city"]
    fields = ["name", "short_name", "slug", "city", "order", "is_global", "description"]


@admin.register(Topic)
class TopicAdmin(TaxonomyAdmin):
    pass


@admin.register(Program)
class ProgramAdmin(TaxonomyAdmin):
    pass


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


@admin.register(PublicationType)
class PublicationTypeAdmin(admin.ModelAdmin):
    list_display = ["label", "plural_label", "slug", "order", "shows_source", "legacy_key"]
    list_editable = ["order"]
    search_fields = ["label", "slug", "legacy_key"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "center", "publication_type"]
    list_filter = ["center", "publication_type"]
    list_select_related = ["center", "publication_type"]
    search_fields = ["name", "text"]
    autocomplete_fields = ["center", "publication_type"]

    @admin.display(description="covers")
    def scope(self, disclaimer):
        return disclaimer.scope_label


class LabelledFileInput(forms.ClearableFileInput):
    """A file input with a real <label>: Django wraps it in a fieldset whose legend is no label."""

    use_fieldset = False


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    formfield_overrides = {models.ImageField: {"widget": LabelledFileInput}}
    list_display = ["thumbnail", "title", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "credit", "alt_text", "tags__name"]
    list_filter = ["uploaded_at"]
    fields = ["title", "file", "alt_text", "credit", "tags"]

    @admin.display(description="")
    def thumbnail(self, image):
        if not image.file:
            return ""
        return format_html(
            '<img src="{}" alt="" style="max-height:60px;max-width:90px" loading="lazy">', image.file.url
        )

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else ""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is read-only: entries are written by services, never by hand."""

    list_display = ["at", "actor_name", "action", "content_type", "object_repr", "message"]
    list_filter = ["action", ("actor", admin.RelatedOnlyFieldListFilter), "content_type", "at"]
    date_hierarchy = "at"
    search_fields = ["object_repr", "message", "actor_name"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
