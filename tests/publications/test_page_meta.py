"""The meta every shareable page writes through components/page_meta.html."""

import re

import pytest

from tests.factories import CenterFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def meta_tags(response) -> list[str]:
    head = response.content.decode().split("</head>")[0]
    return re.findall(
        r'<(?:meta (?:name|property)="(?:description|og:[a-z:_]+|twitter:card)"|link rel="canonical")[^>]*>', head
    )


def test_a_publication_page_writes_its_meta_once_with_a_large_card_only_for_an_image(client):
    publication = PublicationFactory(
        published=True, slug="grid", title="Grid power & the Balkans", dek="Why <the> grid matters."
    )

    assert meta_tags(client.get(publication.get_absolute_url())) == [
        '<meta name="description" content="Why &lt;the&gt; grid matters.">',
        '<link rel="canonical" href="http://testserver/publications/grid/">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Grid power &amp; the Balkans">',
        '<meta property="og:description" content="Why &lt;the&gt; grid matters.">',
        '<meta property="og:url" content="http://testserver/publications/grid/">',
        '<meta property="og:site_name" content="Carnegie Endowment for International Peace">',
        '<meta name="twitter:card" content="summary">',
    ]


def test_a_taxonomy_page_writes_its_summary_as_description_and_a_small_card(client):
    CenterFactory(name="Carnegie Europe", slug="carnegie-europe", description="<p>The EU &amp; NATO.</p>")
    TopicFactory(name="Energy", slug="energy")

    assert meta_tags(client.get("/centers/carnegie-europe/")) == [
        '<meta name="description" content="The EU &amp; NATO.">',
        '<link rel="canonical" href="http://testserver/centers/carnegie-europe/">',
        '<meta property="og:type" content="website">',
        '<meta property="og:title" content="Carnegie Europe">',
        '<meta property="og:description" content="The EU &amp; NATO.">',
        '<meta property="og:url" content="http://testserver/centers/carnegie-europe/">',
        '<meta property="og:site_name" content="Carnegie Endowment for International Peace">',
        '<meta name="twitter:card" content="summary">',
    ]
    assert (
        meta_tags(client.get("/topics/"))[0]
        == '<meta name="description" content="Every topic Carnegie experts write about.">'
    )
