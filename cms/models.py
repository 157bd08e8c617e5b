"""Site-wide models: centers, taxonomies, content types, disclaimers and the image library."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from taggit.managers import TaggableManager

from cms.richtext import RichTextField
from cms.slugs import SlugOnFirstSave


class SluggedModel(SlugOnFirstSave):
    """A named row with a unique slug that is derived from the name when left blank."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="Used in the address of the public page. Leave blank to derive it from the name.",
    )
    description = RichTextField(
        blank=True, help_text="Shown at the top of the public page. Formatting is kept, scripts are removed."
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Center(SluggedModel):
    short_name = models.CharField(
        max_length=80, blank=True, help_text='Used where space is short, e.g. "Carnegie Europe" → "Europe".'
    )
    city = models.CharField(max_length=100, blank=True)
    other_names = models.TextField(
        blank=True,
        help_text=(
            "The center's name in other languages and other spellings, one a line, as title lines print "
            "them (e.g. “مركز مالكوم كير–كارنيغي للشرق الأوسط”, “Центр Карнеги”, “卡内基中国”). The "
            "legacy import counts a new author whose title line names the center as one of its experts."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Centers are listed in this order.")
    is_global = models.BooleanField(
        "global center",
        default=False,
        help_text="The global center speaks for the whole institution. Only one center can be global.",
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="staffed_centers",
        verbose_name="editorial staff",
        help_text=(
            "Editors and managers who work on this center's pieces only: they do not see or change "
            "other centers' pieces in the admin. Staff who belong to no center work across all centers."
        ),
    )

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["is_global"], condition=Q(is_global=True), name="only_one_global_center")
        ]

    def get_absolute_url(self):
        return reverse("taxonomy:center", args=[self.slug])

    @property
    def display_short_name(self):
        return self.short_name or self.name


class Topic(SluggedModel):
    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:topic", args=[self.slug])


# Levels of the region tree (a top-level region is level 1). Deeper trees are refused by
# Region.clean; pages show regions below this level (data from before the cap) flattened at it.
REGION_MAX_DEPTH = 8


class Region(SluggedModel):
    """A place in the region tree: a piece tagged "Eastern Europe" is also found under "Europe"."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The wider region this one belongs to, e.g. Europe for Eastern Europe.",
    )

    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:region", args=[self.slug])

    def clean(self):
        if self.parent_id is None:
            return
        # One query for the whole tree, walked without recursion: a chain left from before the
        # depth cap (or written behind the admin's back) must not cost a query per level.
        parents = dict(Region.objects.values_list("pk", "parent_id"))
        if self.pk is not None:
            parents[self.pk] = self.parent_id
        depth, ancestor, seen = 1, self.parent_id, set()
        while ancestor is not None and ancestor not in seen:
            if ancestor == self.pk:
                raise ValidationError({"parent": "A region cannot sit inside itself or its own sub-regions."})
            seen.add(ancestor)
            depth += 1
            ancestor = parents.get(ancestor)
        levels_below = region_levels_below(self.pk, parents) if self.pk is not None else 0
        if depth + levels_below > REGION_MAX_DEPTH:
            raise ValidationError(
                {
                    "parent": (
                        f"The region tree can be at most {REGION_MAX_DEPTH} levels deep; "
                        f"here this region would be at level {depth}"
                        + (f" with {levels_below} levels of sub-regions below it" if levels_below else "")
                        + ". Choose a wider region."
                    )
                }
            )

    def descendant_ids(self) -> set[int]:
        """Return the ids of this region and every region below it (one query)."""
        return descendant_region_ids([self.pk])


def region_levels_below(region_id: int, parents: dict[int, int | None]) -> int:
    """Return how many levels of sub-regions lie below a region, given every region's parent. No query."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in parents.items():
        children.setdefault(parent_id, []).append(pk)
    deepest, frontier, seen = 0, [(region_id, 0)], {region_id}
    while frontier:
        pk, level = frontier.pop()
        deepest = max(deepest, level)
        for child in children.get(pk, []):
            if child not in seen:
                seen.add(child)
                frontier.append((child, level + 1))
    return deepest


def descendant_region_ids(region_ids) -> set[int]:
    """Return the given region ids and all their sub-regions, at any depth, in one query."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Region.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, frontier = set(), list(region_ids)
    while frontier:
        pk = frontier.pop()
        if pk in found:
            continue
        found.add(pk)
        frontier.extend(children.get(pk, []))
    return found


class Program(SluggedModel):
    other_names = models.TextField(
        blank=True,
        help_text=(
            "The programme's name in other languages and other spellings, one a line, as title lines "
            "print them. The legacy import counts a new author whose title line names the programme as "
            "one of the site's experts."
        ),
    )

    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:program", args=[self.slug])


class Project(SluggedModel):
    program = models.ForeignKey(Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects")

    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:project", args=[self.slug])


class Collection(SluggedModel):
    """A curated, ordered list of publications (the order is kept on each item)."""

    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:collection", args=[self.slug])


class Newsletter(SluggedModel):
    language = models.CharField(max_length=10, choices=settings.CONTENT_LANGUAGES, default="en")

    class Meta(SluggedModel.Meta):
        pass

    def get_absolute_url(self):
        return reverse("taxonomy:newsletter", args=[self.slug])


class PublicationType(SlugOnFirstSave):
    """A kind of publication (Article, Commentary, In the Media…); editors add their own."""

    label = models.CharField(max_length=100, unique=True, help_text='Shown on cards and pages, e.g. "Commentary".')
    plural_label = models.CharField(max_length=100, blank=True, help_text='e.g. "Research Papers". Used on listings.')
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    legacy_key = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text='The name the old site used for this type, e.g. "legacyinthemedia". Used by the importer.',
    )
    shows_source = models.BooleanField(
        default=False,
        help_text='Pieces of this type first appeared elsewhere and show "Source: <outlet>".',
    )

    class Meta:
        ordering = ["order", "label"]
        verbose_name = "content type"
        verbose_name_plural = "content types"

    def __str__(self):
        return self.label

    slug_source = "label"

    def save(self, *args, **kwargs):
        if not self.plural_label:
            self.plural_label = default_plural(self.label)[: self._meta.get_field("plural_label").max_length]
        super().save(*args, **kwargs)


def default_plural(label: str) -> str:
    """Guess a listing heading from a type label; editors can correct it in the admin."""
    if label.endswith(("s", "Media", "media", "&A")):
        return label
    if len(label) > 1 and label.endswith("y") and label[-2] not in "aeiou":
        return f"{label[:-1]}ies"
    return f"{label}s"


class DisclaimerQuerySet(models.QuerySet):
    def applicable_to(self, *, center_id, publication_type_id):
        """Disclaimers whose scope covers a piece of this center and type (not yet ranked)."""
        return self.filter(
            Q(center__isnull=True) | Q(center_id=center_id),
            Q(publication_type__isnull=True) | Q(publication_type_id=publication_type_id),
        )


class Disclaimer(models.Model):
    """A disclaimer and the pieces it covers: the site, a center, a content type, or both.

    The narrowest scope wins: center and type together, then a center, then a type, then the
    site default. A center's text is preferred over a type's because center disclaimers carry
    the legal wording of their country; a publication can still override either.
    """

    name = models.CharField(max_length=200, help_text='For editors only, e.g. "Carnegie China – legal".')
    text = RichTextField()
    center = models.ForeignKey(
        Center,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disclaimers",
        help_text="Leave blank to cover every center.",
    )
    publication_type = models.ForeignKey(
        PublicationType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disclaimers",
        verbose_name="content type",
        help_text="Leave blank to cover every content type.",
    )

    objects = DisclaimerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Coalesce("center", 0),
                Coalesce("publication_type", 0),
                name="one_disclaimer_per_scope",
                violation_error_message="A disclaimer for this center and content type already exists.",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def specificity(self) -> int:
        return (2 if self.center_id else 0) + (1 if self.publication_type_id else 0)

    @property
    def scope_label(self) -> str:
        if self.center_id and self.publication_type_id:
            return f"{self.center} · {self.publication_type}"
        if self.center_id:
            return str(self.center)
        if self.publication_type_id:
            return str(self.publication_type)
        return "Site default"


def most_specific_disclaimer(candidates) -> Disclaimer | None:
    """Return the narrowest disclaimer among `candidates` (already filtered by applicable_to)."""
    return max(candidates, key=lambda d: d.specificity, default=None)


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
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title


class AuditEntry(models.Model):
    """Who did what to which object, and when. Written by services in the same transaction (cms/audit.py)."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        EDIT = "edit", "Edited"
        SUBMIT = "submit", "Submitted for review"
        REQUEST_CHANGES = "request_changes", "Requested changes"
        APPROVE = "approve", "Approved"
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        UNPUBLISH = "unpublish", "Unpublished"
        RESTORE = "restore", "Restored a revision"
        SHARE_PREVIEW = "share_preview", "Shared a preview link"
        WENT_LIVE = "went_live", "Went live on schedule"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    actor_name = models.CharField(max_length=150, blank=True, help_text="Kept if the account is deleted.")
    action = models.CharField(max_length=30, choices=Action, db_index=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=300)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.actor_name or 'system'} · {self.get_action_display()} · {self.object_repr}"


class PendingPurge(models.Model):
    """Page-cache tags whose purge failed (the cache was unreachable), kept until a retry succeeds.

    Kept in the database, which every worker shares, because the worker that failed to reach the
    cache cannot tell the others; while any row exists no worker serves a cached page
    (cms/pagecache.py), so a takedown is never lost.
    """

    tags = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{len(self.tags)} tag(s) since {self.created_at:%Y-%m-%d %H:%M:%S}"
