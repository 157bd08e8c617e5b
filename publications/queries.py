"""Read functions for public pages: each returns ready-to-render data in a fixed number of queries."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404

from cms.models import Disclaimer, most_specific_disclaimer
from cms.pagination import paginate
from people.models import Affiliation, Person, PersonLink
from people.queries import TitleLine, public_person, safe_links, title_lines_of
from publications.models import Authorship, Publication, prefetch_bylines

RECENT_WORK_PER_AUTHOR = 3
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

    @property
    def authors(self) -> list[Person]:
        return [contributor.person for contributor in self.contributors]


def publication_page(*, slug: str) -> PublicationPage:
    """Return everything the publication page shows, for a piece visible to anonymous readers.

    Raises Http404 when no public piece has this slug. Budget: 11 queries, whatever the number
    of authors, topics or regions (pinned in tests/publications/test_publication_page.py).
    """
    publication = (
        Publication.objects.published()
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
        .filter(slug=slug)
        .first()
    )
    if publication is None:
        raise Http404("No publication found")

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
    return PublicationPage(
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
    rows = (
        Authorship.objects.filter(
            person_id__in=person_ids,
            publication__in=Publication.objects.published().exclude(pk=excluding).values("pk"),
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("person_id"),
                order_by=[F("publication__publication_date").desc(nulls_last=True), F("publication_id").desc()],
            )
        )
        .filter(rank__lte=RECENT_WORK_PER_AUTHOR)
        .select_related("publication", "publication__publication_type")
        .defer("publication__body")
        .order_by("person_id", "rank")
    )
    recent: dict[int, list[Publication]] = {}
    for row in rows:
        recent.setdefault(row.person_id, []).append(row.publication)
    return recent


def center_rail_for(publication: Publication) -> list[Publication]:
    """Return the newest other public pieces of the same primary center (no bylines). 1 query."""
    if not publication.primary_center_id:
        return []
    return list(
        Publication.objects.published()
        .filter(primary_center_id=publication.primary_center_id)
        .exclude(pk=publication.pk)
        .for_card_rows()
        .newest_first()[:RAIL_LENGTH]
    )


def related_to(publication: Publication) -> list[Publication]:
    """Return public pieces sharing most topics and regions with `publication`, then newest.

    Uses the topics and regions already prefetched on `publication`. 1 query (none without tags).
    """
    topic_ids = [topic.pk for topic in publication.topics.all()]
    region_ids = [region.pk for region in publication.regions.all()]
    if not topic_ids and not region_ids:
        return []
    tagged_topics = Publication.topics.through.objects.filter(topic_id__in=topic_ids)
    tagged_regions = Publication.regions.through.objects.filter(region_id__in=region_ids)
    overlap = Coalesce(count_per_publication(tagged_topics), 0) + Coalesce(count_per_publication(tagged_regions), 0)
    return list(
        Publication.objects.published()
        .filter(
            Q(pk__in=tagged_topics.values("publication_id")) | Q(pk__in=tagged_regions.values("publication_id"))
        )
        .exclude(pk=publication.pk)
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
    candidates = Disclaimer.objects.applicable_to(
        center_id=publication.primary_center_id, publication_type_id=publication.publication_type_id
    )
    disclaimer = most_specific_disclaimer(candidates)
    return disclaimer.text if disclaimer else ""


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
    Budget: 9 queries, whatever the number of titles, tags, links or publications (pinned in
    tests/people/test_expert_page.py); 6 for someone with no public pieces.
    """
    person = public_person(slug=slug)
    authored = Publication.objects.published().filter(
        pk__in=Authorship.objects.filter(person=person).values("publication_id")
    )
    types = [
        TypeCount(
            pk=row["publication_type"],
            slug=row["publication_type__slug"],
            label=row["publication_type__label"],
            plural_label=row["publication_type__plural_label"],
            count=row["count"],
        )
        for row in authored.values(
            "publication_type", "publication_type__slug", "publication_type__label", "publication_type__plural_label"
        )
        .annotate(count=Count("pk"))
        .order_by("publication_type__order", "publication_type__label")
    ]
    selected_type = None
    if type_slug:
        selected_type = next((type_count for type_count in types if type_count.slug == type_slug), None)
        if selected_type is None:
            raise Http404("No public pieces of this type")
        authored = authored.filter(publication_type_id=selected_type.pk)
    if not types:
        authored = authored.none()
    publications = paginate(authored.for_cards().newest_first(), page=page, per_page=EXPERT_PUBLICATIONS_PER_PAGE)
    publications.object_list = list(publications.object_list)
    return ExpertProfile(
        person=person,
        title_lines=title_lines_of(person),
        links=safe_links(person),
        publications=publications,
        types=types,
        selected_type=selected_type,
    )
