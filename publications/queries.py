"""Read functions for public pages: each returns ready-to-render data in a fixed number of queries.

Each also declares (`depends_on`) the sets of pieces and the lists it shows, so that the page
cache purges the page when one of them changes (cms/pagecache.py); declaring runs no query.
"""

import datetime
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from urllib.parse import urlencode

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.utils import timezone

from cms.models import (
    REGION_MAX_DEPTH,
    Center,
    Collection,
    Disclaimer,
    Image,
    Newsletter,
    Program,
    Project,
    PublicationType,
    Region,
    Topic,
    descendant_region_ids,
    most_specific_disclaimer,
)
from cms.pagecache import depends_on, model_tag, row_tag, set_tag
from cms.pagination import paginate
from cms.rendering import RenderedBody, inline_image_ids, render_body
from people.models import Affiliation, Person, PersonLink
from people.queries import TitleLine, public_person, safe_links, title_lines_of
from publications import search as full_text
from publications.legacy import LegacyAuthor, LegacyPage, html_to_paragraphs
from publications.models import (
    NEWEST_FIRST,
    Authorship,
    CollectionItem,
    Publication,
    Status,
    byline_prefetch,
    prefetch_bylines,
)
from publications.scope import on_desks

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

    @property
    def authors(self) -> list[Person]:
        return [contributor.person for contributor in self.contributors]


def publication_page(*, slug: str) -> PublicationPage:
    """Return everything the publication page shows, for a piece visible to anonymous readers.

    Raises Http404 when no public piece has this slug. Budget: 11 queries, whatever the number
    of authors, topics or regions (pinned in tests/publications/test_publication_page.py).
    """
    return _page_for(Publication.objects.published().filter(slug=slug))


def preview_page(*, pk: int) -> PublicationPage:
    """Return the publication page of any piece, whatever its status, for staff and share links.

    The caller decides who may see it. Rails and recent work still list public pieces only.
    Raises Http404 for an unknown id. Budget: as `publication_page`.
    """
    return _page_for(Publication.objects.filter(pk=pk))


def _page_for(candidates) -> PublicationPage:
    publication = (
        candidates
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
        person_ids=[row.person_id for row in publication.byline], excluding=publication.pk
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
    center_rail = center_rail_for(publication)
    related = related_to(publication)
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
    )


def recent_work_by_person(*, person_ids: list[int], excluding: int) -> dict[int, list[Publication]]:
    """Return each person's newest public pieces (other than `excluding`), by person id. 1 query."""
    if not person_ids:
        return {}
    depends_on(*(set_tag("contributors", pk) for pk in person_ids))
    # One newest-first subquery per person, each stopping at RECENT_WORK_PER_AUTHOR: for a
    # prolific author PostgreSQL walks the newest-first index and stops after a few rows, for
    # an occasional one it reads their few bylines. Numbering every byline of every author
    # (a window over thousands of rows) cost 55 ms on the 100k corpus; this costs under 5.
    def newest_of(person_id):
        return (
            Publication.objects.published()
            .exclude(pk=excluding)
            .filter(Exists(Authorship.objects.filter(person_id=person_id, publication_id=OuterRef("pk"))))
            .newest_first()
            .values("pk")[:RECENT_WORK_PER_AUTHOR]
        )

    wanted = reduce(
        operator.or_,
        (Q(person_id=pk) & among_few(newest_of(pk), field="publication_id") for pk in dict.fromkeys(person_ids)),
    )
    rows = (
        Authorship.objects.filter(wanted)
        .select_related("publication", "publication__publication_type")
        .defer("publication__body")
        .order_by(
            "person_id", F("publication__publication_date").desc(nulls_last=True),
            "-publication__created_at", "-publication_id",
        )
    )
    recent: dict[int, list[Publication]] = {}
    for row in rows:
        recent.setdefault(row.person_id, []).append(row.publication)
    return recent


def among_few(subquery, *, field: str = "pk") -> Q:
    """A condition: the row's `field` is one of the few values that `subquery` returns.

    PostgreSQL cannot tell that a numbered-and-filtered subquery returns a handful of rows and
    would hash a whole table for `IN`; `= ANY(ARRAY(…))` runs it first and then looks the rows up.
    """
    if connection.vendor == "postgresql":
        return Q(Func(F(field), ArraySubquery(subquery), template="%(expressions)s)", arg_joiner=" = ANY(",
                      output_field=BooleanField()))
    return Q(**{f"{field}__in": subquery})


