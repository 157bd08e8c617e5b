"""The publication page: the piece, its contributors and their recent work, the rails, the disclaimer.

Also the staff preview and share link (`preview_page`), which show any piece with the same template.
Every function declares what it shows (`depends_on`) for the page cache; declaring runs no query.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import Http404

from cms.media.models import Image
from cms.pagecache.cache import depends_on, model_tag, row_tag, set_tag
from cms.richtext.rendering import RenderedBody, inline_image_ids, render_body
from people.models import Affiliation, Person
from publications.editions import PublicWork, annotate_for_page, public_work
from publications.models import Authorship, Disclaimer, Publication, most_specific_disclaimer, prefetch_bylines
from publications.queries.conditions import among_few, count_per_publication, one_card_per_work, reader_language

RECENT_WORK_PER_AUTHOR = 3
RELATED_CANDIDATES = 200
RAIL_LENGTH = 5


@dataclass(frozen=True)
class Contributor:
    """One byline entry as the publication page shows it."""

    person: Person
    role: str
    title_line: str  # as it was when the piece was published
    current_title_line: str
    recent_work: list[Publication] = field(default_factory=list)

    @property
    def title_changed(self) -> bool:
        return bool(self.title_line and self.current_title_line and self.title_line != self.current_title_line)


@dataclass(frozen=True)
class PublicationPage:
    publication: Publication
    contributors: list[Contributor]  # byline order
    byline: list[Authorship]  # byline order, for the byline component
    disclaimer_html: str
    center_rail: list[Publication]  # newest from the primary center, shaped like cards
    related: list[Publication]  # most shared topics and regions first, then newest
    body: RenderedBody | None = None  # notes numbered and linked, library images as renditions
    work: PublicWork = field(default_factory=PublicWork)  # the other public editions (publications/editions.py)

    @property
    def authors(self) -> list[Person]:
        return [contributor.person for contributor in self.contributors]

    @property
    def author_byline(self) -> list[Authorship]:
        """The byline after "By": everyone but the translators, who are credited after it."""
        return [row for row in self.byline if row.role != Authorship.Role.TRANSLATOR]

    @property
    def translator_byline(self) -> list[Authorship]:
        return [row for row in self.byline if row.role == Authorship.Role.TRANSLATOR]


def publication_page(*, slug: str, language: str | None = None) -> PublicationPage:
    """Return everything the publication page shows, for a piece visible to anonymous readers.

    The rails and the contributors' recent work leave out the piece's own work and show every
    other work once, in `language` (the reader's; by default the active language) when it has a
    public edition in it (`conditions.one_card_per_work`). Raises Http404 when no public piece
    has this slug. Budget: 11 queries, whatever the number of authors, topics or regions, and
    one more for a piece with other public editions (`public_work`; both pinned in
    tests/publications/test_publication_page.py).
    """
    return _page_for(Publication.objects.published().filter(slug=slug), language=reader_language(language))


def preview_page(*, pk: int, language: str | None = None) -> PublicationPage:
    """Return the publication page of any piece, whatever its status, for staff and share links.

    The caller decides who may see it. Rails and recent work still list public pieces only.
    Raises Http404 for an unknown id. Budget: as `publication_page`.
    """
    return _page_for(Publication.objects.filter(pk=pk), language=reader_language(language))


def _page_for(candidates, *, language: str) -> PublicationPage:
    publication = (
        annotate_for_page(candidates)
        .select_related("publication_type", "primary_center", "lead_image")
        .prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("person", "person__headshot")
                .prefetch_related(
                    Prefetch("person__affiliations", queryset=Affiliation.objects.order_by("position", "pk"))
                )
                .order_by("position", "pk"),
                to_attr="byline",
            ),
            "centers",
            "topics",
            "regions",
        )
        .first()
    )
    if publication is None:
        raise Http404("No publication found")
    depends_on(row_tag(Publication, publication.pk))

    recent = recent_work_by_person(
        person_ids=[row.person_id for row in publication.byline],
        excluding_work=publication.translation_of_id or publication.pk,
        language=language,
    )
    contributors = [
        Contributor(
            person=row.person,
            role=row.role,
            title_line=row.title_line or row.person.title_line,
            current_title_line=row.person.title_line,
            recent_work=recent.get(row.person_id, []),
        )
        for row in publication.byline
    ]
    center_rail = center_rail_for(publication, language=language)
    related = related_to(publication, language=language)
    prefetch_bylines(center_rail + related)
    # Images placed in the body: one more query, only for bodies that have any.
    image_ids = inline_image_ids(publication.body)
    images = Image.objects.in_bulk(image_ids) if image_ids else {}
    return PublicationPage(
        body=render_body(publication.body, images=images),
        publication=publication,
        contributors=contributors,
        byline=publication.byline,
        disclaimer_html=disclaimer_for(publication),
        center_rail=center_rail,
        related=related,
        work=public_work(publication),
    )


def other_work(excluding_work: int):
    """Public pieces outside the work whose original is `excluding_work` (the page's own work). No query."""
    return Publication.objects.published().exclude(Q(pk=excluding_work) | Q(translation_of_id=excluding_work))


def recent_work_by_person(*, person_ids: list[int], excluding_work: int, language: str) -> dict[int, list[Publication]]:
    """Return each person's newest public works outside `excluding_work`, one piece each, by person id. 1 query.

    A work is shown once, as `one_card_per_work` picks for `language` among the person's pieces.
    """
    if not person_ids:
        return {}
    depends_on(*(set_tag("contributors", pk) for pk in person_ids))

    # One newest-first subquery per person, each stopping at RECENT_WORK_PER_AUTHOR: for a
    # prolific author PostgreSQL walks the newest-first index and stops after a few rows, for
    # an occasional one it reads their few bylines. Numbering every byline of every author
    # (a window over thousands of rows) cost 55 ms on the 100k corpus; this costs under 5.
    def newest_of(person_id):
        theirs = other_work(excluding_work).filter(
            Exists(Authorship.objects.filter(person_id=person_id, publication_id=OuterRef("pk")))
        )
        return one_card_per_work(theirs, language=language).newest_first().values("pk")[:RECENT_WORK_PER_AUTHOR]

    wanted = reduce(
        operator.or_,
        (Q(person_id=pk) & among_few(newest_of(pk), field="publication_id") for pk in dict.fromkeys(person_ids)),
    )
    rows = (
        Authorship.objects.filter(wanted)
        .select_related("publication", "publication__publication_type")
        .defer("publication__body")
        .order_by(
            "person_id",
            F("publication__publication_date").desc(nulls_last=True),
            "-publication__created_at",
            "-publication_id",
        )
    )
    recent: dict[int, list[Publication]] = {}
    for row in rows:
        recent.setdefault(row.person_id, []).append(row.publication)
    return recent


def center_rail_for(publication: Publication, *, language: str) -> list[Publication]:
    """Return the newest other public works of the same primary center, one card each (no bylines). 1 query."""
    if not publication.primary_center_id:
        return []
    depends_on(set_tag("centers", publication.primary_center_id))
    same_center = other_work(publication.translation_of_id or publication.pk).filter(
        primary_center_id=publication.primary_center_id
    )
    return list(one_card_per_work(same_center, language=language).for_card_rows().newest_first()[:RAIL_LENGTH])


def related_to(publication: Publication, *, language: str) -> list[Publication]:
    """Return public works sharing most topics and regions with `publication`, then newest, one card each.

    Only the newest RELATED_CANDIDATES pieces sharing any tag are ranked: counting overlaps
    across every piece of a big topic would cost a scan of thousands of rows per page view, and
    readers expect related work to be recent. Uses the topics and regions already prefetched on
    `publication`. 1 query (none without tags).
    """
    topic_ids = [topic.pk for topic in publication.topics.all()]
    region_ids = [region.pk for region in publication.regions.all()]
    if not topic_ids and not region_ids:
        return []
    depends_on(*(set_tag("topics", pk) for pk in topic_ids), *(set_tag("regions", pk) for pk in region_ids))
    tagged_topics = Publication.topics.through.objects.filter(topic_id__in=topic_ids)
    tagged_regions = Publication.regions.through.objects.filter(region_id__in=region_ids)
    overlap = Coalesce(count_per_publication(tagged_topics), 0) + Coalesce(count_per_publication(tagged_regions), 0)
    # The overlap is counted per row while the newest-first index is walked, stopping at the
    # RELATED_CANDIDATES-th match. (`EXISTS … OR EXISTS …` let PostgreSQL hash every piece of
    # the shared topics first: 17 ms for a piece in three big topics on the 100k corpus, 3 now.)
    sharing = other_work(publication.translation_of_id or publication.pk).alias(overlap=overlap).filter(overlap__gt=0)
    candidates = one_card_per_work(sharing, language=language).newest_first().values("pk")[:RELATED_CANDIDATES]
    return list(
        Publication.objects.filter(among_few(candidates))
        .for_card_rows()
        .annotate(overlap=overlap)
        .order_by("-overlap", F("publication_date").desc(nulls_last=True), "-pk")[:RAIL_LENGTH]
    )


def disclaimer_for(publication: Publication) -> str:
    """Return the disclaimer HTML that applies: the piece's override, else the narrowest scope. 0–1 query."""
    if publication.disclaimer_override:
        return publication.disclaimer_override
    depends_on(model_tag(Disclaimer))  # a new, narrower disclaimer changes the answer
    candidates = Disclaimer.objects.applicable_to(
        center_id=publication.primary_center_id, publication_type_id=publication.publication_type_id
    )
    disclaimer = most_specific_disclaimer(candidates)
    return disclaimer.text if disclaimer else ""
