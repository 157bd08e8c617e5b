"""What several public screens share: the sets of public work, the conditions that pick them, cards by the page.

Taxonomy pages, feeds, listings and search all list "the public pieces of this center / topic /
region" and cut them into pages of cards; the one definition of each lives here. Each set declares
itself (`depends_on`) for the page cache; declaring runs no query.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page
from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import translation

from cms.kit.languages import path_in_language
from cms.kit.pagination import paginate
from cms.pagecache.cache import depends_on, set_tag
from publications.models import Publication

LISTING_PAGE_SIZE = 20
SLUG_PATTERN = re.compile(r"[-\w]+")  # what SlugField(allow_unicode=True) accepts


def among_few(subquery, *, field: str = "pk") -> Q:
    """A condition: the row's `field` is one of the few values that `subquery` returns.

    PostgreSQL cannot tell that a numbered-and-filtered subquery returns a handful of rows and
    would hash a whole table for `IN`; `= ANY(ARRAY(…))` runs it first and then looks the rows up.
    """
    if connection.vendor == "postgresql":
        return Q(
            Func(
                F(field),
                ArraySubquery(subquery),
                template="%(expressions)s)",
                arg_joiner=" = ANY(",
                output_field=BooleanField(),
            )
        )
    return Q(**{f"{field}__in": subquery})


def count_per_publication(through_rows):
    """A subquery counting `through_rows` that belong to the outer publication."""
    return Subquery(
        through_rows.filter(publication_id=OuterRef("pk"))
        .values("publication_id")
        .annotate(matches=Count("pk"))
        .values("matches"),
        output_field=IntegerField(),
    )


def tag_condition(relation: str, ids) -> Q:
    """A condition on publications: tagged with any of `ids` through the many-to-many `relation`.

    Goes through a subquery, so a piece tagged twice (Europe and Eastern Europe) matches once.
    """
    relation_field = Publication._meta.get_field(relation)
    tagged = relation_field.remote_field.through.objects.filter(
        **{f"{relation_field.m2m_reverse_field_name()}__in": list(ids)}
    )
    return Q(pk__in=tagged.values("publication_id"))


def center_condition(center_id: int) -> Q:
    """A condition on publications: the center is their primary center or one they are tagged with."""
    return Q(primary_center_id=center_id) | tag_condition("centers", [center_id])


def tagged_work(relation: str, ids) -> QuerySet:
    """Public pieces tagged with any of `ids` through `relation` ("topics", "programs"…). No query."""
    ids = list(ids)
    depends_on(*(set_tag(relation, pk) for pk in ids))
    return Publication.objects.published().filter(tag_condition(relation, ids))


def center_work(center_id: int) -> QuerySet:
    """Public pieces of a center: its primary center, or tagged with it. No query."""
    depends_on(set_tag("centers", center_id))
    return Publication.objects.published().filter(center_condition(center_id))


def region_work(region_ids) -> QuerySet:
    """Public pieces tagged with any of `region_ids` (pass a region and its sub-regions). No query."""
    return tagged_work("regions", region_ids)


def taxonomy_item_or_404(queryset: QuerySet, slug: str):
    """Return the row with this slug, or raise Http404. 1 query; none for a string that is no slug.

    The URL accepts any string, and PostgreSQL refuses some (a NUL byte) with an error, so
    anything that could not be a slug is turned away before it reaches the database.
    """
    if not SLUG_PATTERN.fullmatch(slug) or len(slug) > queryset.model._meta.get_field("slug").max_length:
        raise Http404("Nothing found at this address")
    item = queryset.filter(slug=slug).first()
    if item is None:
        raise Http404("Nothing found at this address")
    return item


def reader_language(language: str | None) -> str:
    """The language cards are chosen for: `language` when given, else the active one (the address's)."""
    return language or translation.get_language() or settings.LANGUAGE_CODE


def card_page(publications: QuerySet, *, page: str | None, language: str | None = None) -> Page:
    """Return the requested page of an ordered publications queryset, one card per work, shaped for cards.

    `publications` are public pieces; each work among them is shown once, as `one_card_per_work`
    picks for `language` (the reader's; by default the active language), so the count and the pages count works. Raises Http404
    for a page that does not exist. 3 queries (count, rows, bylines), plus 1 for the other
    editions when a card has any (`attach_other_editions`).
    """
    cards = with_work_flag(one_card_per_work(publications, language=reader_language(language)))
    result = paginate(cards.for_cards(), page=page, per_page=LISTING_PAGE_SIZE)
    result.object_list = list(result.object_list)
    attach_other_editions(result.object_list)
    return result


# -- one card per work ---------------------------------------------------------------------------
# A work is an original and its editions (`translation_of`), at most one per language
# (publications/models/editions.py). A listing shows each work once, in the reader's language
# when it can, and links the other public editions from the card ("Also in …").


def work_card_condition(*, language: str, among: QuerySet) -> Q:
    """A condition on publications: the row is the card its work shows in `language`, among `among`.

    `among` is the set the listing draws from (public pieces, with its filters); the row is one of
    them. A work's card is its public edition in `language` when that edition is in `among` too;
    else its original; else (an original that is not public) its public edition added first
    (lowest id). No query of its own, so the listing's count and pages count works.

    Said as "the row is not one of the few pieces another piece of its work replaces": three
    `NOT IN` sets that PostgreSQL hashes once per query, built from editions only (3,558 of the
    100k corpus, read through the `translation_of` indexes), so the listing's own scan stays
    index-only. Checking each row's language and original instead read every row from the table:
    4.6 s for the count of the whole listing (JIT included); this costs about 60 ms, and the
    listing's other queries stop after a page of rows as before. Only the first set carries the
    listing's filters: a center's 60,000 tagged pieces hashed again for each set cost 0.7 s. So
    an edition whose original is public but filed elsewhere (not under this topic) is left out
    with it; editions made with "Translate into …" are filed as their original.
    """
    among = among.order_by()
    public_editions = Publication.objects.published().filter(translation_of__isnull=False)
    # Originals with an edition in the reader's language in the listing: that edition stands for them.
    replaced_originals = among.filter(translation_of__isnull=False, language=language).values("translation_of_id")
    # Editions in another language whose work has a better card: its public original, or its
    # public edition in the reader's language, or one added before them. Two sets rather than
    # one with an OR, so PostgreSQL joins the first by primary key instead of hashing every
    # public piece.
    others = public_editions.exclude(language=language)
    beside_original = others.filter(translation_of_id__in=Publication.objects.published().values("pk")).values("pk")
    beside_better_edition = others.filter(
        Exists(
            public_editions.filter(translation_of_id=OuterRef("translation_of_id")).filter(
                Q(language=language) | Q(pk__lt=OuterRef("pk"))
            )
        )
    ).values("pk")
    return ~Q(pk__in=replaced_originals) & ~Q(pk__in=beside_original) & ~Q(pk__in=beside_better_edition)


def one_card_per_work(publications: QuerySet, *, language: str) -> QuerySet:
    """Narrow `publications` (public pieces, unsliced) to one card per work for `language`. No query.

    The choice is made among `publications` themselves, so a filter that one edition of a work
    fails (not tagged with the topic) leaves the work to the editions that pass it.
    """
    return publications.filter(work_card_condition(language=language, among=publications))


def with_work_flag(publications: QuerySet) -> QuerySet:
    """Annotate `has_public_editions` (an original with a public edition), so that
    `attach_other_editions` can tell without a query that no card has other editions. No query.
    """
    # `translation_of` not null: PostgreSQL then reads the editions' partial index
    # (one_edition_per_language) instead of hashing every public piece (150 ms on 100k pieces).
    editions = Publication.objects.published().filter(translation_of__isnull=False)
    return publications.annotate(has_public_editions=Exists(editions.filter(translation_of=OuterRef("pk"))))


@dataclass(frozen=True)
class EditionLink:
    """Another public edition of a card's work, as the card's "Also in" links it."""

    language: str  # the edition's language code, for `lang` and `hreflang`
    name: str  # the language's name in itself ("العربية")
    title: str
    url: str  # the edition's address in its own language when the site speaks it, else in English


def language_name_in_itself(code: str) -> str:
    """The language's own name for itself ("Русский"); the English name for one Django does not know."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.CONTENT_LANGUAGES).get(code, code)


def edition_address(edition: Publication) -> str:
    """The edition's address in its own language's interface (/ar/… for Arabic), as hreflang names it.

    A language the interface does not speak (French) gets the English address. No query.
    """
    interface = {code for code, _name in settings.LANGUAGES}
    code = edition.language if edition.language in interface else settings.LANGUAGE_CODE
    return path_in_language(edition.get_absolute_url(), code)


def attach_other_editions(cards: list[Publication]) -> None:
    """Set `other_editions` on each card: the other public pieces of its work, as EditionLink.

    In the order of settings.CONTENT_LANGUAGES, the card's own piece left out. 1 query for any
    number of cards, none when no card is part of a work with more than one piece (cards shaped
    with `with_work_flag`). Anonymous readers' rows only: drafts, scheduled pieces and pending
    changes of editions are never linked.
    """
    # A card's work gaining or losing a public edition changes its links, whatever else the page shows.
    depends_on(*(set_tag("editions", root) for root in sorted({card.translation_of_id or card.pk for card in cards})))
    for card in cards:
        card.other_editions = []
    # Cards read without `with_work_flag` count as having editions: the query then runs.
    in_works = [card for card in cards if card.translation_of_id or getattr(card, "has_public_editions", True)]
    if not in_works:
        return
    roots = {card.translation_of_id or card.pk for card in in_works}
    pieces = (
        Publication.objects.published()
        .filter(Q(pk__in=roots) | Q(translation_of_id__in=roots))
        .only("pk", "slug", "title", "language", "translation_of_id")
    )
    order = {code: position for position, (code, _name) in enumerate(settings.CONTENT_LANGUAGES)}
    by_work: dict[int, list[Publication]] = {}
    for piece in pieces:
        by_work.setdefault(piece.translation_of_id or piece.pk, []).append(piece)
    for card in in_works:
        others = sorted(
            (piece for piece in by_work.get(card.translation_of_id or card.pk, []) if piece.pk != card.pk),
            key=lambda piece: (order.get(piece.language, len(order)), piece.language, piece.pk),
        )
        card.other_editions = [
            EditionLink(
                language=piece.language,
                name=language_name_in_itself(piece.language),
                title=piece.title,
                url=edition_address(piece),
            )
            for piece in others
        ]