def center_rail_for(publication: Publication) -> list[Publication]:
    """Return the newest other public pieces of the same primary center (no bylines). 1 query."""
    if not publication.primary_center_id:
        return []
    depends_on(set_tag("centers", publication.primary_center_id))
    return list(
        Publication.objects.published()
        .filter(primary_center_id=publication.primary_center_id)
        .exclude(pk=publication.pk)
        .for_card_rows()
        .newest_first()[:RAIL_LENGTH]
    )


def related_to(publication: Publication) -> list[Publication]:
    """Return public pieces sharing most topics and regions with `publication`, then newest.

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
    candidates = (
        Publication.objects.published()
        .exclude(pk=publication.pk)
        .alias(overlap=overlap)
        .filter(overlap__gt=0)
        .newest_first()
        .values("pk")[:RELATED_CANDIDATES]
    )
    return list(
        Publication.objects.filter(among_few(candidates))
        .for_card_rows()
        .annotate(overlap=overlap)
        .order_by("-overlap", F("publication_date").desc(nulls_last=True), "-pk")[:RAIL_LENGTH]
    )


def count_per_publication(through_rows):
    """A subquery counting `through_rows` that belong to the outer publication."""
    return Subquery(
        through_rows.filter(publication_id=OuterRef("pk"))
        .values("publication_id")
        .annotate(matches=Count("pk"))
        .values("matches"),
        output_field=IntegerField(),
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


# Listings, taxonomy pages and the home page ------------------------------------------------

LISTING_PAGE_SIZE = 20
FEATURED_ON_HOME = 4
LATEST_ON_HOME = 10
LATEST_PER_CENTER_ON_HOME = 3
CONTRIBUTORS_SHOWN = 12
SLUG_PATTERN = re.compile(r"[-\w]+")  # what SlugField(allow_unicode=True) accepts


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


@dataclass(frozen=True)
class RegionNode:
    """A region and its sub-regions, for the region tree and indented option lists."""

    region: Region
    depth: int
    children: list["RegionNode"]


def region_tree(regions) -> list[RegionNode]:
    """Arrange loaded regions (in display order) as a forest of RegionNode. No query.

    A region whose parent is not among `regions` becomes a root; a cycle (which Region.clean
    forbids) cannot loop forever. Regions below REGION_MAX_DEPTH (data from before the cap) hang
    flattened under their ancestor at the last level, so no page nests deeper than the cap. Built
    without recursion: a chain of a thousand regions must not exhaust the stack.
    """
    regions = list(regions)
    known = {region.pk for region in regions}
    children: dict[int | None, list[Region]] = {}
    for region in regions:
        parent_id = region.parent_id if region.parent_id in known else None
        children.setdefault(parent_id, []).append(region)
    roots: list[RegionNode] = []
    seen: set[int] = set()
    # (region whose sub-regions to place, the list they go into, their depth)
    stack: list[tuple[Region | None, list[RegionNode], int]] = [(None, roots, 0)]
    while stack:
        parent, container, depth = stack.pop()
        placed = []
        for child in children.get(parent.pk if parent else None, []):
            if child.pk in seen:
                continue
            seen.add(child.pk)
            node = RegionNode(region=child, depth=depth, children=[])
            container.append(node)
            if depth + 1 < REGION_MAX_DEPTH:
                placed.append((child, node.children, depth + 1))
            else:
                placed.append((child, container, depth))
        stack.extend(reversed(placed))
    return roots


def walk_region_tree(nodes: list[RegionNode]) -> list[RegionNode]:
    """Return the nodes of a region forest depth first (parents before their sub-regions). No query."""
    flat: list[RegionNode] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        flat.append(node)
        stack.extend(reversed(node.children))
    return flat


@dataclass(frozen=True)
class FilterOptions:
    """Every choice the publications filter bar offers."""

    types: list[PublicationType]
    centers: list[Center]  # Center.order
    topics: list[Topic]
    regions: list[RegionNode]  # depth first, for an indented list
    programs: list[Program]
    projects: list[Project]
    years: list[int]  # newest first; only years that have public work


def publication_filter_options() -> FilterOptions:
    """Return the filter bar's choices, names and slugs only. 7 queries, one per list."""
    named = ("pk", "name", "slug")
    depends_on(*(model_tag(model) for model in (Publication, PublicationType, Center, Topic, Region, Program, Project)))
    return FilterOptions(
        types=list(PublicationType.objects.only("pk", "label", "plural_label", "slug", "order")),
        centers=list(Center.objects.only(*named, "order")),
        topics=list(Topic.objects.only(*named)),
        regions=walk_region_tree(region_tree(Region.objects.only(*named, "parent"))),
        programs=list(Program.objects.only(*named)),
        projects=list(Project.objects.only(*named)),
        years=published_years(),
    )


