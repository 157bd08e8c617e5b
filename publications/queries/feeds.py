"""What the RSS and Atom feeds (publications/feeds.py) read: the newest public pieces of a set."""

from django.db.models import Prefetch, QuerySet

from cms.pagecache.cache import depends_on, set_tag
from cms.taxonomies.models import Topic
from people.models import Person
from publications.models import Authorship, Publication, byline_prefetch
from publications.queries.conditions import taxonomy_item_or_404

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
