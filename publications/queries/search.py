"""The search page: public pieces and public people matching the search box.

The matching itself (PostgreSQL full text, or a plain scan elsewhere) is `publications/search.py`.
"""

from dataclasses import dataclass

from django.core.paginator import Page

from cms.kit.pagination import paginate
from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import Region
from publications import search as full_text
from publications.models import Publication
from publications.queries.experts import Expert, people_for_cards
from publications.queries.listings import ListingFilters, listing_conditions

SEARCH_PAGE_SIZE = 20


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


def search_results(
    *, q: str | None, filters: ListingFilters | None, page: str | None, language: str | None = None
) -> SearchResults:
    """Return the public pieces and public people matching a search-box query.

    Pieces: published only, narrowed by the listing's filters (`None`: filters that did not
    validate, so no piece matches) and to `language` when given (a content language code; the
    query is then parsed with that language's configuration only), best match first, then
    newest; 20 a page, each with a
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
            Publication.objects.published().filter(*listing_conditions(filters)), query, language=language
        )
    results = paginate(publications.for_cards(), page=page, per_page=SEARCH_PAGE_SIZE)
    results.object_list = list(results.object_list)
    full_text.attach_snippets(results.object_list, query)
    experts = []
    if results.number == 1:
        people = full_text.matching_people(people_for_cards(), query)[: full_text.EXPERTS_SHOWN]
        experts = [Expert(person=person, title_line=person.title_line) for person in people]
    return SearchResults(query=query, shortened=shortened, publications=results, experts=experts)
