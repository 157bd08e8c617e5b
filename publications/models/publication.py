"""Publications and their ordered contributors.

Over 400 lines because the model's fields, indexes and workflow bookkeeping are one table's
definition; the rules of a work's editions are in `editions.py` beside it.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.expressions import OrderBy
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager

from cms.kit.slugs import SlugOnFirstSave
from cms.media.models import Image
from cms.richtext.editor import FULL
from cms.richtext.fields import RichTextField
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Person
from publications.models.editions import edition_problems
from publications.models.labels import PublicationType
from publications.segmentation import SearchWordsField


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("publication status", "Draft")
    IN_REVIEW = "in_review", pgettext_lazy("publication status", "In review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("publication status", "Changes requested")
    APPROVED = "approved", pgettext_lazy("publication status", "Approved")
    PUBLISHED = "published", pgettext_lazy("publication status", "Published")
    UNPUBLISHED = "unpublished", pgettext_lazy("publication status", "Unpublished")


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """What an anonymous reader may see: published, and live at this moment.

        Every public surface (pages, listings, rails, search, feeds, sitemap) starts here, so
        they cannot disagree about what is public.
        """
        now = timezone.now()
        return self.filter(
            # A pending change of a live piece is never public by itself, even once scheduled.
            Q(status=Status.PUBLISHED, draft_of__isnull=True),
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
        )

    def newest_first(self):
        # Undated legacy pieces sort after dated ones rather than before them.
        return self.order_by(models.F("publication_date").desc(nulls_last=True), "-created_at", "-pk")

    def for_card_rows(self):
        """Shape rows for listing cards without their bylines (see `prefetch_bylines`)."""
        return self.select_related("publication_type", "primary_center", "lead_image").defer("body")

    def for_cards(self):
        """Shape rows for a listing card: type, primary center and ordered authors, no body."""
        return self.for_card_rows().prefetch_related(byline_prefetch())


def byline_prefetch() -> Prefetch:
    """Load each publication's contributors in byline order into `publication.byline`."""
    return Prefetch(
        "authorships",
        queryset=Authorship.objects.select_related("person").order_by("position", "pk"),
        to_attr="byline",
    )


def prefetch_bylines(publications) -> None:
    """Load bylines for publications gathered from several querysets, in one query."""
    models.prefetch_related_objects(list(publications), byline_prefetch())


LIVE = Q(status=Status.PUBLISHED, draft_of__isnull=True)  # as published() asks, before the clock
NEWEST_FIRST = (F("publication_date").desc(nulls_last=True), F("created_at").desc(), F("id").desc())
VISIBILITY = ["go_live_at", "expire_at"]
# What search reads: a save of any of them also writes `search_words`.
SEARCHED_FIELDS = frozenset({"title", "dek", "body", "language"})


