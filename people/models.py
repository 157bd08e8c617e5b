"""People: Carnegie experts and outside contributors alike, so that every byline has a bio."""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from cms.kit.slugs import SlugOnFirstSave
from cms.media.models import Image
from cms.richtext.fields import RichTextField
from cms.richtext.translations import TranslationsField
from cms.taxonomies.models import Center, Region, Topic


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who have a public profile page."""
        return self.filter(has_profile=True)

    def experts(self):
        return self.public().filter(kind=Person.Kind.EXPERT)


class Person(SlugOnFirstSave):
    class Kind(models.TextChoices):
        EXPERT = "expert", "Carnegie expert"
        CONTRIBUTOR = "contributor", "Outside contributor"

    name = models.CharField(
        max_length=200,
        help_text=(
            'As printed in English bylines, e.g. "Nguyễn Khắc Giang". The name in another script '
            "(Arabic, Chinese, Cyrillic) goes in that language's fieldset below."
        ),
    )
    sort_name = models.CharField(
        "sort name (Latin transliteration)",
        max_length=200,
        blank=True,
        db_index=True,
        help_text=(
            'Used for A–Z lists in every language, e.g. "Lehne, Stefan" or, for "Мария Липман", '
            '"Lipman, Maria". Leave blank to use the last word of the name.'
        ),
    )
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.EXPERT)
    is_current = models.BooleanField(
        "current", default=True, help_text="Untick for alumni: their profile stays, marked as a former affiliate."
    )
    has_profile = models.BooleanField(
        "public profile",
        default=True,
        help_text="Untick to hide the profile page; bylines then show the name without a link.",
    )
    short_bio = models.TextField(blank=True, help_text="One or two plain sentences, shown under bylines and on cards.")
    bio = RichTextField("full bio", blank=True)
    headshot = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="headshot_of")
    headshot_credit = models.CharField(
        max_length=255, blank=True, help_text="Leave blank to use the credit stored with the image."
    )
    headshot_alt = models.CharField(
        max_length=300, blank=True, help_text="Leave blank to use the alt text stored with the image."
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="experts", verbose_name="topics of expertise")
    regions = models.ManyToManyField(Region, blank=True, related_name="experts", verbose_name="regions of expertise")
    languages = models.CharField(
        max_length=300, blank=True, help_text='Comma-separated, e.g. "English, German, Serbian".'
    )
    email = models.EmailField(blank=True, help_text="For editors; never shown on the public site.")
    # Name (in the language's own script), main title line and bios in the site's other
    # languages (cms/richtext/translations.py); the full bio is sanitized like `bio`.
    translations = TranslationsField(
        fields={"name": 200, "title_line": 300, "short_bio": None, "bio": None},
        rich_fields=["bio"],
        help_text="Name, title line and bios in the site's other languages, edited in the fieldsets per language.",
    )
    legacy_id = models.CharField(max_length=200, null=True, blank=True, unique=True, editable=False)
    # The legacy importer refreshes a bio only while it still equals what the importer last
    # wrote, so a bio that editors have since changed in the CMS is never overwritten.
    imported_bio = models.TextField(
        blank=True, editable=False, help_text="The full bio as the legacy importer last wrote it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip()
        if not self.sort_name:
            self.sort_name = default_sort_name(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # A–Z lists sort every language's page by the Latin transliteration: a name given only in
        # another script ("Мария Липман") needs one, or it would sort under "#" for everyone.
        sort_name = (self.sort_name or default_sort_name(self.name or "")).strip()
        if self.name and not starts_with_latin_letter(sort_name):
            raise ValidationError(
                {
                    "sort_name": (
                        "Give the name in Latin letters for A–Z lists, e.g. “Lipman, Maria” for “Мария Липман”: "
                        "every language's directory is sorted by it."
                    )
                }
            )

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.slug])

    @property
    def title_line(self) -> str:
        """The main title line today (uses prefetched affiliations when present)."""
        first = next(iter(self.affiliations.all()), None)
        return first.title_line if first else ""

    @property
    def language_list(self) -> list[str]:
        return [language.strip() for language in self.languages.split(",") if language.strip()]

    @property
    def headshot_alt_text(self) -> str:
        return self.headshot_alt or (self.headshot.alt_text if self.headshot else "") or self.name


def default_sort_name(name: str) -> str:
    """Return "Last, First…" for A–Z lists; single names stay as they are.

    Cut to the column: the comma makes it longer than the name, and a name may fill its column.
    """
    parts = name.split()
    sort_name = name if len(parts) < 2 else f"{parts[-1]}, {' '.join(parts[:-1])}"
    return sort_name[: Person._meta.get_field("sort_name").max_length].rstrip()


def starts_with_latin_letter(text: str) -> bool:
    """Whether `text` starts with a Latin letter, accented ones included ("Ö", "Đ"), or with a digit."""
    first = unicodedata.normalize("NFKD", text.strip())[:1]
    return bool(first) and (first.isdigit() or (first.isalpha() and "LATIN" in unicodedata.name(first, "")))


class Affiliation(models.Model):
    """A title a person holds, e.g. "Senior Fellow, Carnegie Europe"; the first is the main one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    title_line = models.CharField(
        max_length=300, help_text='The whole line as readers see it, e.g. "Senior Fellow, Carnegie Europe".'
    )
    center = models.ForeignKey(
        Center,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="affiliations",
        help_text="The Carnegie center, if this title is held at one.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title_line


class PersonLink(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=100, help_text='e.g. "Bluesky", "Personal website".')
    url = models.URLField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label
