"""The media library: images uploaded once and reused across the site.

The table keeps its `cms_image` name: the model moved here from the `cms` app without moving data."""

import os
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from taggit.managers import TaggableManager


def image_upload_path(instance, filename):
    # Stored names are generated: an uploader's file name can carry markup, paths or personal
    # details, and must not decide what the web server serves (cms/images.py re-encodes too).
    extension = os.path.splitext(filename)[1].lower()
    return f"images/{uuid.uuid4().hex}{extension}"


class Image(models.Model):
    """An image in the media library, uploaded once and reused: lead images, headshots, images in bodies."""

    title = models.CharField(max_length=255, help_text="For finding the image in the library.")
    file = models.ImageField(upload_to=image_upload_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        max_length=300, blank=True, help_text="Describes the image for readers who cannot see it."
    )
    credit = models.CharField(max_length=255, blank=True, help_text='Shown under the image, e.g. "Source: Getty".')
    tags = TaggableManager(blank=True, help_text="Words to find the image by, separated by commas.")
    # Where the subject is, as fractions of the width and height from the top left. Crops
    # (cards, headshots) keep it in view; blank: the middle (headshots: the upper third).
    focal_x = models.FloatField(
        "focal point (across)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="Click the subject on the picture below, or give 0 (left edge) to 1 (right edge).",
    )
    focal_y = models.FloatField(
        "focal point (down)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="0 (top edge) to 1 (bottom edge).",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )

    class Meta:
        db_table = "cms_image"  # the table the `cms` app created; moved without moving data
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title
