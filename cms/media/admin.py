"""The media library's admin. `ImageAdmin` is a base: publications/admin/ registers a subclass that decides
whose desk an image is on, which depends on the pieces that show it (imports point down)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.audit.admin import AuditedAdminMixin
from cms.kit.admin import RefusesChangesMixin
from cms.media.forms import ImageForm
from cms.media.tasks import make_image_renditions
from cms.media.widgets import FocalPointInput


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
    search_help_text = _("Search by title, credit, alt text or tag.")
    list_filter = ["uploaded_at", "tags"]
    fields = ["title", "file", "alt_text", "credit", "tags", "focal_point", "focal_x", "focal_y"]
    readonly_fields = ["focal_point"]

    @admin.display(description="")
    def thumbnail(self, image):
        if not image.file:
            return ""
        return format_html('<img src="{}" alt="" class="library-thumbnail" loading="lazy">', image.file.url)

    @admin.display(description=_("size"))
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
            # file until then (cms/media/renditions.py:find_renditions).
            make_image_renditions.enqueue(obj.pk)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"focal_x", "focal_y"}:
            kwargs["widget"] = FocalPointInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("focal point"))
    def focal_point(self, image):
        if not image.file:
            return gettext("Save the image first; then click its subject here.")
        return format_html(
            '<span class="focal-picker" data-focal-picker><img src="{}" alt="{}">'
            '<span class="focal-picker__marker" hidden></span></span>'
            '<span class="help">{}</span>',
            image.file.url,
            gettext("%(title)s: click the subject to set the focal point") % {"title": image.title},
            gettext("Click the subject: cards and headshots are cropped around it."),
        )
