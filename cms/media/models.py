"""The media library: images uploaded once and reused across the site.

The table keeps its `cms_image` name: the model moved here from the `cms` app without moving data."""

import os
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager


def image_upload_path(instance, filename):
    # Stored names are generated: an uploader's file name can carry markup, paths or personal
    # details, and must not decide what the web server serves (cms/images.py re-encodes too).
    extension = os.path.splitext(filename)[1].lower()
    return f"images/{uuid.uuid4().hex}{extension}"


class Image(models.Model):
    """An image in the media library, uploaded once and reused: lead images, headshots, images in bodies."""

    title = models.CharField(
        max_length=255, help_text=_("For finding the image in the library."), verbose_name=_("title")
    )
    file = models.ImageField(
        upload_to=image_upload_path, width_field="width", height_field="height", verbose_name=_("file")
    )
    width = models.PositiveIntegerField(editable=False, null=True, verbose_name=_("width"))
    height = models.PositiveIntegerField(editable=False, null=True, verbose_name=_("height"))
    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
        verbose_name=_("alt text"),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text=_('Shown under the image, e.g. "Source: Getty".'),
        verbose_name=_("credit"),
    )
    tags = TaggableManager(blank=True, help_text=_("Words to find the image by, separated by commas."))
    # Where the subject is, as fractions of the width and height from the top left. Crops
    # (cards, headshots) keep it in view; blank: the middle (headshots: the upper third).
    focal_x = models.FloatField(
        _("focal point (across)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("Click the subject on the picture below, or give 0 (left edge) to 1 (right edge)."),
    )
    focal_y = models.FloatField(
        _("focal point (down)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 (top edge) to 1 (bottom edge)."),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        db_table = "cms_image"  # the table the `cms` app created; moved without moving data
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.title
