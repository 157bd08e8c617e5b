"""The pages the benchmark and the EXPLAIN check visit, picked from the corpus in the database.

Issue 6 names them: the floor (/robots.txt), home, a publication page with three authors, a
filtered listing (type + a region with sub-regions + year), an expert page, search for a
common and a rare word, and a feed. `extra_pages` adds the other public pages for the EXPLAIN
check. The picks are deterministic for a given corpus.
"""

from urllib.parse import urlencode

from django.db.models import Count

from people.models import Person
from publications.models import Authorship, Publication

COMMON_WORD = "security"
RARE_WORD = "Gwadar"  # a place a few hundred of 100,000 pieces mention (publications/corpus.py)
# Search per language (issue 15): a word only that language's stemmer or segmenter finds in the
# corpus's editions ("версии" for the title's "версия", "نسخة" for "النسخة", 中文 inside 中文版).
LANGUAGE_SEARCHES = {"ru": "версии", "ar": "نسخة", "zh-hans": "中文"}


def three_author_piece() -> Publication:
    """The newest public English commentary with exactly three contributors."""
    return (
        Publication.objects.published()
        .filter(language="en", publication_type__slug="commentary")
        .annotate(contributors_count=Count("authorships"))
        .filter(contributors_count=3)
        .newest_first()
        .first()
    )


def busiest_expert() -> Person:
    """The public expert with the most pieces: the heaviest expert page there is."""
    top = (
        Authorship.objects.filter(person__has_profile=True, person__kind=Person.Kind.EXPERT)
        .values("person_id")
        .annotate(pieces=Count("pk"))
        .order_by("-pieces", "person_id")
        .first()
    )
    return Person.objects.get(pk=top["person_id"])


def bench_pages() -> dict[str, str]:
    """Name → path of the pages issue 6 measures, the floor first."""
    return {
        "robots.txt (floor)": "/robots.txt",
        "home": "/",
        "publication, 3 authors": three_author_piece().get_absolute_url(),
        "listing: type+region+year": "/publications/?type=commentary&region=europe&year=2025",
        "expert page": busiest_expert().get_absolute_url(),
        "search: common word": f"/search/?q={COMMON_WORD}",
        "search: rare word": f"/search/?q={RARE_WORD}",
        **language_searches(),
        "feed (latest, RSS)": "/feeds/latest/rss/",
    }


def language_searches() -> dict[str, str]:
    """Search in each language: English with the language filter, then each language's own word."""
    pages = {"search: common word, en": f"/search/?{urlencode({'q': COMMON_WORD, 'language': 'en'})}"}
    for language, word in LANGUAGE_SEARCHES.items():
        pages[f"search: {language}"] = f"/search/?{urlencode({'q': word, 'language': language})}"
    return pages


def extra_pages() -> dict[str, str]:
    """The other public pages, for the EXPLAIN check."""
    piece = three_author_piece()
    expert = busiest_expert()
    return {
        "listing, unfiltered": "/publications/",
        "listing, page 50": "/publications/?page=50",
        "listing: center+topic": "/publications/?center=carnegie-europe&topic=democracy",
        "center page": "/centers/carnegie-europe/",
        "topic page": "/topics/democracy/",
        "region page (with sub-regions)": "/regions/europe/",
        "program page": "/programs/europe-program/",
        "expert directory": "/experts/",
        "expert page, page 2": f"{expert.get_absolute_url()}?page=2",
        "expert feed": f"/feeds/experts/{expert.slug}/rss/",
        "topic feed": "/feeds/topics/democracy/atom/",
        "region feed": "/feeds/regions/europe/rss/",
        "center feed": "/feeds/centers/carnegie-europe/rss/",
        "search, page 3": f"/search/?q={COMMON_WORD}&page=3",
        "search + filters": f"/search/?q={COMMON_WORD}&type=commentary&year=2024",
        "centers index": "/centers/",
        "publication, primary center rail": piece.get_absolute_url(),
    }
