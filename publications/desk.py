"""Reads for the editors' desk in the admin: writing aids, the autosave to offer back, and the
revision history with autosaves folded together.

The writes (autosave) are in publications/revisions.py; the endpoints in publications/admin/desk_views.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from cms.media.models import Image
from cms.media.renditions import find_renditions
from cms.richtext.editor import FULL
from cms.richtext.rendering import plain_text, reading_minutes, word_count
from cms.richtext.sanitizer import sanitize_html
from publications.models import Publication, Revision
from publications.revisions import AUTOSAVE_FIELDS
from publications.workflow.gate import publish_gate_problems

SEARCH_TITLE_LENGTH = 60  # what search engines show of a title before cutting it
SEARCH_DESCRIPTION_LENGTH = 160
CARD_DESCRIPTION_LENGTH = 200
# The largest request the writing aids read. A 60,000-word report, the longest the centers
# publish, is about 500 KB of editor HTML; 600 KB leaves room for notes and markup, and
# costs the aids about half a second for plain paragraphs (bench/writing_aids.py). Autosave takes more.
AIDS_MAX_BYTES = 600_000


@dataclass(frozen=True)
class WritingAids:
    words: int
    reading_minutes: int
    url: str
    is_live: bool
    search: dict  # title, url, description: how the piece shows in search results
    card: dict  # title, description, image, image_alt: how it shows when shared
    problems: list[str]  # the publish gate's refusals, as of the form's current text

    def as_json(self) -> dict:
        return {
            "words": self.words,
            "reading_minutes": self.reading_minutes,
            "url": self.url,
            "is_live": self.is_live,
            "search": self.search,
            "card": self.card,
            "problems": self.problems,
        }


def _int_or_none(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


def writing_aids(
    *, fields: dict, publication: Publication | None, has_author: bool | None, site_url: str
) -> WritingAids:
    """Return the writing aids for a publication form's current, unsaved values.

    `fields` are the form's raw values (title, slug, dek, body, lead image id, its credit and
    alt text, primary center, content type, disclaimer override); nothing is saved. For staff
    who may change publications. Budget: at most 4 queries (lead image, byline when
    `has_author` is None, disclaimer ×2); the card image's renditions are
    only looked up (the original file until they are made).
    """
    text = lambda name: str(fields.get(name) or "").replace("\x00", "")  # noqa: E731
    draft = Publication(
        pk=publication.pk if publication else None,
        title=text("title").strip(),
        slug=text("slug").strip() or slugify(text("title"), allow_unicode=True)[:200],
        dek=text("dek").strip(),
        body=sanitize_html(text("body"), profile=FULL),
        lead_image_credit=text("lead_image_credit").strip(),
        lead_image_alt=text("lead_image_alt").strip(),
        disclaimer_override=sanitize_html(text("disclaimer_override")),
        primary_center_id=_int_or_none(fields.get("primary_center")),
        publication_type_id=_int_or_none(fields.get("publication_type")),
    )
    image_id = _int_or_none(fields.get("lead_image"))
    draft.lead_image = Image.objects.filter(pk=image_id).first() if image_id else None
    if draft.pk is None and has_author is None:
        has_author = False
    problems = publish_gate_problems(draft, has_author=has_author)
    if not draft.publication_type_id:
        problems.insert(0, _("Choose a content type."))

    words = word_count(draft.body)
    if publication is not None and publication.draft_of_id:
        # A pending change is published onto its live piece, at the live piece's address.
        live, public_slug = publication.draft_of, publication.draft_of.slug
    else:
        live, public_slug = publication, draft.slug
    try:
        url = site_url.rstrip("/") + reverse("publications:detail", args=[public_slug]) if public_slug else ""
    except NoReverseMatch:
        url = ""
        problems.append(_("The slug may only hold letters, digits, hyphens and underscores."))
    description = draft.dek or " ".join(plain_text(draft.body).split())
    card_image = find_renditions(draft.lead_image, "card") if draft.lead_image else None
    return WritingAids(
        words=words,
        reading_minutes=reading_minutes(words),
        url=url,
        is_live=bool(live and live.is_public and live.slug == public_slug),
        search={
            "title": Truncator(draft.title or _("Untitled")).chars(SEARCH_TITLE_LENGTH),
            "url": url,
            "description": Truncator(description).chars(SEARCH_DESCRIPTION_LENGTH),
        },
        card={
            "title": draft.title or _("Untitled"),
            "description": Truncator(draft.dek).chars(CARD_DESCRIPTION_LENGTH),
            "image": card_image.src if card_image else "",
            "image_alt": draft.image_alt if draft.lead_image else "",
        },
        problems=problems,
    )


@dataclass(frozen=True)
class AutosaveOffer:
    revision: Revision
    fields: dict  # AUTOSAVE_FIELDS → the text the editor had typed


def autosave_to_offer(*, publication: Publication, user) -> AutosaveOffer | None:
    """Return the user's autosave to offer back when they open `publication`, if there is one.

    Only an autosave made on the piece's current version, newer than its last save, and
    different from what is saved: anything older was saved over (by them or someone else).
    Budget: 1 query.
    """
    revision = (
        publication.revisions.filter(kind=Revision.Kind.AUTOSAVE, created_by=user, version=publication.version)
        .order_by("-created_at", "-pk")
        .first()
    )
    if revision is None:
        return None
    typed = {name: revision.data.get(name) for name in AUTOSAVE_FIELDS if isinstance(revision.data.get(name), str)}
    saved = {name: getattr(publication, name) or "" for name in typed}
    if typed == saved:
        return None
    return AutosaveOffer(revision=revision, fields=typed)


@dataclass
class RevisionRow:
    """One line of the revision history: a revision, or a run of autosaves folded under its newest."""

    revision: Revision
    earlier_autosaves: list[Revision] = field(default_factory=list)

    @property
    def autosave_count(self) -> int:
        return 1 + len(self.earlier_autosaves) if self.revision.kind == Revision.Kind.AUTOSAVE else 0


def revision_rows(revisions: list[Revision]) -> list[RevisionRow]:
    """Fold each run of consecutive autosaves (newest first) into one row. No query."""
    rows: list[RevisionRow] = []
    for revision in revisions:
        if revision.kind == Revision.Kind.AUTOSAVE and rows and rows[-1].revision.kind == Revision.Kind.AUTOSAVE:
            rows[-1].earlier_autosaves.append(revision)
        else:
            rows.append(RevisionRow(revision))
    return rows