@dataclass(frozen=True)
class ListingFilters:
    """What a reader narrowed the publications listing to; every filter given must match."""

    publication_type: PublicationType | None = None
    center: Center | None = None
    topic: Topic | None = None
    region: Region | None = None
    program: Program | None = None
    project: Project | None = None
    year: int | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in vars(self).values())


@dataclass(frozen=True)
class PublicationListing:
    page: Page  # public pieces shaped by for_cards(), newest first
    filters: ListingFilters | None  # None: the reader's filters did not validate, nothing matches

    @property
    def count(self) -> int:
        return self.page.paginator.count


def publication_listing(*, filters: ListingFilters | None, page: str | None) -> PublicationListing:
    """Return one page of public pieces matching every filter, newest first, shaped for cards.

    The region filter includes the region's sub-regions; the center filter matches the primary
    center and tagged centers. `filters=None` matches nothing. Raises Http404 for a page that
    does not exist. Budget: 3 queries (count, page, bylines), plus 1 for the region tree when
    filtering by region; none when `filters` is None.
    """
    depends_on(model_tag(Publication), model_tag(Region))
    if filters is None:
        publications = Publication.objects.none()
    else:
        publications = Publication.objects.published().filter(*listing_conditions(filters))
    return PublicationListing(page=card_page(publications.newest_first(), page=page), filters=filters)


def card_page(publications: QuerySet, *, page: str | None) -> Page:
    """Return the requested page of an ordered publications queryset, loaded and shaped for cards.

    Raises Http404 for a page that does not exist. 3 queries: count, rows, bylines.
    """
    result = paginate(publications.for_cards(), page=page, per_page=LISTING_PAGE_SIZE)
    result.object_list = list(result.object_list)
    return result


@dataclass(frozen=True)
class CenterSection:
    center: Center
    publications: list[Publication]  # newest first, shaped like cards


@dataclass(frozen=True)
class HomePage:
    featured: list[Publication]  # newest featured pieces
    latest: list[Publication]  # newest pieces
    centers: list[CenterSection]  # in Center.order; centers without public work are left out


def home_page() -> HomePage:
    """Return the home page: featured work, latest work and the latest from each center.

    Public pieces only, shaped for cards. 4 queries whatever the number of centers: featured,
    latest, the newest pieces per primary center (a window function), bylines.
    """
    depends_on(model_tag(Publication))
    featured = list(
        Publication.objects.published().filter(is_featured=True).for_card_rows().newest_first()[:FEATURED_ON_HOME]
    )
    latest = list(Publication.objects.published().for_card_rows().newest_first()[:LATEST_ON_HOME])
    per_center = list(
        Publication.objects.published()
        .filter(pk__in=newest_per_center(LATEST_PER_CENTER_ON_HOME))
        .for_card_rows()
        .order_by("primary_center_id", *NEWEST_FIRST)
    )
    prefetch_bylines(featured + latest + per_center)
    sections: dict[int, CenterSection] = {}
    for publication in per_center:
        center = publication.primary_center
        sections.setdefault(center.pk, CenterSection(center=center, publications=[])).publications.append(publication)
    ordered = sorted(sections.values(), key=lambda section: (section.center.order, section.center.name, section.center.pk))
    return HomePage(featured=featured, latest=latest, centers=ordered)


def newest_per_center(count: int):
    """A subquery of the ids of each primary center's `count` newest public pieces. No query.

    PostgreSQL reads each center's few newest rows from the center index (pub_live_center_idx);
    elsewhere (SQLite in development) a window function numbers every public piece.
    """
    if connection.vendor == "postgresql":
        newest = Publication.objects.published().filter(primary_center_id=OuterRef("pk")).newest_first()
        return Center.objects.annotate(
            piece=Func(ArraySubquery(newest.values("pk")[:count]), function="unnest")
        ).values("piece")
    return (
        Publication.objects.published()
        .filter(primary_center__isnull=False)
        .annotate(rank=Window(RowNumber(), partition_by=F("primary_center_id"), order_by=list(NEWEST_FIRST)))
        .filter(rank__lte=count)
        .values("pk")
    )


