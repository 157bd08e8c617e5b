"""Editions of one work and the edition tracker (read only): whose text is behind its original, and what changed.

A work is an original and its editions: publications whose `translation_of` is the original,
one per language (`publications/models/editions.py` keeps that shape). Each edition records
the original's revision it was translated from (`source_revision`, set by
`publications/workflow/editions.py` when the edition is made and when it is marked up to date).
An edition is *behind* when the original's title, dek or body now differ from that revision's:
comparing the text, not counting revisions, so publishing an unchanged draft or unpublishing
the original does not send its editions to the queue. Editions made before the tracker
(legacy links, no revision recorded) are *not tracked* until someone marks them up to date.
"""

import difflib
import itertools
import re
from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from cms.pagecache.cache import depends_on, set_tag
from publications.models import Publication, Revision
from publications.scope import scoped

TEXT_FIELDS = ("title", "dek", "body")
WORK_PAGE_FIELDS = ["pk", "slug", "title", "language", "translation_of_id", "updated_at"]


def _source_text(key: str) -> Subquery:
    source = Revision.objects.filter(pk=OuterRef(OuterRef("source_revision_id")))
    return Subquery(source.annotate(text=KeyTextTransform(key, "data")).values("text")[:1])


# On editions: the original's text is still the text of the revision it was translated from.
# Subqueries rather than joins, so that annotating a page's query keeps every row (no query of its own).
SAME_TEXT_AS_SOURCE = Exists(
    Publication.objects.filter(pk=OuterRef("translation_of_id"), **{name: _source_text(name) for name in TEXT_FIELDS})
)
TRACKED = Q(translation_of__isnull=False, draft_of__isnull=True, source_revision__isnull=False)
BEHIND = TRACKED & ~SAME_TEXT_AS_SOURCE


# Django's catalog names most languages; this one is named differently there ("Simplified Chinese").
gettext_noop("Chinese (Simplified)")


def language_name(code: str) -> str:
    """A content language's name in the interface's language ("Arabic", "Арабский", "阿拉伯语")."""
    return gettext(dict(settings.CONTENT_LANGUAGES).get(code, code))


# -- the public page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicWork:
    """What a public page shows of the rest of its work: only public pieces, never a draft's name."""

    others: list[Publication] = field(default_factory=list)  # the other public pieces, the original first
    original: Publication | None = None  # for an edition: its original, when it is public
    original_updated_on: object = None  # a date: the public original changed after this edition was made


