"""The vocabulary work is filed under: centers, topics, regions, programmes, projects, collections, newsletters.

The tables keep their `cms_*` names: these models moved here from the `cms` app without moving data."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from cms.kit.slugs import SlugOnFirstSave
from cms.richtext.fields import RichTextField
from cms.richtext.translations import TranslationsField


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
    # The name and description in the site's other languages (cms/richtext/translations.py);
    # pages read them with cms.kit.translations.localized, English marked where one is missing.
    translations = TranslationsField(
        fields={"name": 200, "description": None},
        rich_fields=["description"],
        help_text="The name and description in the site's other languages, edited in the fieldsets per language.",
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
        db_table = "cms_center"  # the table the `cms` app created; moved without moving data
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
        db_table = "cms_topic"  # the table the `cms` app created; moved without moving data

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
        db_table = "cms_region"  # the table the `cms` app created; moved without moving data

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
        db_table = "cms_program"  # the table the `cms` app created; moved without moving data

    def get_absolute_url(self):
        return reverse("taxonomy:program", args=[self.slug])


class Project(SluggedModel):
    program = models.ForeignKey(Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects")

    class Meta(SluggedModel.Meta):
        db_table = "cms_project"  # the table the `cms` app created; moved without moving data

    def get_absolute_url(self):
        return reverse("taxonomy:project", args=[self.slug])


class Collection(SluggedModel):
    """A curated, ordered list of publications (the order is kept on each item)."""

    class Meta(SluggedModel.Meta):
        db_table = "cms_collection"  # the table the `cms` app created; moved without moving data

    def get_absolute_url(self):
        return reverse("taxonomy:collection", args=[self.slug])


class Newsletter(SluggedModel):
    language = models.CharField(max_length=10, choices=settings.CONTENT_LANGUAGES, default="en")

    class Meta(SluggedModel.Meta):
        db_table = "cms_newsletter"  # the table the `cms` app created; moved without moving data

    def get_absolute_url(self):
        return reverse("taxonomy:newsletter", args=[self.slug])
