"""Read functions for the public people pages: each returns ready-to-render data in a fixed number of queries."""

import unicodedata
from dataclasses import dataclass
from string import ascii_uppercase

from django.core.paginator import Page
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower, Substr
from django.http import Http404
from django.utils.translation import get_language

from cms.kit.pagination import paginate
from cms.kit.translations import localized_from, source_language, translated_value
from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import REGION_MAX_DEPTH, Center, Region, Topic, descendant_region_ids
from people.models import Affiliation, Person, PersonLink

EXPERTS_PER_PAGE = 48
OTHER_LETTER = "other"  # the A–Z bucket for names that do not start with a Latin letter
SAFE_LINK_SCHEMES = ("http://", "https://")
INDENT = "\u2003"  # an em space: browsers keep it in <option> text, screen readers skip it

# Latin letters that Unicode does not decompose into a base letter plus an accent.
_LATIN_BASE_LETTERS = {"ø": "o", "æ": "a", "œ": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "t", "ß": "s"}


@dataclass(frozen=True)
class FilterOption:
    pk: int
    slug: str
    label: str  # sub-regions are indented under their parent region


@dataclass(frozen=True)
class DirectoryOptions:
    """The choices of the directory's filter selects, in display order."""

    centers: list[FilterOption]
    topics: list[FilterOption]
    regions: list[FilterOption]


@dataclass(frozen=True)
class ExpertCriteria:
    """What a reader asked the directory for; every field is already validated."""

    center_id: int | None = None
    topic_id: int | None = None
    region_id: int | None = None
    letter: str = ""  # "A"–"Z", OTHER_LETTER or "" for everyone
    include_alumni: bool = False
    include_contributors: bool = False

    @property
    def is_filtered(self) -> bool:
        return self != ExpertCriteria()


@dataclass(frozen=True)
class LetterLink:
    key: str  # the ?letter= value
    label: str
    has_people: bool  # letters nobody's name starts with are shown but not linked
    selected: bool


@dataclass(frozen=True)
class ExpertDirectory:
    page: Page  # Person rows with headshot and ordered affiliations loaded
    letters: list[LetterLink]
    criteria: ExpertCriteria


@dataclass(frozen=True)
class TitleLine:
    """One title as the profile shows it, split around the center's name so the name can be a link.

    "Senior Fellow, Carnegie Europe" with center Carnegie Europe gives before="Senior Fellow, ",
    center_text="Carnegie Europe", after="". When the line does not mention its center, the
    center is shown after the line instead (`center_in_line` is False).
    """

    text: str
    center: Center | None
    before: str = ""
    center_text: str = ""
    after: str = ""
    fallback: bool = False  # the English line on a page in a language the person has no title line in

    @property
    def center_in_line(self) -> bool:
        return bool(self.center_text)


def directory_options() -> DirectoryOptions:
    """Return the centers, topics and regions the directory can be filtered by. 3 queries.

    Regions come as a tree flattened in display order, sub-regions indented under their parent.
    """
    depends_on(model_tag(Center), model_tag(Topic), model_tag(Region))

    def label(name, translations) -> str:  # in the page's language, English marked where missing
        return localized_from(name, translations, "name").as_text()

    centers = [
        FilterOption(pk, slug, label(name, translations))
        for pk, slug, name, translations in Center.objects.values_list("pk", "slug", "name", "translations")
    ]
    topics = [
        FilterOption(pk, slug, label(name, translations))
        for pk, slug, name, translations in Topic.objects.order_by("name").values_list(
            "pk", "slug", "name", "translations"
        )
    ]
    rows = list(Region.objects.order_by("name").values_list("pk", "slug", "name", "parent_id", "translations"))
    children: dict[int | None, list[tuple]] = {}
    for row in rows:
        children.setdefault(row[3], []).append(row)
    regions: list[FilterOption] = []
    seen: set[int] = set()

    # Walked with a stack, not recursion: a chain of a thousand regions (data from before the
    # depth cap) must not exhaust it; regions below the cap are indented as at the last level.
    stack = [(row, 0) for row in reversed(children.get(None, []))]
    while stack:
        (pk, slug, name, _, translations), depth = stack.pop()
        if pk in seen:  # a loop in bad data must not hang the page
            continue
        seen.add(pk)
        regions.append(FilterOption(pk, slug, INDENT * depth + label(name, translations)))
        below = min(depth + 1, REGION_MAX_DEPTH - 1)
        stack.extend((row, below) for row in reversed(children.get(pk, [])))
    return DirectoryOptions(centers=centers, topics=topics, regions=regions)