def public_work(publication: Publication) -> PublicWork:
    """The other public pieces of `publication`'s work, and whether it is behind a public original.

    `publication` comes from `annotate_for_page`'s queryset. 1 query for an original with public
    editions or for an edition, none for a piece alone. The page depends on the work's set tag,
    which every public change of any of its pieces purges (publications/purging.py).
    """
    root = publication.translation_of_id or publication.pk
    depends_on(set_tag("editions", root))
    if not publication.translation_of_id and not publication.has_public_editions:
        return PublicWork()
    latest_publish = Subquery(
        Revision.objects.filter(publication=OuterRef("pk"), kind=Revision.Kind.PUBLISH)
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    others = list(
        Publication.objects.published()
        .filter(Q(pk=root) | Q(translation_of_id=root))
        .exclude(pk=publication.pk)
        .only(*WORK_PAGE_FIELDS)
        .annotate(published_revision_at=latest_publish)
        .order_by(F("translation_of_id").asc(nulls_first=True), "language", "pk")  # the original first
    )
    original = next((piece for piece in others if piece.pk == publication.translation_of_id), None)
    updated_on = None
    if original is not None and publication.source_revision_id and not publication.same_text_as_source:
        # When the original's public text changed: its last publication after the translation
        # was made, else (a write that recorded no revision, like the legacy import) its last save.
        changed_at = original.published_revision_at
        if changed_at is None or (publication.source_taken_at and changed_at <= publication.source_taken_at):
            changed_at = original.updated_at
        updated_on = changed_at.date()
    return PublicWork(others=others, original=original, original_updated_on=updated_on)


SITEMAP_FIELDS = ["pk", "slug", "language", "translation_of_id", "updated_at"]


def public_works_of(pieces: list[Publication], page) -> dict[int, list[Publication]]:
    """The public pieces of each work that has one of `pieces` (public, from the queryset `page`), by original's pk.

    For the sitemap: `page` is a queryset of exactly `pieces`, used as a subquery so that the
    query takes no list of ids however long the page. Each work's list holds its pieces from
    `pieces` and its other public pieces (only `SITEMAP_FIELDS` loaded). 1 query.
    """
    roots = page.annotate(root=Coalesce("translation_of_id", "pk")).values("root")
    originals_of_editions = page.filter(translation_of__isnull=False).values("translation_of_id")
    others = (
        Publication.objects.published()
        .filter(Q(translation_of_id__in=roots) | Q(pk__in=originals_of_editions))
        .only(*SITEMAP_FIELDS)
        .order_by("pk")
    )
    works: dict[int, dict[int, Publication]] = {}
    for piece in itertools.chain(pieces, others):
        works.setdefault(piece.translation_of_id or piece.pk, {}).setdefault(piece.pk, piece)
    return {root: list(work.values()) for root, work in works.items()}


def address_language(language: str) -> str:
    """The interface language whose addresses a piece in `language` reads at: its own, else the default."""
    return language if language in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


def edition_path(piece: Publication) -> str:
    """The address of `piece` in its own language: /ar/… for an Arabic piece, the bare address for English.

    A piece in a content language the interface does not speak (French) reads at the default
    language's address. Reverses under that language: no query.
    """
    with translation.override(address_language(piece.language)):
        return piece.get_absolute_url()


def edition_paths(pieces) -> dict[int, str]:
    """`edition_path` of many pieces, by pk: one language switch per language, not per piece. No query."""
    by_language: dict[str, list[Publication]] = {}
    for piece in pieces:
        by_language.setdefault(address_language(piece.language), []).append(piece)
    paths = {}
    for language, group in by_language.items():
        with translation.override(language):
            paths.update((piece.pk, piece.get_absolute_url()) for piece in group)
    return paths


def edition_links(pieces, paths: dict[int, str] | None = None) -> list[tuple[str, str]]:
    """The hreflang alternates of a work: (language, path) for each of its public `pieces`, then x-default.

    `pieces` are the work's public pieces, the page's own among them (the first of a language
    wins). Each is named once, in its own language at `edition_path` (looked up in `paths`, from
    `edition_paths`, when given), sorted by language; x-default is the original's address when the
    original is public. Empty for a piece alone: a page with no other edition has no alternates.
    The work's page and the sitemap both write these. No query.
    """
    editions = {}
    for piece in pieces:
        editions.setdefault(piece.language, piece)
    if len(editions) < 2:
        return []
    links = [
        (language, paths[piece.pk] if paths is not None else edition_path(piece))
        for language, piece in sorted(editions.items())
    ]
    original = next((piece for piece in editions.values() if not piece.translation_of_id), None)
    if original is not None:
        links.append(("x-default", dict(links)[original.language]))
    return links


def annotate_for_page(queryset):
    """What `public_work` reads on the page's own row, computed in the page's query (no query)."""
    return queryset.annotate(
        has_public_editions=Exists(Publication.objects.published().filter(translation_of=OuterRef("pk"))),
        same_text_as_source=SAME_TEXT_AS_SOURCE,
        source_taken_at=Subquery(Revision.objects.filter(pk=OuterRef("source_revision_id")).values("created_at")[:1]),
    )


# -- the desk -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditionRow:
    edition: Publication
    language: str  # its name
    state: str  # "up to date", "behind" or "not tracked"


@dataclass(frozen=True)
class WorkPanel:
    """The editions panel of a piece's admin page: the whole work, and the languages it lacks."""

    original: Publication
    current: Publication  # the piece whose page this is
    editions: list[EditionRow]
    missing: list[tuple[str, str]]  # (code, name) of languages with no edition yet

    @property
    def is_original(self) -> bool:
        return self.current.pk == self.original.pk

    @property
    def original_language(self) -> str:
        return language_name(self.original.language)

    @property
    def current_language(self) -> str:
        return language_name(self.current.language)

    @property
    def current_row(self) -> EditionRow | None:
        return next((row for row in self.editions if row.edition.pk == self.current.pk), None)


def work_panel(publication: Publication) -> WorkPanel | None:
    """The work `publication` belongs to, for its admin page; None for a pending change. 1–2 queries.

    Editions of every status are listed (staff see drafts); who may open each is the admin's
    desk rule, applied when the link is followed.
    """
    if publication.draft_of_id:
        return None
    original = publication.translation_of if publication.translation_of_id else publication
    rows = (
        Publication.objects.filter(translation_of=original, draft_of__isnull=True)
        .annotate(same_text_as_source=SAME_TEXT_AS_SOURCE)
        .defer("body")
        .order_by("language", "pk")
    )
    editions = [
        EditionRow(
            edition=row,
            language=language_name(row.language),
            state="not tracked"
            if row.source_revision_id is None
            else ("up to date" if row.same_text_as_source else "behind"),
        )
        for row in rows
    ]
    taken = {original.language} | {row.edition.language for row in editions}
    missing = [(code, language_name(code)) for code, _name in settings.CONTENT_LANGUAGES if code not in taken]
    return WorkPanel(original=original, current=publication, editions=editions, missing=missing)


# -- the tracker's queue ------------------------------------------------------------------------


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "paragraph changed", "paragraph added", "paragraph removed", "title changed", "dek changed"
    before: str = ""  # the text as the edition was translated from
    after: str = ""  # the original's text now

    @property
    def label(self) -> str:
        """The kind as the queue shows it, in the interface's language."""
        return str(CHANGE_LABELS.get(self.kind, self.kind))


CHANGE_LABELS = {
    "paragraph changed": gettext_lazy("Paragraph changed"),
    "paragraph added": gettext_lazy("Paragraph added"),
    "paragraph removed": gettext_lazy("Paragraph removed"),
    "title changed": gettext_lazy("Title changed"),
    "dek changed": gettext_lazy("Dek changed"),
}


@dataclass(frozen=True)
class BehindEdition:
    edition: Publication  # translation_of (the original) and source_revision loaded
    changes: list[ParagraphChange]  # the title and dek first when they changed, then the body's paragraphs

    @property
    def original(self) -> Publication:
        return self.edition.translation_of

    @property
    def language(self) -> str:
        return language_name(self.edition.language)

    @property
    def original_language(self) -> str:
        return language_name(self.original.language)


def editions_behind(user):
    """The editions on `user`'s desk whose original changed since they were translated, longest waiting first.

    A queryset (no query until read): the queue pages it, the dashboard counts it.
    """
    return (
        scoped(Publication.objects.filter(BEHIND), user)
        .select_related("translation_of", "source_revision")
        .order_by("source_revision__created_at", "pk")
    )


def behind_with_changes(editions) -> list[BehindEdition]:
    """Each edition (from `editions_behind`) with what changed in its original since its source revision."""
    return [BehindEdition(edition=edition, changes=changes_since_source(edition)) for edition in editions]


def changes_since_source(edition: Publication) -> list[ParagraphChange]:
    """What changed in the original's title, dek and body since the revision `edition` was translated from."""
    then = edition.source_revision.data if edition.source_revision else {}
    original = edition.translation_of
    changes = []
    for name in ("title", "dek"):
        before, after = then.get(name) or "", getattr(original, name)
        if before != after:
            changes.append(ParagraphChange(kind=f"{name} changed", before=before, after=after))
    changes.extend(changed_paragraphs(then.get("body") or "", original.body))
    return changes


# A paragraph is one block of the stored body; lists count by item, tables and figures whole.
BLOCK = re.compile(r"<(p|h[1-6]|li|blockquote|pre|figure|table)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def paragraphs(stored: str) -> list[str]:
    """The body's paragraphs as plain text, in order (bare text outside blocks counts by line)."""
    blocks = [match.group(0) for match in BLOCK.finditer(stored or "")]
    if not blocks:
        blocks = (stored or "").splitlines()
    texts = (" ".join(unescape(strip_tags(block)).split()) for block in blocks)
    return [text for text in texts if text]


def changed_paragraphs(before: str, after: str) -> list[ParagraphChange]:
    """The paragraphs that differ between two bodies: changed, added or removed, in the newer body's order."""
    old, new = paragraphs(before), paragraphs(after)
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for was, now in itertools.zip_longest(old[i1:i2], new[j1:j2]):
            if was is None:
                changes.append(ParagraphChange(kind="paragraph added", after=now))
            elif now is None:
                changes.append(ParagraphChange(kind="paragraph removed", before=was))
            else:
                changes.append(ParagraphChange(kind="paragraph changed", before=was, after=now))
    return changes
