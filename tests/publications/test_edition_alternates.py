"""A work's page leads readers to its editions: the language switcher and the hreflang alternates."""

import re

import pytest

from tests.factories import EditionFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work():
    original = PublicationFactory(published=True, slug="serbia-and-kosovo", language="en")
    arabic = EditionFactory(translation_of=original, published=True, slug="serbia-kosovo-ar", language="ar")
    russian = EditionFactory(translation_of=original, published=True, slug="serbia-kosovo-ru", language="ru")
    return original, arabic, russian


def switcher_links(html: str) -> dict[str, str]:
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+"', html)}


def hreflang_links(html: str) -> dict[str, str]:
    return {code: url for code, url in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)}


def test_the_switcher_on_the_original_leads_to_each_edition_in_its_language(client, work):
    original, arabic, russian = work

    html = client.get(original.get_absolute_url()).content.decode()

    links = switcher_links(html)
    assert links["ar"] == "/ar/publications/serbia-kosovo-ar/"
    assert links["ru"] == "/ru/publications/serbia-kosovo-ru/"
    # No Chinese edition: the switcher offers this page in Chinese.
    assert links["zh-hans"] == "/zh-hans/publications/serbia-and-kosovo/"


def test_every_edition_names_the_others_as_hreflang_alternates_with_the_original_as_default(client, work):
    original, arabic, russian = work

    html = client.get("/ar/publications/serbia-kosovo-ar/").content.decode()

    assert hreflang_links(html) == {
        "en": "http://testserver/publications/serbia-and-kosovo/",
        "ar": "http://testserver/ar/publications/serbia-kosovo-ar/",
        "ru": "http://testserver/ru/publications/serbia-kosovo-ru/",
        "x-default": "http://testserver/publications/serbia-and-kosovo/",
    }
    assert switcher_links(html)["en"] == "/publications/serbia-and-kosovo/"


def test_an_unpublished_edition_is_neither_offered_nor_named(client, work):
    original, arabic, russian = work
    EditionFactory(translation_of=original, slug="serbia-kosovo-zh-draft", language="zh-hans")

    html = client.get(original.get_absolute_url()).content.decode()

    assert "serbia-kosovo-zh-draft" not in html
    assert "zh-hans" not in hreflang_links(html)


def test_a_piece_alone_has_no_alternates(client):
    piece = PublicationFactory(published=True, slug="alone")

    html = client.get(piece.get_absolute_url()).content.decode()

    assert hreflang_links(html) == {}