def published_years() -> list[int]:
    """Return the years that have public pieces, newest first. 1 query.

    On PostgreSQL a recursive query jumps from year to year down the date index (17 probes for
    17 years) instead of reading every public piece.
    """
    if connection.vendor != "postgresql":
        return [day.year for day in Publication.objects.published().dates("publication_date", "year", order="DESC")]
    visible = Publication.objects.published().filter(publication_date__isnull=False).order_by()
    compiler = visible.query.get_compiler(connection=connection)
    where, params = compiler.compile(visible.query.where)
    table = connection.ops.quote_name(Publication._meta.db_table)
    sql = f"""
        WITH RECURSIVE years(day) AS (
            SELECT MAX(publication_date) FROM {table} WHERE {where}
            UNION ALL
            SELECT (
                SELECT MAX(publication_date) FROM {table} WHERE {where}
                AND publication_date < make_date(CAST(EXTRACT(YEAR FROM years.day) AS integer), 1, 1)
            ) FROM years WHERE years.day IS NOT NULL
        )
        SELECT CAST(EXTRACT(YEAR FROM day) AS integer) FROM years WHERE day IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        return [year for (year,) in cursor.fetchall()]


def center_listing() -> list[Center]:
    """Return every center in Center.order, for the centers index. 1 query."""
    depends_on(model_tag(Center))
    return list(Center.objects.all())


def topic_listing() -> list[Topic]:
    """Return every topic A–Z, names and slugs only, for the topics index. 1 query."""
    depends_on(model_tag(Topic))
    return list(Topic.objects.only("pk", "name", "slug"))


def region_listing() -> list[RegionNode]:
    """Return the region tree (roots A–Z, each with its sub-regions), for the regions index. 1 query."""
    depends_on(model_tag(Region))
    return region_tree(Region.objects.only("pk", "name", "slug", "parent"))


@dataclass(frozen=True)
class Expert:
    """A person shown on a taxonomy page, with the title line that fits the page."""

    person: Person  # public, headshot and affiliations loaded
    title_line: str


@dataclass(frozen=True)
class TaxonomyPage:
    """A center, topic, region, program, project, collection or newsletter and its public work."""

    item: Center | Topic | Region | Program | Project | Collection | Newsletter
    experts: list[Expert]
    work: Page  # public pieces shaped for cards: newest first, or curated order for a collection
    parent: Region | None = None  # regions only
    children: list[Region] = field(default_factory=list)  # regions only: direct sub-regions, A–Z


def people_for_cards() -> QuerySet:
    """Public people shaped for person cards: headshot and affiliations in order. 2 queries when run."""
    depends_on(model_tag(Person))  # who is listed changes with any person's expertise or titles
    return Person.objects.public().select_related("headshot").prefetch_related("affiliations")


def contributors_to(work: QuerySet) -> list[Expert]:
    """Return the public people with the most pieces in `work` (public pieces), most first. 2 queries."""
    # Count the bylines of the work first and keep the top few people; then only their
    # bylines are counted again for the cards. Counting every public person's bylines against
    # the work took 180 ms for a program of the 100k corpus; this takes a tenth of that.
    public_people = people_for_cards()
    top = (
        Authorship.objects.filter(publication__in=work.values("pk"), person__in=public_people.values("pk"))
        .values("person_id")
        .annotate(pieces=Count("pk"))
        .order_by("-pieces", "person__sort_name", "person__name", "person_id")
        .values("person_id")[:CONTRIBUTORS_SHOWN]
    )
    people = (
        public_people.filter(among_few(top))
        .annotate(pieces=Count("authorships", filter=Q(authorships__publication__in=work.values("pk"))))
        .order_by("-pieces", "sort_name", "name", "pk")
    )
    return [Expert(person=person, title_line=person.title_line) for person in people]


def experts_in(people: QuerySet) -> list[Expert]:
    """Return current people from a people_for_cards() queryset, A–Z, with their main title. 2 queries."""
    return [Expert(person=person, title_line=person.title_line) for person in people.filter(is_current=True)]


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


def center_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a center, its current affiliated public people and a page of its public work.

    People show the title they hold at this center when they have one. Work is the pieces
    whose primary center it is or that are tagged with it, newest first. Raises Http404 for an
    unknown slug or page. Budget: 6 queries.
    """
    center = taxonomy_item_or_404(Center.objects.all(), slug)
    work = card_page(center_work(center.pk).newest_first(), page=page)
    affiliated = people_for_cards().filter(
        is_current=True, pk__in=Affiliation.objects.filter(center_id=center.pk).values("person_id")
    )
    experts = [
        Expert(
            person=person,
            title_line=next(
                (row.title_line for row in person.affiliations.all() if row.center_id == center.pk), person.title_line
            ),
        )
        for person in affiliated
    ]
    return TaxonomyPage(item=center, experts=experts, work=work)


