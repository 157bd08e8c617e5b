"""Every public page costs the same number of queries in each interface language (issue 15).

The site in Arabic, Chinese or Russian reads the same rows as in English: the language changes
the address, the translations and which edition a card shows, never the number of queries.
The pages are built around one work with an original and three editions, the heaviest case.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    DisclaimerFactory,
    EditionFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/ar", "/zh-hans", "/ru"]
# The most queries each page may take, in any language; the pages' own tests pin the English
# figures for other shapes of data. The listings (home, listing, expert, center, topic) take one
# query more than without editions: the work's card links its other public editions, loaded for
# every card of the page at once (publications/queries/conditions.py:attach_other_editions).
BUDGETS = {
    "home": 5,
    "listing": 11,
    "arabic edition": 12,
    "original": 12,
    "expert": 9,
    "center": 7,
    "topic": 7,
    "directory": 7,
    "search": 11,
}


@pytest.fixture
def site():
    DisclaimerFactory()
    center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center", slug="middle-east")
    topic = TopicFactory(name="Political Reform", slug="political-reform")
    authors = [PersonFactory(name=name) for name in ("Yasmine Tabbara", "Maha Yahya", "Amr Hamzawy")]
    for author in authors:
        AffiliationFactory(person=author, center=center)
        author.topics.set([topic])
    original = PublicationFactory(
        title="Lebanon’s Reform Window Is Closing",
        slug="lebanon-reform-window",
        primary_center=center,
        authors=authors,
        published=True,
    )
    original.centers.set([center])
    original.topics.set([topic])
    editions = {
        language: EditionFactory(translation_of=original, language=language, authors=authors, published=True)
        for language in ("ar", "zh-hans", "ru")
    }
    for edition in editions.values():
        edition.centers.set([center])
        edition.topics.set([topic])
    for n in range(6):
        other = PublicationFactory(title=f"Reform in the Levant, part {n}", primary_center=center, published=True)
        other.centers.set([center])
        other.topics.set([topic])
        other.authorships.create(person=authors[n % 3], position=0)
    return {
        "home": "/",
        "listing": "/publications/",
        "arabic edition": editions["ar"].get_absolute_url(),
        "original": original.get_absolute_url(),
        "expert": authors[0].get_absolute_url(),
        "center": "/centers/middle-east/",
        "topic": "/topics/political-reform/",
        "directory": "/experts/",
        "search": "/search/?q=reform",
    }


def queries_of(client, path) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context.captured_queries)


@pytest.mark.parametrize("page", BUDGETS)
def test_a_page_takes_the_same_queries_in_every_language(client, site, page):
    from cms.sitesettings.models import current

    current()  # read once per cache life in production; not the page's cost
    counts = {prefix or "/": queries_of(client, f"{prefix}{site[page]}") for prefix in PREFIXES}

    assert len(set(counts.values())) == 1, counts
    assert counts["/"] <= BUDGETS[page], counts
