"""What kind of piece a publication is, and the disclaimer that covers it.

Moved from the `cms` app without moving data: the tables keep their `cms_*` names."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.kit.slugs import SlugOnFirstSave
from cms.richtext.fields import RichTextField
from cms.taxonomies.models import Center


class PublicationType(SlugOnFirstSave):
    """A kind of publication (Article, Commentary, In the Media…); editors add their own."""

    label = models.CharField(
        max_length=100,
        unique=True,
        help_text=_('Shown on cards and pages, e.g. "Commentary".'),
        verbose_name=_("label"),
    )
    plural_label = models.CharField(
        max_length=100,
        blank=True,
        help_text=_('e.g. "Research Papers". Used on listings.'),
        verbose_name=_("plural label"),
    )
    slug = models.SlugField(max_length=100, unique=True, blank=True, verbose_name=_("slug"))
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))
    legacy_key = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_('The name the old site used for this type, e.g. "legacyinthemedia". Used by the importer.'),
        verbose_name=_("legacy key"),
    )
    shows_source = models.BooleanField(
        default=False,
        help_text=_('Pieces of this type first appeared elsewhere and show "Source: <outlet>".'),
        verbose_name=_("shows source"),
    )

    class Meta:
        db_table = "cms_publicationtype"  # the table the `cms` app created; moved without moving data
        ordering = ["order", "label"]
        verbose_name = _("content type")
        verbose_name_plural = _("content types")

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

    name = models.CharField(
        max_length=200, help_text=_('For editors only, e.g. "Carnegie China – legal".'), verbose_name=_("name")
    )
    text = RichTextField(verbose_name=_("text"))
    center = models.ForeignKey(
        Center,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disclaimers",
        help_text=_("Leave blank to cover every center."),
        verbose_name=_("center"),
    )
    publication_type = models.ForeignKey(
        PublicationType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disclaimers",
        verbose_name=_("content type"),
        help_text=_("Leave blank to cover every content type."),
    )

    objects = DisclaimerQuerySet.as_manager()

    class Meta:
        db_table = "cms_disclaimer"  # the table the `cms` app created; moved without moving data
        ordering = ["name"]
        verbose_name = _("disclaimer")
        verbose_name_plural = _("disclaimers")
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
