"""Centers', topics', regions', programs', projects', collections' and newsletters' pages, their indexes and the region tree.

Each page is the term, its experts or main contributors, and a page of its public work, one card
per work in the reader's language (`conditions.card_page`; each budget below is one query more
when a card's work has other public editions, for their "Also in" links). Every function declares the sets it lists (`depends_on`) for the page cache; declaring runs no query.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db.models import F, QuerySet

from cms.pagecache.cache import depends_on, model_tag, set_tag
from cms.taxonomies.models import (
    REGION_MAX_DEPTH,
    Center,
    Collection,
    Newsletter,
    Program,
    Project,
    Region,
    Topic,
    descendant_region_ids,
)
from people.models import Affiliation, Person
from publications.models import Publication
from publications.queries.conditions import card_page, center_work, region_work, tagged_work, taxonomy_item_or_404
from publications.queries.experts import Expert, contributors_to, experts_in, people_for_cards


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


def center_listing() -> list[Center]:
    """Return every center in Center.order, for the centers index. 1 query."""
    depends_on(model_tag(Center))
    return list(Center.objects.all())


def topic_listing() -> list[Topic]:
    """Return every topic A–Z, names and slugs only, for the topics index. 1 query."""
    depends_on(model_tag(Topic))
    return list(Topic.objects.only("pk", "name", "slug", "translations"))


def region_listing() -> list[RegionNode]:
    """Return the region tree (roots A–Z, each with its sub-regions), for the regions index. 1 query."""
    depends_on(model_tag(Region))
    return region_tree(Region.objects.only("pk", "name", "slug", "parent", "translations"))


@dataclass(frozen=True)
class TaxonomyPage:
    """A center, topic, region, program, project, collection or newsletter and its public work."""

    item: Center | Topic | Region | Program | Project | Collection | Newsletter
    experts: list[Expert]
    work: Page  # public pieces shaped for cards: newest first, or curated order for a collection
    parent: Region | None = None  # regions only
    children: list[Region] = field(default_factory=list)  # regions only: direct sub-regions, A–Z


def center_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a center, its current affiliated public people and a page of its public work.

    People show the title they hold at this center when they have one. Work is the pieces
    whose primary center it is or that are tagged with it, newest first. Raises Http404 for an
    unknown slug or page. Budget: 6 queries.
    """
    center = taxonomy_item_or_404(Center.objects.all(), slug)
    work = card_page(center_work(center.pk).newest_first(), page=page, language=language)
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


def topic_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a topic, the current public people expert in it and a page of its public work, newest first.

    Raises Http404 for an unknown slug or page. Budget: 6 queries.
    """
    topic = taxonomy_item_or_404(Topic.objects.all(), slug)
    work = card_page(tagged_work("topics", [topic.pk]).newest_first(), page=page, language=language)
    return TaxonomyPage(item=topic, experts=experts_in(people_for_cards().filter(topics=topic)), work=work)


def region_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a region with its parent and sub-regions, its experts and a page of its public work.

    Work and experts include every sub-region at any depth; work is newest first. Raises
    Http404 for an unknown slug or page. Budget: 8 queries.
    """
    region = taxonomy_item_or_404(Region.objects.select_related("parent"), slug)
    depends_on(model_tag(Region))  # moving a region in the tree changes what falls under this one
    region_ids = descendant_region_ids([region.pk])
    work = card_page(region_work(region_ids).newest_first(), page=page, language=language)
    regional_people = Person.regions.through.objects.filter(region_id__in=region_ids).values("person_id")
    return TaxonomyPage(
        item=region,
        experts=experts_in(people_for_cards().filter(pk__in=regional_people)),
        work=work,
        parent=region.parent,
        children=list(region.children.only("pk", "name", "slug", "parent", "translations")),
    )


def tagged_taxonomy_page(
    queryset: QuerySet, *, relation: str, slug: str, page: str | None, language: str | None = None
) -> TaxonomyPage:
    """Return a program, project or newsletter, its main contributors and a page of its public work.

    `relation` is the Publication many-to-many that tags pieces with it. Raises Http404 for an
    unknown slug or page. Budget: 6 queries.
    """
    item = taxonomy_item_or_404(queryset, slug)
    work = tagged_work(relation, [item.pk])
    return TaxonomyPage(
        item=item, experts=contributors_to(work), work=card_page(work.newest_first(), page=page, language=language)
    )


def program_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a program page (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(Program.objects.all(), relation="programs", slug=slug, page=page, language=language)


def project_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a project page with its program loaded (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(
        Project.objects.select_related("program"), relation="projects", slug=slug, page=page, language=language
    )


def newsletter_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
    """Return a newsletter page (see tagged_taxonomy_page). Budget: 6 queries."""
    return tagged_taxonomy_page(
        Newsletter.objects.all(), relation="newsletters", slug=slug, page=page, language=language
    )


def collection_page(*, slug: str, page: str | None, language: str | None = None) -> TaxonomyPage:
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
    return TaxonomyPage(
        item=collection, experts=contributors_to(work), work=card_page(work, page=page, language=language)
    )