def topic_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a topic, the current public people expert in it and a page of its public work, newest first.

    Raises Http404 for an unknown slug or page. Budget: 6 queries.
    """
    topic = taxonomy_item_or_404(Topic.objects.all(), slug)
    work = card_page(tagged_work("topics", [topic.pk]).newest_first(), page=page)
    return TaxonomyPage(item=topic, experts=experts_in(people_for_cards().filter(topics=topic)), work=work)


def region_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a region with its parent and sub-regions, its experts and a page of its public work.

    Work and experts include every sub-region at any depth; work is newest first. Raises
    Http404 for an unknown slug or page. Budget: 8 queries.
    """
    region = taxonomy_item_or_404(Region.objects.select_related("parent"), slug)
    depends_on(model_tag(Region))  # moving a region in the tree changes what falls under this one
    region_ids = descendant_region_ids([region.pk])
    work = card_page(region_work(region_ids).newest_first(), page=page)
    regional_people = Person.regions.through.objects.filter(region_id__in=region_ids).values("person_id")
    return TaxonomyPage(
        item=region,
        experts=experts_in(people_for_cards().filter(pk__in=regional_people)),
        work=work,
        parent=region.parent,
        children=list(region.children.only("pk", "name", "slug", "parent")),
    )


def tagged_taxonomy_page(queryset: QuerySet, *, relation: str, slug: str, page: str | None) -> TaxonomyPage:
    """Return a program, project or newsletter, its main contributors and a page of its public work.

    `relation` is the Publication many-to-many that tags pieces with it. Raises Http404 for an
    unknown slug or page. Budget: 6 queries.
    """
    item = taxonomy_item_or_404(queryset, slug)
    work = tagged_work(relation, [item.pk])
    return TaxonomyPage(item=item, experts=contributors_to(work), work=card_page(work.newest_first(), page=page))