def expert_directory(*, criteria: ExpertCriteria, page: str | None) -> ExpertDirectory:
    """Return one page of the expert directory, A–Z by sort name, and the A–Z index.

    Only people with a public profile are listed; by default current Carnegie experts only.
    The A–Z index reflects the other filters. Raises Http404 for a page that does not exist.
    Budget: 4 queries, plus 1 when filtering by region (sub-regions); pinned in
    tests/people/test_directory.py.
    """
    depends_on(model_tag(Person), model_tag(Region))
    people = matching_people(criteria).annotate(initial=Substr("sort_name", 1, 1))
    initials = set(people.order_by().values_list("initial", flat=True).distinct())
    available = {letter_of(initial) for initial in initials}
    letters = [
        LetterLink(key=key, label=label, has_people=key in available, selected=key == criteria.letter)
        for key, label in [(letter, letter) for letter in ascii_uppercase] + [(OTHER_LETTER, "#")]
    ]
    if criteria.letter:
        wanted = [initial for initial in initials if letter_of(initial) == criteria.letter]
        people = people.filter(initial__in=wanted)
    ordered = (
        people.select_related("headshot")
        .prefetch_related(Prefetch("affiliations", queryset=Affiliation.objects.order_by("position", "pk")))
        .order_by(Lower("sort_name"), Lower("name"), "pk")
    )
    result = paginate(ordered, page=page, per_page=EXPERTS_PER_PAGE)
    result.object_list = list(result.object_list)
    return ExpertDirectory(page=result, letters=letters, criteria=criteria)


def matching_people(criteria: ExpertCriteria) -> QuerySet[Person]:
    """The public people that match every filter but the letter (no query until evaluated, 1 for a region)."""
    people = Person.objects.public()
    if not criteria.include_contributors:
        people = people.filter(kind=Person.Kind.EXPERT)
    if not criteria.include_alumni:
        people = people.filter(is_current=True)
    # Subqueries rather than joins, so that someone with two titles at a center is listed once.
    if criteria.center_id:
        people = people.filter(pk__in=Affiliation.objects.filter(center_id=criteria.center_id).values("person_id"))
    if criteria.topic_id:
        tagged = Person.topics.through.objects.filter(topic_id=criteria.topic_id)
        people = people.filter(pk__in=tagged.values("person_id"))
    if criteria.region_id:
        regions = descendant_region_ids([criteria.region_id])
        tagged = Person.regions.through.objects.filter(region_id__in=regions)
        people = people.filter(pk__in=tagged.values("person_id"))
    return people


def letter_of(initial: str) -> str:
    """Return the A–Z bucket of a name's first character: "Ö" is under O, "王" and "'" under OTHER_LETTER."""
    char = unicodedata.normalize("NFKD", initial)[:1].lower()
    base = _LATIN_BASE_LETTERS.get(char, char).upper()
    return base if len(base) == 1 and base in ascii_uppercase else OTHER_LETTER


def public_person(*, slug: str) -> Person:
    """Return the person whose public profile lives at `slug`, with everything the profile shows.

    Loaded: headshot, affiliations in order with their centers (`person.affiliations.all`),
    topics and regions of expertise, links. Raises Http404 when nobody with a public profile
    has this slug. Budget: 5 queries.
    """
    person = (
        Person.objects.public()
        .select_related("headshot")
        .prefetch_related(
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("center").order_by("position", "pk")),
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            Prefetch("regions", queryset=Region.objects.order_by("name")),
            Prefetch("links", queryset=PersonLink.objects.order_by("position", "pk")),
        )
        .filter(slug=slug)
        .first()
    )
    if person is None:
        raise Http404("No expert found")
    return person


def title_lines_of(person: Person) -> list[TitleLine]:
    """Return a person's titles in order, in the active language, split around their centers' names.

    The main (first) title line reads the person's translation for the language; the others,
    and a main line without one, are the English lines marked as fallbacks. The center's name is
    looked for in the line as the line's language writes it (its translated name and the
    `other_names` editors keep), then in English. No query when prefetched.
    """
    language = get_language() or source_language()
    lines = []
    for index, affiliation in enumerate(person.affiliations.all()):
        center = affiliation.center
        text, fallback = affiliation.title_line, False
        names = [center.name, center.short_name] if center else []
        if language != source_language():
            translated = translated_value(person, "title_line", language) if index == 0 else ""
            if translated:
                text = translated
                if center:
                    names = [translated_value(center, "name", language), *center.other_names.splitlines(), *names]
            else:
                fallback = bool(text)
        for name in (name.strip() for name in names):
            if name and name in text:
                start = text.index(name)
                lines.append(TitleLine(text, center, text[:start], name, text[start + len(name) :], fallback))
                break
        else:
            lines.append(TitleLine(text, center, fallback=fallback))
    return lines


def safe_links(person: Person) -> list[PersonLink]:
    """Return the person's links that are plain web addresses (no query when prefetched).

    The admin validates URLs, but imported rows may not have been; a `javascript:` address
    must never become a link on the public site.
    """
    return [link for link in person.links.all() if link.url.lower().startswith(SAFE_LINK_SCHEMES)]