class NewestFirstIndex(models.Index):
    """An index in newest_first() order. SQLite (development) refuses NULLS LAST in an index: there
    it is built without it (the order of undated pieces is then not covered, which only costs speed).
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        expressions = [
            OrderBy(item.expression, descending=item.descending) if isinstance(item, OrderBy) else item
            for item in self.expressions
        ]
        plain = models.Index(*expressions, name=self.name, condition=self.condition)
        return plain.create_sql(model, schema_editor, using=using, **kwargs)

    def deconstruct(self):
        # Migrations name it by the package's public path, which stays when the module moves.
        _path, args, kwargs = super().deconstruct()
        return "publications.models.NewestFirstIndex", args, kwargs


class Publication(SlugOnFirstSave):
    title = models.CharField(max_length=300, verbose_name=_("title"))
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("The last part of the public address. Leave blank to derive it from the title."),
        verbose_name=_("slug"),
    )
    slug_source = "title"
    dek = models.TextField(
        blank=True,
        help_text=_("One or two sentences under the title that tell readers why the piece matters."),
        verbose_name=_("dek"),
    )
    body = RichTextField(blank=True, profile=FULL, verbose_name=_("body"))
    publication_type = models.ForeignKey(
        PublicationType, on_delete=models.PROTECT, related_name="publications", verbose_name=_("content type")
    )
    publication_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The date readers see. Blank for legacy pieces whose date is unknown."),
        verbose_name=_("publication date"),
    )
    language = models.CharField(
        max_length=10, choices=settings.CONTENT_LANGUAGES, default="en", verbose_name=_("language")
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The original, when this piece is a translation."),
        verbose_name=_("translation of"),
    )
    # The edition tracker (publications/editions.py): the original's revision this edition was
    # translated from, set when the edition is made and whenever it is marked up to date.
    source_revision = models.ForeignKey(
        "publications.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The revision of the original this edition was translated from."),
        verbose_name=_("source revision"),
    )

    primary_center = models.ForeignKey(
        Center,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="primary_publications",
        help_text=_('Decides the disclaimer and the "More work from" rail. Required before publishing.'),
        verbose_name=_("primary center"),
    )
    centers = models.ManyToManyField(
        Center,
        blank=True,
        related_name="publications",
        help_text=_("Every center this piece belongs to. The primary center is added automatically."),
        verbose_name=_("centers"),
    )
    programs = models.ManyToManyField(Program, blank=True, related_name="publications", verbose_name=_("programs"))
    projects = models.ManyToManyField(Project, blank=True, related_name="publications", verbose_name=_("projects"))
    collections = models.ManyToManyField(
        Collection, blank=True, through="CollectionItem", related_name="publications", verbose_name=_("collections")
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="publications",
        help_text=_("Tag the narrowest region: the piece is also found under the wider ones."),
        verbose_name=_("regions"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="publications", verbose_name=_("topics"))
    newsletters = models.ManyToManyField(
        Newsletter,
        blank=True,
        related_name="publications",
        help_text=_("Newsletters this piece goes out in."),
        verbose_name=_("newsletters"),
    )
    keywords = TaggableManager(blank=True, help_text=_("Free-form keywords, separated by commas."))
    contributors = models.ManyToManyField(
        Person, through="Authorship", related_name="publications", verbose_name=_("contributors")
    )

    lead_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_image_of",
        verbose_name=_("lead image"),
    )
    lead_image_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text=_('e.g. "Source: Getty". Leave blank to use the credit stored with the image.'),
        verbose_name=_("lead image credit"),
    )
    lead_image_alt = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Leave blank to use the alt text stored with the image."),
        verbose_name=_("lead image alt"),
    )

    source_name = models.CharField(
        _("source outlet"),
        max_length=200,
        blank=True,
        help_text=_('For pieces that first appeared elsewhere, e.g. "World Politics Review".'),
    )
    source_url = models.URLField(_("original URL"), max_length=500, blank=True)

    disclaimer_override = RichTextField(
        blank=True,
        help_text=_("Replaces the disclaimer that would otherwise apply (by center and content type). Rarely needed."),
        verbose_name=_("disclaimer override"),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown in the home page's featured area.")
    )

    status = models.CharField(
        max_length=20, choices=Status, default=Status.DRAFT, db_index=True, verbose_name=_("status")
    )
    go_live_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When a published piece becomes visible. Blank: at once."),
        verbose_name=_("go live at"),
    )
    expire_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When it stops being visible. Blank: never."), verbose_name=_("expire at")
    )
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Goes up on every save; a save based on an older version is refused."),
        verbose_name=_("version"),
    )
    draft_of = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pending_change",
        editable=False,
        help_text=_("The live piece this draft will replace when a manager publishes it."),
        verbose_name=_("draft of"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("submitted at"))
    review_comment = models.TextField(
        blank=True,
        editable=False,
        help_text=_("The manager's latest request for changes, shown to the editor."),
        verbose_name=_("review comment"),
    )
    first_published_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("first published at")
    )
    went_live_handled_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When publish_scheduled ran the go-live side effects (cache purge, notifications)."),
        verbose_name=_("went live handled at"),
    )
    legacy_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Identifier of the page on the site we replaced."),
        verbose_name=_("legacy id"),
    )
    import_held_reasons = models.TextField(
        _("held by the legacy import"),
        blank=True,
        editable=False,
        help_text=_(
            "Why the legacy import kept this page from going live, one reason a line: what the publish "
            "check found. Fix them, then publish it through the usual workflow; publishing clears this."
        ),
    )
    import_language_source = models.CharField(
        _("language taken from"),
        max_length=20,
        blank=True,
        editable=False,
        choices=[
            ("metadata", _("the page's metadata")),
            ("detected", _("detected from the text")),
            ("default", _("the default (not detected)")),
        ],
        help_text=_(
            "Where the legacy import took the language from: the page's metadata, detection from its text, or the default."
        ),
    )
    # What the legacy import last wrote, so that a later import can tell a page people changed
    # in the CMS (the version moved on, or the content differs) from one only the import touched.
    import_version = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("The version the legacy import last wrote."),
        verbose_name=_("import version"),
    )
    import_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A digest of the content the legacy import last wrote."),
        verbose_name=_("import digest"),
    )
    imported_language = models.CharField(
        max_length=10,
        blank=True,
        editable=False,
        help_text=_("The language the legacy import last wrote."),
        verbose_name=_("imported language"),
    )
    awaited_original = models.CharField(
        _("original awaited by the legacy import"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "The legacy id of the page this one's file names as its original (“translationOf”) while that page is "
            "not in the CMS yet: the import links the two when it arrives."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    # Kept current by a PostgreSQL trigger (migrations 0002, 0010): title weighs A, dek B, body C,
    # parsed with the text-search configuration of the piece's language.
    # Django never writes a value here; an instance sees the new vector only after
    # refresh_from_db(). On SQLite the column stays NULL and search falls back to LIKE.
    search_vector = SearchVectorField(null=True, editable=False)
    # Chinese pieces' words, cut apart for the trigger (publications/segmentation.py); "" otherwise.
    search_words = SearchWordsField()

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-publication_date", "-pk"]
        indexes = [
            models.Index(fields=["status", "-publication_date"], name="pub_status_date_idx"),
            GinIndex(fields=["search_vector"], name="pub_search_vector_idx"),
            # The public pages read published pieces newest first (newest_first()), whole or by
            # primary center or content type: partial indexes in exactly that order let them stop
            # after a page's rows, and the visibility columns they include let counts skip the
            # table. Checked with bench/explain.py on 100,000 pieces.
            NewestFirstIndex(*NEWEST_FIRST, name="pub_live_newest_idx", condition=LIVE, include=VISIBILITY),
            NewestFirstIndex(
                F("primary_center"), *NEWEST_FIRST, name="pub_live_center_idx", condition=LIVE, include=VISIBILITY
            ),
            NewestFirstIndex(
                F("publication_type"), *NEWEST_FIRST, name="pub_live_type_idx", condition=LIVE, include=VISIBILITY
            ),
            NewestFirstIndex(*NEWEST_FIRST, name="pub_live_featured_idx", condition=LIVE & Q(is_featured=True)),
            # One card per work (publications/queries/conditions.py:work_card_condition) asks of
            # every listing which public editions stand beside their work's public original: the
            # editions' own index and a lookup of live pieces by id, both read without the table
            # (a listing's count on 100,000 pieces with 3,558 editions 205 → 85 ms).
            models.Index(
                fields=["translation_of"],
                name="pub_live_editions_idx",
                condition=LIVE & Q(translation_of__isnull=False),
                include=["id", "language", *VISIBILITY],
            ),
            models.Index(fields=["id"], name="pub_live_by_id_idx", condition=LIVE, include=VISIBILITY),
            # The next scheduled go-live or expiry (publications/purging.py: next_visibility_change).
            models.Index(fields=["go_live_at"], name="pub_scheduled_idx", condition=LIVE & Q(go_live_at__isnull=False)),
            models.Index(fields=["expire_at"], name="pub_expiring_idx", condition=LIVE & Q(expire_at__isnull=False)),
        ]
        constraints = [
            # One edition per language of a work; a pending change of an edition is a copy of it,
            # not another edition.
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                condition=Q(translation_of__isnull=False, draft_of__isnull=True),
                name="one_edition_per_language",
            ),
        ]
        permissions = [
            ("submit_publication", "Can submit a publication for review"),
            ("review_publication", "Can approve a publication or request changes"),
            ("publish_publication", "Can publish, schedule and unpublish a publication"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = self.title.strip()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and SEARCHED_FIELDS.intersection(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_words"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        problems = edition_problems(self)
        if problems:
            raise ValidationError({"translation_of": problems})

    def get_absolute_url(self):
        return reverse("publications:detail", args=[self.slug])

    @property
    def is_public(self) -> bool:
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.draft_of_id is None
            and (self.go_live_at is None or self.go_live_at <= now)
            and (self.expire_at is None or self.expire_at > now)
        )

    @property
    def image_credit(self) -> str:
        return self.lead_image_credit or (self.lead_image.credit if self.lead_image else "")

    @property
    def image_alt(self) -> str:
        return self.lead_image_alt or (self.lead_image.alt_text if self.lead_image else "")


class AuthorshipManager(models.Manager):
    def create(self, **kwargs):
        """Add a contributor; a title at publication left blank is the person's title today."""
        authorship = self.model(**kwargs)
        authorship.fill_title_line()
        self._for_write = True
        authorship.save(force_insert=True, using=self.db)
        return authorship


