"""What several public screens share: the sets of public work, the conditions that pick them, cards by the page.

Taxonomy pages, feeds, listings and search all list "the public pieces of this center / topic /
region" and cut them into pages of cards; the one definition of each lives here. Each set declares
itself (`depends_on`) for the page cache; declaring runs no query.
"""

import re

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

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


def card_page(publications: QuerySet, *, page: str | None) -> Page:
    """Return the requested page of an ordered publications queryset, loaded and shaped for cards.

    Raises Http404 for a page that does not exist. 3 queries: count, rows, bylines.
    """
    result = paginate(publications.for_cards(), page=page, per_page=LISTING_PAGE_SIZE)
    result.object_list = list(result.object_list)
    return result
