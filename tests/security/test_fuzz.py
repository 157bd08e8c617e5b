"""Hypothesis throws arbitrary query strings at the listing, search, directory and taxonomy pages.

They must answer 200, 400 or 404, never 500. The importer's fuzzing is in test_fuzz_import.py.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import AuthorshipFactory, CenterFactory, PublicationFactory, RegionFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Small enough that the whole suite stays quick; each run explores new inputs.
FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PATHS = ["/publications/", "/search/", "/experts/", "/topics/security/", "/regions/europe/", "/centers/center-fuzz/"]
KNOWN_KEYS = [
    "q",
    "type",
    "center",
    "topic",
    "region",
    "program",
    "project",
    "year",
    "page",
    "letter",
    "alumni",
    "contributors",
    "sort",
    "format",
    "_connector",
    "topic[]",
    "page[]",
]
# Text a browser can put in a URL: anything but lone surrogates, which no encoder accepts.
url_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
hostile_values = st.one_of(
    url_text,
    st.sampled_from(
        [
            "' OR 1=1--",
            "1;DROP TABLE publications_publication",
            "%00",
            "\x00",
            "0",
            "-1",
            "2.5",
            "abc",
            "1" + "0" * 20,
            "9" * 400,
            "security",
            "europe",
            "center-fuzz",
            "2024",
            "a" * 5000,
            "ｅｕｒｏｐｅ",
            "١٢",
            "²",
            "NaN",
            "inf",
            "1e309",
            "[]",
            "{}",
            "null",
            "<script>alert(1)</script>",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
query_strings = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), url_text), hostile_values), max_size=8).map(
    lambda pairs: urlencode(pairs)
)


@pytest.fixture
def listed_site():
    topic, region = TopicFactory(name="Security", slug="security"), RegionFactory(name="Europe", slug="europe")
    center = CenterFactory(slug="center-fuzz")
    for n in range(3):
        piece = PublicationFactory(published=True, primary_center=center, title=f"Arms control {n}")
        piece.topics.add(topic)
        piece.regions.add(region)
        AuthorshipFactory(publication=piece)


@FUZZ
@given(path=st.sampled_from(PATHS), query=query_strings)
def test_no_query_string_makes_a_listing_or_search_fail(client, listed_site, path, query):
    response = client.get(f"{path}?{query}")

    assert response.status_code in (200, 400, 404), f"{path}?{query} → {response.status_code}"
