"""The meta every shareable page writes through components/page_meta.html."""

import re

import pytest

from tests.factories import CenterFactory, EditionFactory, PublicationFactory, TopicFactory

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
        '<meta property="og:locale" content="en_US">',
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
        '<meta property="og:locale" content="en_US">',
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
        meta_tags(client.get("/topics/"))[1]
        == '<meta name="description" content="Every topic Carnegie experts write about.">'
    )


def og_locales(response) -> tuple[list[str], list[str]]:
    head = response.content.decode().split("</head>")[0]
    return (
        re.findall(r'<meta property="og:locale" content="([^"]+)">', head),
        re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', head),
    )


@pytest.mark.parametrize(
    ("prefix", "locale"), [("", "en_US"), ("/ar", "ar_AR"), ("/zh-hans", "zh_CN"), ("/ru", "ru_RU")]
)
@pytest.mark.parametrize("path", ["/", "/publications/", "/experts/", "/centers/", "/topics/energy/", "/search/?q=x"])
def test_every_page_names_its_languages_open_graph_locale(client, prefix, locale, path):
    TopicFactory(name="Energy", slug="energy")

    assert og_locales(client.get(f"{prefix}{path}")) == ([locale], [])


def test_a_works_page_names_its_own_locale_and_each_other_public_editions(client):
    original = PublicationFactory(published=True, slug="grid", language="en")
    EditionFactory(translation_of=original, published=True, slug="grid-ar", language="ar")
    EditionFactory(translation_of=original, published=True, slug="grid-ru", language="ru")
    EditionFactory(translation_of=original, slug="grid-zh-draft", language="zh-hans")

    assert og_locales(client.get("/ar/publications/grid-ar/")) == (["ar_AR"], ["en_US", "ru_RU"])
    assert og_locales(client.get("/publications/grid/")) == (["en_US"], ["ar_AR", "ru_RU"])
    # The text decides, not the interface: the Russian edition read with the English interface.
    assert og_locales(client.get("/publications/grid-ru/")) == (["ru_RU"], ["en_US", "ar_AR"])


def test_a_piece_alone_names_only_its_own_locale(client):
    PublicationFactory(published=True, slug="alone-fr", language="fr")

    assert og_locales(client.get("/ar/publications/alone-fr/")) == (["fr_FR"], [])
