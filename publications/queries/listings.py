"""The publications listing (filters and their choices) and the home page.

Every function declares the sets it lists (`depends_on`) for the page cache; declaring runs no query.
"""

from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import Center, Program, Project, Region, Topic, descendant_region_ids
from publications.models import NEWEST_FIRST, Publication, PublicationType, prefetch_bylines
from publications.queries.conditions import (
    attach_other_editions,
    card_page,
    center_condition,
    one_card_per_work,
    reader_language,
    tag_condition,
    with_work_flag,
    work_card_condition,
)
from publications.queries.taxonomy import RegionNode, region_tree, walk_region_tree

FEATURED_ON_HOME = 4
LATEST_ON_HOME = 10
LATEST_PER_CENTER_ON_HOME = 3


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
    named = ("pk", "name", "slug", "translations")  # translations: names in the page's language, no query
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


def publication_listing(
    *, filters: ListingFilters | None, page: str | None, language: str | None = None
) -> PublicationListing:
    """Return one page of public work matching every filter, newest first, one card per work.

    Each work shows once, in `language` (the reader's; by default the active language) when it
    has a public edition in it (`conditions.one_card_per_work`), with its other public editions
    on the card. The region filter includes the region's sub-regions; the center filter matches
    the primary center and tagged centers. `filters=None` matches nothing. Raises Http404 for a
    page that does not exist. Budget: 3 queries (count, page, bylines), plus 1 for the other
    editions when a card has any, plus 1 for the region tree when filtering by region; none
    when `filters` is None.
    """
    depends_on(model_tag(Publication), model_tag(Region))
    if filters is None:
        publications = Publication.objects.none()
    else:
        publications = Publication.objects.published().filter(*listing_conditions(filters))
    return PublicationListing(
        page=card_page(publications.newest_first(), page=page, language=language), filters=filters
    )


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
class CenterSection:
    center: Center
    publications: list[Publication]  # newest first, shaped like cards


@dataclass(frozen=True)
class HomePage:
    featured: list[Publication]  # newest featured pieces
    latest: list[Publication]  # newest pieces
    centers: list[CenterSection]  # in Center.order; centers without public work are left out


def home_page(*, language: str | None = None) -> HomePage:
    """Return the home page: featured work, latest work and the latest from each center.

    Public pieces only, one card per work in each section: the work's edition in `language` (the
    reader's; by default the active language) when it has a public one, else its original
    (`conditions.one_card_per_work`), with the other public editions on the card. A work is
    featured when its original or the piece itself is. 4 queries whatever the number of centers:
    featured, latest, the newest pieces per primary center (a window function), bylines; 1 more
    for the other editions when a card has any.
    """
    language = reader_language(language)
    depends_on(model_tag(Publication))
    published = Publication.objects.published()
    featured_work = published.filter(
        Q(is_featured=True)
        | Q(Exists(Publication.objects.published().filter(pk=OuterRef("translation_of_id"), is_featured=True)))
    )
    featured = list(
        with_work_flag(one_card_per_work(featured_work, language=language))
        .for_card_rows()
        .newest_first()[:FEATURED_ON_HOME]
    )
    latest = list(
        with_work_flag(one_card_per_work(published, language=language)).for_card_rows().newest_first()[:LATEST_ON_HOME]
    )
    per_center = list(
        with_work_flag(published.filter(pk__in=newest_per_center(LATEST_PER_CENTER_ON_HOME, language=language)))
        .for_card_rows()
        .order_by("primary_center_id", *NEWEST_FIRST)
    )
    prefetch_bylines(featured + latest + per_center)
    attach_other_editions(featured + latest + per_center)
    sections: dict[int, CenterSection] = {}
    for publication in per_center:
        center = publication.primary_center
        sections.setdefault(center.pk, CenterSection(center=center, publications=[])).publications.append(publication)
    ordered = sorted(
        sections.values(), key=lambda section: (section.center.order, section.center.name, section.center.pk)
    )
    return HomePage(featured=featured, latest=latest, centers=ordered)


def newest_per_center(count: int, *, language: str):
    """A subquery of the ids of each primary center's `count` newest public works, one card each. No query.

    A work's card is chosen for `language` (an edition and its original share a primary center
    when the edition is made).

    PostgreSQL reads each center's few newest rows from the center index (pub_live_center_idx);
    elsewhere (SQLite in development) a window function numbers every public piece.
    """
    # Among every public piece, not each center's: an edition files under its original's center.
    one_card = work_card_condition(language=language, among=Publication.objects.published())
    if connection.vendor == "postgresql":
        newest = Publication.objects.published().filter(one_card, primary_center_id=OuterRef("pk")).newest_first()
        return Center.objects.annotate(
            piece=Func(ArraySubquery(newest.values("pk")[:count]), function="unnest")
        ).values("piece")
    return (
        Publication.objects.published()
        .filter(one_card, primary_center__isnull=False)
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
