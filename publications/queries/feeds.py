"""What the RSS and Atom feeds (publications/feeds.py) read: the newest public pieces of a set, in a language."""

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from cms.pagecache.cache import depends_on, set_tag
from cms.taxonomies.models import Topic
from people.models import Person
from publications.models import Authorship, Publication, byline_prefetch
from publications.queries.conditions import taxonomy_item_or_404

FEED_LENGTH = 30


def in_feed_language(publications: QuerySet, language: str) -> QuerySet:
    """The pieces of `publications` that the feeds in interface language `language` list. No query.

    A feed in a language lists the work written in it: Arabic originals and the Arabic editions
    of work first written in another language; a work with no Arabic edition is not in the
    Arabic feeds (their readers get Arabic text, and each work once). The default language's
    feeds, at today's addresses, also keep the pieces in content languages with no interface of
    their own (French, German…), which no other feed lists.
    """
    if language != settings.LANGUAGE_CODE:
        return publications.filter(language=language)
    interface = [code for code, _name in settings.LANGUAGES if code != language]
    return publications.filter(Q(language=language) | ~Q(language__in=interface))


def feed_items(publications: QuerySet, language: str) -> list[Publication]:
    """Return the newest FEED_LENGTH of `publications` (a published() queryset) in a feed in `language`.

    Which pieces a language's feed lists: `in_feed_language`. Loaded: type, bylines in order
    (`publication.byline`) and topics; no body. Undated pieces come last. 3 queries: rows,
    bylines, topics.
    """
    return list(
        in_feed_language(publications, language)
        .newest_first()
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
