"""The expert page, and the people cards that taxonomy pages and search show beside the work.

Every function declares the sets it lists (`depends_on`) for the page cache; declaring runs no query.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from cms.kit.pagination import paginate
from cms.pagecache.cache import depends_on, model_tag, set_tag
from people.models import Person, PersonLink
from people.queries import TitleLine, public_person, safe_links, title_lines_of
from publications.models import Authorship, Publication, PublicationType
from publications.queries.conditions import (
    among_few,
    attach_other_editions,
    one_card_per_work,
    reader_language,
    with_work_flag,
)

CONTRIBUTORS_SHOWN = 12
EXPERT_PUBLICATIONS_PER_PAGE = 20


@dataclass(frozen=True)
class Expert:
    """A person shown on a taxonomy page, with the title line that fits the page."""

    person: Person  # public, headshot and affiliations loaded
    title_line: str


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


def expert_profile(
    *, slug: str, page: str | None = None, type_slug: str | None = None, language: str | None = None
) -> ExpertProfile:
    """Return everything an expert's public page shows: profile, titles, links and public work.

    Publications are the person's public works (any role), one card per work in `language` (the
    reader's; by default the active language) with the other public editions on the card,
    newest first, 20 a page, optionally of one content type; the type counts count works too.
    Raises Http404 when nobody with a public profile has this slug, when they have no public
    piece of `type_slug`, or for a page that does not exist. Budget: 8 queries, whatever the
    number of titles, tags, links or publications (pinned in tests/people/test_expert_page.py),
    1 more when a card's work has other public editions; 6 for someone with no public pieces.
    """
    person = public_person(slug=slug)
    depends_on(set_tag("contributors", person.pk), model_tag(PublicationType))
    authored = one_card_per_work(
        Publication.objects.published().filter(
            pk__in=Authorship.objects.filter(person=person).values("publication_id")
        ),
        language=reader_language(language),
    )
    # Counted from the person's bylines, joined to their pieces one by one: starting from the
    # publications would scan all of them for a prolific expert (46 ms on the 100k corpus).
    public_bylines = Authorship.objects.filter(person=person).filter(
        Exists(authored.filter(pk=OuterRef("publication_id")))
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
        with_work_flag(authored).for_cards().newest_first(),
        page=page,
        per_page=EXPERT_PUBLICATIONS_PER_PAGE,
        count=total,
    )
    publications.object_list = list(publications.object_list)
    attach_other_editions(publications.object_list)
    return ExpertProfile(
        person=person,
        title_lines=title_lines_of(person),
        links=safe_links(person),
        publications=publications,
        types=types,
        selected_type=selected_type,
    )