def program_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a program page (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(Program.objects.all(), relation="programs", slug=slug, page=page)


def project_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a project page with its program loaded (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(Project.objects.select_related("program"), relation="projects", slug=slug, page=page)


def newsletter_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a newsletter page (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(Newsletter.objects.all(), relation="newsletters", slug=slug, page=page)


def collection_page(*, slug: str, page: str | None) -> TaxonomyPage:
    """Return a collection, its main contributors and a page of its public pieces in curated order.

    Curated order is CollectionItem.position (then the order items were added). Raises Http404
    for an unknown slug or page. Budget: 6 queries.
    """
    collection = taxonomy_item_or_404(Collection.objects.all(), slug)
    depends_on(set_tag("collections", collection.pk))
    work = (
        Publication.objects.published()
        .filter(collection_items__collection_id=collection.pk)
        .annotate(curated_position=F("collection_items__position"), curated_item=F("collection_items__pk"))
        .order_by("curated_position", "curated_item")
    )
    return TaxonomyPage(item=collection, experts=contributors_to(work), work=card_page(work, page=page))


EXPERT_PUBLICATIONS_PER_PAGE = 20


@dataclass(frozen=True)
class TypeCount:
    """A content type an expert has public pieces in, and how many."""

    pk: int
    slug: str
    label: str
    plural_label: str
    count: int


@dataclass(frozen=True)
class ExpertProfile:
    person: Person  # headshot, affiliations with centers, topics, regions and links loaded
    title_lines: list[TitleLine]  # affiliations in order
    links: list[PersonLink]  # plain web addresses only
    publications: Page  # public pieces, newest first, shaped by for_cards()
    types: list[TypeCount]  # only types with public pieces, in the editors' order
    selected_type: TypeCount | None

    @property
    def publication_count(self) -> int:
        return sum(type_count.count for type_count in self.types)

    @property
    def canonical_path(self) -> str:
        """The profile's address with only the parameters that change what it shows."""
        params = {}
        if self.selected_type:
            params["type"] = self.selected_type.slug
        if self.publications.number > 1:
            params["page"] = self.publications.number
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.person.get_absolute_url()}{query}"


def expert_profile(*, slug: str, page: str | None = None, type_slug: str | None = None) -> ExpertProfile:
    """Return everything an expert's public page shows: profile, titles, links and public work.

    Publications are the person's public pieces (any role), newest first, 20 a page,
    optionally of one content type. Raises Http404 when nobody with a public profile has this
    slug, when they have no public piece of `type_slug`, or for a page that does not exist.
    Budget: 8 queries, whatever the number of titles, tags, links or publications (pinned in
    tests/people/test_expert_page.py); 6 for someone with no public pieces.
    """
    person = public_person(slug=slug)
    depends_on(set_tag("contributors", person.pk), model_tag(PublicationType))
    authored = Publication.objects.published().filter(
        pk__in=Authorship.objects.filter(person=person).values("publication_id")
    )
    # Counted from the person's bylines, joined to their pieces one by one: starting from the
    # publications would scan all of them for a prolific expert (46 ms on the 100k corpus).
    public_bylines = Authorship.objects.filter(person=person).filter(
        Exists(Publication.objects.published().filter(pk=OuterRef("publication_id")))
    )
    types = [
        TypeCount(
            pk=row["publication__publication_type"],
            slug=row["publication__publication_type__slug"],
            label=row["publication__publication_type__label"],
            plural_label=row["publication__publication_type__plural_label"],
            count=row["count"],
        )
        for row in public_bylines.values(
            "publication__publication_type",
            "publication__publication_type__slug",
            "publication__publication_type__label",
            "publication__publication_type__plural_label",
        )
        .annotate(count=Count("pk"))
        .order_by("publication__publication_type__order", "publication__publication_type__label")
    ]
    selected_type = None
    if type_slug:
        selected_type = next((type_count for type_count in types if type_count.slug == type_slug), None)
        if selected_type is None:
            raise Http404("No public pieces of this type")
        authored = authored.filter(publication_type_id=selected_type.pk)
    if not types:
        authored = authored.none()
    # The counts above already say how many pieces there are: no count query for the pages.
    total = selected_type.count if selected_type else sum(type_count.count for type_count in types)
    publications = paginate(
        authored.for_cards().newest_first(), page=page, per_page=EXPERT_PUBLICATIONS_PER_PAGE, count=total
    )
    publications.object_list = list(publications.object_list)
    return ExpertProfile(
        person=person,
        title_lines=title_lines_of(person),
        links=safe_links(person),
        publications=publications,
        types=types,
        selected_type=selected_type,
    )


# Search --------------------------------------------------------------------------------------

SEARCH_PAGE_SIZE = 20


def listing_conditions(filters: ListingFilters) -> list[Q]:
    """Return the conditions on publications that `filters` ask for (listings and search share them).

    The region filter includes sub-regions (1 query for the region tree); nothing else queries.
    """
    conditions = []
    if filters.publication_type is not None:
        conditions.append(Q(publication_type_id=filters.publication_type.pk))
    if filters.center is not None:
        conditions.append(center_condition(filters.center.pk))
    if filters.topic is not None:
        conditions.append(tag_condition("topics", [filters.topic.pk]))
    if filters.region is not None:
        conditions.append(tag_condition("regions", descendant_region_ids([filters.region.pk])))
    if filters.program is not None:
        conditions.append(tag_condition("programs", [filters.program.pk]))
    if filters.project is not None:
        conditions.append(tag_condition("projects", [filters.project.pk]))
    if filters.year is not None:
        conditions.append(Q(publication_date__year=filters.year))
    return conditions


@dataclass(frozen=True)
class SearchResults:
    query: str  # as searched: control characters removed, at most MAX_QUERY_LENGTH characters
    shortened: bool  # the reader's query was longer and only its start was searched
    publications: Page | None  # None without a query; rows shaped for cards, each with .snippet
    experts: list[Expert]  # first page only: at most EXPERTS_SHOWN public people, name matches first

    @property
    def count(self) -> int:
        return self.publications.paginator.count if self.publications else 0

    @property
    def more_than_counted(self) -> bool:
        """PostgreSQL ranks at most MAX_RANKED matches; there may be more."""
        return full_text.uses_full_text_search() and self.count >= full_text.MAX_RANKED


def search_results(*, q: str | None, filters: ListingFilters | None, page: str | None) -> SearchResults:
    """Return the public pieces and public people matching a search-box query.

    Pieces: published only, narrowed by the listing's filters (`None`: filters that did not
    validate, so no piece matches), best match first, then newest; 20 a page, each with a
    highlighted `snippet`. People: public profiles whose name or short bio has every word,
    shown on the first page only. An empty query returns no results. Raises Http404 for a page
    that does not exist. Budget: no query without a query; otherwise 5 (count, page, bylines,
    people, their affiliations), 3 after the first page, plus 1 when filtering by region.
    """
    query, shortened = full_text.normalize_query(q)
    depends_on(model_tag(Publication), model_tag(Region))
    if not query:
        return SearchResults(query="", shortened=shortened, publications=None, experts=[])
    if filters is None:
        publications = Publication.objects.none()
    else:
        publications = full_text.matching_publications(
            Publication.objects.published().filter(*listing_conditions(filters)), query
        )
    results = paginate(publications.for_cards(), page=page, per_page=SEARCH_PAGE_SIZE)
    results.object_list = list(results.object_list)
    full_text.attach_snippets(results.object_list, query)
    experts = []
    if results.number == 1:
        people = full_text.matching_people(people_for_cards(), query)[: full_text.EXPERTS_SHOWN]
        experts = [Expert(person=person, title_line=person.title_line) for person in people]
    return SearchResults(query=query, shortened=shortened, publications=results, experts=experts)


# Feeds ---------------------------------------------------------------------------------------

FEED_LENGTH = 30


def feed_items(publications: QuerySet) -> list[Publication]:
    """Return the newest FEED_LENGTH of `publications` (a published() queryset) for a feed.

    Loaded: type, bylines in order (`publication.byline`) and topics; no body. Undated pieces
    come last. 3 queries: rows, bylines, topics.
    """
    return list(
        publications.newest_first()
        .for_card_rows()
        .prefetch_related(byline_prefetch(), Prefetch("topics", queryset=Topic.objects.only("pk", "name", "slug")))[
            :FEED_LENGTH
        ]
    )


def expert_work(person_id: int) -> QuerySet:
    """Public pieces with this person anywhere in the byline, any role. No query."""
    depends_on(set_tag("contributors", person_id))
    return Publication.objects.published().filter(
        pk__in=Authorship.objects.filter(person_id=person_id).values("publication_id")
    )


def public_person_or_404(slug: str) -> Person:
    """Return the person with a public profile at `slug` (no related rows), or raise Http404. 1 query."""
    return taxonomy_item_or_404(Person.objects.public(), slug)


# Legacy export -------------------------------------------------------------------------------


def legacy_export_pages(*, batch_size: int = 200) -> Iterator[LegacyPage]:
    """Yield every public piece as a `LegacyPage` for `manage.py export_legacy`, oldest first.

    Pieces are read by primary key in batches, so memory stays flat however many there are.
    Operators only (a management command). Budget: 1 query for the disclaimers; per batch 10
    (pieces, bylines, centers, regions, topics, programs, projects, newsletters, collections,
    the authors' recent work); and 2 per center the first time its "More Work" rail is needed.
    """
    disclaimers = list(Disclaimer.objects.all())
    rails: dict[int, list[Publication]] = {}
    last_pk = 0
    while True:
        batch = list(
            Publication.objects.published()
            .filter(pk__gt=last_pk)
            .order_by("pk")
            .select_related("publication_type", "primary_center", "lead_image")
            .prefetch_related(
                byline_prefetch(),
                "centers",
                "regions",
                "topics",
                "programs",
                "projects",
                "newsletters",
                Prefetch("collection_items", queryset=CollectionItem.objects.select_related("collection").order_by("pk")),
            )[:batch_size]
        )
        if not batch:
            return
        last_pk = batch[-1].pk
        recent = _newest_work_of({row.person_id for publication in batch for row in publication.byline})
        for publication in batch:
            if publication.primary_center_id and publication.primary_center_id not in rails:
                rails[publication.primary_center_id] = list(
                    Publication.objects.published()
                    .filter(primary_center_id=publication.primary_center_id)
                    .for_cards()
                    .newest_first()[: RAIL_LENGTH + 1]
                )
            yield _legacy_page_of(publication, recent, rails.get(publication.primary_center_id, []), disclaimers)


def _newest_work_of(person_ids: set[int]) -> dict[int, list[Publication]]:
    """Each person's newest public pieces, one more than a page lists (the page itself may be among them)."""
    if not person_ids:
        return {}
    rows = (
        Authorship.objects.filter(person_id__in=person_ids, publication__in=Publication.objects.published().values("pk"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("person_id"),
                order_by=[F("publication__publication_date").desc(nulls_last=True), F("publication_id").desc()],
            )
        )
        .filter(rank__lte=RECENT_WORK_PER_AUTHOR + 1)
        .select_related("publication", "publication__publication_type")
        .defer("publication__body")
        .order_by("person_id", "rank")
    )
    newest: dict[int, list[Publication]] = {}
    for row in rows:
        newest.setdefault(row.person_id, []).append(row.publication)
    return newest


def _legacy_page_of(publication, recent, rail, disclaimers) -> LegacyPage:
    def listed(piece):
        return f"{piece.title}{piece.publication_type.label}"

    if publication.disclaimer_override:
        disclaimer = publication.disclaimer_override
    else:
        applicable = [
            d
            for d in disclaimers
            if d.center_id in (None, publication.primary_center_id)
            and d.publication_type_id in (None, publication.publication_type_id)
        ]
        chosen = most_specific_disclaimer(applicable)
        disclaimer = chosen.text if chosen else ""
    rail_lines = []
    for piece in [piece for piece in rail if piece.pk != publication.pk][:RAIL_LENGTH]:
        rail_lines += [f"- {listed(piece)}", piece.dek, ", ".join(row.person.name for row in piece.byline)]
    newsletters = list(publication.newsletters.all())
    return LegacyPage(
        legacy_id=publication.legacy_id or f"cms-{publication.pk}",
        id_in_metadata=True,
        title=publication.title,
        type_key=publication.publication_type.legacy_key or publication.publication_type.label,
        authors=[
            LegacyAuthor(
                name=row.person.name,
                title_line=row.title_line,
                bio=" ".join(html_to_paragraphs(row.person.bio)),
                recent_work=[
                    listed(piece) for piece in recent.get(row.person_id, []) if piece.pk != publication.pk
                ][:RECENT_WORK_PER_AUTHOR],
            )
            for row in publication.byline
        ],
        dek=publication.dek,
        image_credit=publication.image_credit,
        source=publication.source_name,
        paragraphs=html_to_paragraphs(publication.body),
        date=publication.publication_date,
        # Written always, so that a page exported from the CMS keeps its language on its way back.
        language=publication.language,
        centers=[center.name for center in publication.centers.all()],
        primary_center=publication.primary_center.name if publication.primary_center else "",
        collections=[item.collection.name for item in publication.collection_items.all()],
        regions=[region.name for region in publication.regions.all()],
        topics=[topic.name for topic in publication.topics.all()],
        programs=[program.name for program in publication.programs.all()],
        projects=[project.name for project in publication.projects.all()],
        newsletters=[n.name for n in newsletters if n.language == "en"],
        other_newsletters=[n.name for n in newsletters if n.language != "en"],
        disclaimer=" ".join(html_to_paragraphs(disclaimer)),
        rail_center=publication.primary_center.name if publication.primary_center else "",
        rail_lines=rail_lines,
    )


# Publishing calendar (admin) -------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledEvent:
    time: datetime.datetime  # local time
    kind: str  # "Goes live" or "Expires"
    publication: Publication


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date
    events: list[ScheduledEvent]
    is_today: bool


def publishing_calendar(
    *, weeks: int, center_slug: str = "", center_ids: frozenset[int] | None = None
) -> list[list[CalendarDay]]:
    """Return `weeks` calendar weeks (Monday first, from this week) of scheduled go-lives and expiries.

    For staff: pending changes of live pieces are included. Optionally one primary center only,
    and only the pieces of `center_ids` (a center's staff; None: every center). Budget: 2 queries.
    """
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=today.weekday())
    start = timezone.now()
    end = timezone.make_aware(datetime.datetime.combine(first_day + datetime.timedelta(weeks=weeks), datetime.time()))
    pieces = Publication.objects.filter(status=Status.PUBLISHED).select_related("primary_center", "publication_type")
    if center_slug:
        pieces = pieces.filter(primary_center__slug=center_slug)
    if center_ids is not None:
        pieces = pieces.filter(on_desks(center_ids))
    events = [
        ScheduledEvent(timezone.localtime(p.go_live_at), "Goes live", p)
        for p in pieces.filter(go_live_at__gt=start, go_live_at__lt=end).defer("body")
    ] + [
        ScheduledEvent(timezone.localtime(p.expire_at), "Expires", p)
        for p in pieces.filter(expire_at__gt=start, expire_at__lt=end).defer("body")
    ]
    by_day: dict[datetime.date, list[ScheduledEvent]] = {}
    for event in sorted(events, key=lambda e: (e.time, e.publication.pk)):
        by_day.setdefault(event.time.date(), []).append(event)
    return [
        [
            CalendarDay(date=day, events=by_day.get(day, []), is_today=day == today)
            for day in (first_day + datetime.timedelta(days=7 * week + offset) for offset in range(7))
        ]
        for week in range(weeks)
    ]