class Authorship(models.Model):
    """One contributor of a publication, in byline order, with the title they held then."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        INTERVIEWER = "interviewer", _("Interviewer")
        TRANSLATOR = "translator", _("Translator")

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authorships", verbose_name=_("publication")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="authorships", verbose_name=_("person"))
    role = models.CharField(max_length=20, choices=Role, default=Role.AUTHOR, verbose_name=_("role"))
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Byline order: lowest first."), verbose_name=_("position")
    )
    title_line = models.CharField(
        _("title at publication"),
        max_length=300,
        blank=True,
        help_text=_("The contributor's title when the piece appeared. Filled from their profile when left blank."),
    )

    objects = AuthorshipManager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "person"], name="one_authorship_per_person"),
        ]
        indexes = [models.Index(fields=["person", "publication"], name="authorship_person_idx")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def fill_title_line(self) -> None:
        """Take a blank title at publication from the person's main title line today (1 query).

        Called where a contributor is added (AuthorshipManager.create, the admin's byline
        inline), not from save(): the title is kept as it was when the piece was written, and
        later promotions must not rewrite old bylines.
        """
        if not self.title_line and self.person_id:
            self.title_line = self.person.title_line


class CollectionItem(models.Model):
    """A publication's place in a curated collection."""

    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="items", verbose_name=_("collection")
    )
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="collection_items", verbose_name=_("publication")
    )
    position = models.PositiveIntegerField(default=0, verbose_name=_("position"))

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "publication"], name="one_item_per_collection"),
        ]

    def __str__(self):
        return f"{self.collection}: {self.publication}"
