"""Admins of the platform's records: taxonomy terms, content types, disclaimers, images, users, the audit log.

`ImageAdmin` and `AuditEntryAdmin` are bases that publications/admin/ registers as subclasses:
whose desk an image or an entry is on depends on pieces, which this floor cannot import.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils.html import format_html
from taggit.admin import TagAdmin
from taggit.forms import MergeTagsForm
from taggit.models import Tag

from cms.admin_audit import AuditedAdminMixin
from cms.admin_refusals import RefusesChangesMixin
from cms.audit import record_audit
from cms.forms import ImageForm
from cms.models import (
    AuditEntry,
    Center,
    Disclaimer,
    Newsletter,
    Program,
    Project,
    PublicationType,
    Region,
    Topic,
)
from cms.scope import EVERY_CENTER, center_scope, disclaimer_change_refusal
from cms.tasks import make_image_renditions
from cms.widgets import FocalPointInput


class TaxonomyAdmin(AuditedAdminMixin, admin.ModelAdmin):
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


@admin.register(PublicationType)
class PublicationTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "plural_label", "slug", "order", "shows_source", "legacy_key"]
    list_editable = ["order"]
    search_fields = ["label", "slug", "legacy_key"]
    prepopulated_fields = {"slug": ["label"]}


class DisclaimerForm(forms.ModelForm):
    user = None  # set per request by DisclaimerAdmin.get_form

    class Meta:
        model = Disclaimer
        fields = "__all__"

    def clean_center(self):
        center = self.cleaned_data.get("center")
        scope = center_scope(self.user) if self.user is not None else EVERY_CENTER
        if scope is not EVERY_CENTER and (center is None or center.pk not in scope):
            names = ", ".join(Center.objects.filter(pk__in=scope).values_list("name", flat=True))
            raise ValidationError(
                f"You work for {names}: a disclaimer you write covers one of your centers. "
                "One for another center, or for every center, is written by someone who works across centers."
            )
        return center


@admin.register(Disclaimer)
class DisclaimerAdmin(AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    form = DisclaimerForm
    list_display = ["name", "scope", "center", "publication_type"]
    list_filter = ["center", "publication_type"]
    list_select_related = ["center", "publication_type"]
    search_fields = ["name", "text"]
    autocomplete_fields = ["center", "publication_type"]

    def change_refusal(self, request, obj):
        # Legal wording on another center's pieces (or on every piece) is not one desk's to change.
        return disclaimer_change_refusal(request.user, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    @admin.display(description="covers")
    def scope(self, disclaimer):
        return disclaimer.scope_label


class LabelledFileInput(forms.ClearableFileInput):
    """A file input with a real <label>: Django wraps it in a fieldset whose legend is no label."""

    use_fieldset = False


# What the renditions are made from: a new file, or a focal point that moves the crops.
RENDITION_FIELDS = {"file", "focal_x", "focal_y"}


class ImageAdmin(AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    formfield_overrides = {models.ImageField: {"widget": LabelledFileInput}}
    form = ImageForm
    list_display = ["thumbnail", "title", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "credit", "alt_text", "tags__name"]
    search_help_text = "Search by title, credit, alt text or tag."
    list_filter = ["uploaded_at", "tags"]
    fields = ["title", "file", "alt_text", "credit", "tags", "focal_point", "focal_x", "focal_y"]
    readonly_fields = ["focal_point"]

    class Media:
        css = {"all": ["css/admin.css"]}  # sizes the thumbnails without an inline style (CSP)

    @admin.display(description="")
    def thumbnail(self, image):
        if not image.file:
            return ""
        return format_html('<img src="{}" alt="" class="library-thumbnail" loading="lazy">', image.file.url)

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else ""

    # Whether an image is on the public site, and on whose desk, depends on the pieces and people
    # that show it: publications/admin/people_and_images.py registers a subclass that decides (imports point down).
    def change_refusal(self, request, obj) -> str | None:
        return None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if not change or RENDITION_FIELDS.intersection(form.changed_data):
            # Queued in the save's transaction: committed with the image or not at all. Resizing
            # takes seconds for a large photo, so the worker does it; pages show the original
            # file until then (cms/renditions.py:find_renditions).
            make_image_renditions.enqueue(obj.pk)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"focal_x", "focal_y"}:
            kwargs["widget"] = FocalPointInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="focal point")
    def focal_point(self, image):
        if not image.file:
            return "Save the image first; then click its subject here."
        return format_html(
            '<span class="focal-picker" data-focal-picker><img src="{}" alt="{}">'
            '<span class="focal-picker__marker" hidden></span></span>'
            '<span class="help">Click the subject: cards and headshots are cropped around it.</span>',
            image.file.url,
            f"{image.title}: click the subject to set the focal point",
        )


# Who may do what is decided by users' groups and permissions: every change to them is audited.
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    pass


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdminMixin, GroupAdmin):
    pass


# Keywords (django-taggit's tags on pieces and images) are shown on public pages and listings.
admin.site.unregister(Tag)


@admin.register(Tag)
class AuditedKeywordAdmin(AuditedAdminMixin, TagAdmin):
    def merge_tags_view(self, request):
        # taggit's merge writes rows itself, past log_change: audit it in the merge's transaction.
        form = MergeTagsForm(request.POST) if request.method == "POST" else None
        if form is None or not form.is_valid():
            return super().merge_tags_view(request)
        selected = [pk for pk in request.session.get("selected_tag_ids", "").split(",") if pk.isdigit()]
        merged = ", ".join(Tag.objects.filter(pk__in=selected).order_by("name").values_list("name", flat=True))
        with transaction.atomic(using=router.db_for_write(Tag)):
            response = super().merge_tags_view(request)
            target = Tag.objects.get(name=form.cleaned_data["new_tag_name"])
            record_audit(
                actor=request.user, action=AuditEntry.Action.EDIT, obj=target, message=f"Merged {merged} into it."
            )
        return response


class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is read-only: entries are written by services, never by hand.

    Entries name pieces, and a center's staff read only their own desk's: publications/admin/audit.py
    registers a subclass that narrows the list (imports point down).
    """

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
