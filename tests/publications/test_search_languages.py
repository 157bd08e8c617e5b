"""Search per language: each piece parsed with its language, a language filter, snippets per edition.

The stemming and segmentation tests need PostgreSQL's text search and are skipped elsewhere;
the language filter and Chinese snippets are checked on both databases (the SQLite fallback
matches words as substrings, which finds a Chinese word inside a sentence too).
"""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from publications.models import Publication
from publications.queries.listings import ListingFilters
from publications.queries.search import search_results
from publications.search import SEARCH_CONFIGS, search_config
from publications.segmentation import FIELD_SEPARATOR, search_words, segment_query
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("search")
needs_postgres = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's text search (elsewhere: the fallback)"
)


def found_titles(client, **params) -> list[str]:
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    html = response.content.decode()
    results = html[html.index('id="publication-results"') :]
    return re.findall(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', results)


def snippets(q: str, **kwargs) -> dict[str, str]:
    results = search_results(q=q, filters=ListingFilters(), page=None, **kwargs)
    return {piece.title: str(piece.snippet) for piece in results.publications}


@needs_postgres
def test_a_russian_word_finds_its_other_cases(client):
    PublicationFactory(published=True, language="ru", title="Россия под санкциями", dek="", body="<p>Обзор.</p>")

    assert found_titles(client, q="санкции") == ["Россия под санкциями"]


@needs_postgres
def test_an_arabic_word_is_found_behind_its_prefixes(client):
    # PostgreSQL's Arabic stemmer strips the article and the prepositions bi-, li- and ka- (it keeps
    # a leading wa-/fa- before the article): "بالسياسة" (with the policy) is stored as 'سياس'.
    PublicationFactory(published=True, language="ar", title="مقال", dek="", body="<p>تتعلق بالسياسة الخارجية.</p>")
    PublicationFactory(published=True, language="ar", title="آخر", dek="", body="<p>للسياسة الاقتصادية</p>")

    assert sorted(found_titles(client, q="سياسة")) == ["آخر", "مقال"]


@needs_postgres
def test_a_chinese_word_is_found_inside_a_sentence_without_spaces(client):
    PublicationFactory(published=True, language="zh-hans", title="中国的外交政策正在改变", dek="", body="")
    PublicationFactory(published=True, language="zh-hans", title="对外交流", dek="", body="")

    # "对外交流" (exchanges abroad) holds the characters 外交 but not the word: not found.
    assert found_titles(client, q="外交") == ["中国的外交政策正在改变"]
    assert found_titles(client, q="外交政策") == ["中国的外交政策正在改变"]


@needs_postgres
def test_each_piece_is_parsed_with_its_own_language():
    pieces = {
        code: PublicationFactory(language=code, title="Policies", dek="Policies", body="<p>Policies</p>")
        for code, _name in settings.CONTENT_LANGUAGES
    }

    for code, piece in pieces.items():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_vector = setweight(to_tsvector(%s::regconfig, 'Policies'), 'A')"
                " || setweight(to_tsvector(%s::regconfig, 'Policies'), 'B')"
                " || setweight(to_tsvector(%s::regconfig, '<p>Policies</p>'), 'C')"
                " || array_to_tsvector(ARRAY[%s])"
                " FROM publications_publication WHERE id = %s",
                [search_config(code)] * 3 + [f"lang {code}", piece.pk],
            )
            assert cursor.fetchone() == (True,), code
    assert set(SEARCH_CONFIGS) <= {code for code, _name in settings.CONTENT_LANGUAGES}


@needs_postgres
def test_a_language_lexeme_is_never_found_by_a_reader(client):
    PublicationFactory(published=True, language="en", title="Nothing here")

    assert found_titles(client, q="lang en") == []
    assert found_titles(client, q='"lang en"') == []
    assert found_titles(client, q="the") == []


@needs_postgres
def test_an_excluded_word_leaves_pieces_out_in_every_language(client):
    PublicationFactory(published=True, title="Nuclear policies", body="")
    PublicationFactory(published=True, title="Nuclear deterrence", body="")

    assert found_titles(client, q="nuclear -policies") == ["Nuclear deterrence"]


@needs_postgres
def test_an_english_piece_ranks_as_in_an_english_only_search():
    PublicationFactory(published=True, title="Arms control", dek="", body="<p>Arms and more arms.</p>")
    every_language = search_results(q="arms control", filters=ListingFilters(), page=None)
    english = search_results(q="arms control", filters=ListingFilters(), page=None, language="en")

    assert [piece.rank for piece in every_language.publications] == [piece.rank for piece in english.publications]


def test_the_language_filter_keeps_one_language(client):
    PublicationFactory(published=True, language="en", title="Energy in Europe")
    PublicationFactory(published=True, language="ru", title="Energy (русская версия)")

    assert sorted(found_titles(client, q="energy")) == ["Energy (русская версия)", "Energy in Europe"]
    assert found_titles(client, q="energy", language="ru") == ["Energy (русская версия)"]
    assert found_titles(client, q="energy", language="en") == ["Energy in Europe"]


def test_the_language_filter_is_offered_all_languages_first(client):
    html = client.get(SEARCH, {"q": "energy"}).content.decode()

    assert '<label for="filter-language">Language</label>' in html
    assert '<option value="" selected>All languages</option>' in html
    assert '<option value="zh-hans">Chinese (Simplified)</option>' in html


def test_an_unknown_language_says_so_and_finds_nothing(client):
    PublicationFactory(published=True, title="Energy in Europe")

    response = client.get(SEARCH, {"q": "energy", "language": "xx"})

    assert "Some filters do not match anything we publish" in response.content.decode()
    assert found_titles(client, q="energy", language="xx") == []


def test_unpublished_pieces_never_show_in_any_language(client):
    PublicationFactory(language="zh-hans", title="中国的外交政策正在改变")
    PublicationFactory(language="ru", title="Россия под санкциями")

    assert found_titles(client, q="外交") == []
    assert found_titles(client, q="外交", language="zh-hans") == []
    assert found_titles(client, q="санкциями", language="ru") == []


def test_a_chinese_snippet_marks_the_word_in_its_sentence():
    PublicationFactory(published=True, language="zh-hans", title="外交", dek="中国的外交政策正在改变。", body="")

    assert snippets("外交") == {"外交": "中国的<mark>外交</mark>政策正在改变。"}


@needs_postgres
def test_snippets_come_from_each_edition_with_its_own_language():
    PublicationFactory(published=True, language="ru", title="Санкции", dek="Новые санкции против банков.", body="")
    PublicationFactory(published=True, language="en", title="Sanctions", dek="New sanctions on banks.", body="")

    found = snippets("санкции sanctions")

    # "санкции sanctions" asks for both words: each edition has only its own language's.
    assert found == {}
    assert snippets("санкциями", language="ru") == {"Санкции": "Новые <mark>санкции</mark> против банков"}
    assert snippets("sanction") == {"Sanctions": "<mark>sanctions</mark> on banks"}


def test_chinese_pieces_keep_their_segmented_words_on_every_save():
    piece = PublicationFactory(language="zh-hans", title="中国的外交政策", dek="", body="<p>正在改变</p>")
    assert piece.search_words.split(FIELD_SEPARATOR)[0].split() == ["中国", "的", "外交", "政策", "外交政策"]

    piece.body = "<p>新的&amp;旧的</p>"
    piece.save(update_fields=["body"])
    piece.refresh_from_db()
    assert piece.search_words.split(FIELD_SEPARATOR)[2] == "新 的 & 旧 的"

    english = PublicationFactory(language="en", title="中国")
    assert english.search_words == ""
    Publication.objects.bulk_create([Publication(**{**vars_of(english), "slug": "copy", "language": "zh-hans"})])
    assert Publication.objects.get(slug="copy").search_words.startswith("中国")


def vars_of(piece) -> dict:
    names = ["title", "dek", "body", "publication_type_id", "primary_center_id", "status"]
    return {name: getattr(piece, name) for name in names}


def test_a_query_is_cut_into_words_and_keeps_its_syntax():
    assert segment_query("arms -nuclear") == "arms -nuclear"
    assert segment_query("中国外交") == "中国 外交"
    assert segment_query('"中国外交" -经济政策') in {'"中国 外交" -"经济 政策"', '"中国 外交" -经济政策'}
    assert segment_query("G20中国外交2024") == "G20 中国 外交 2024"
    assert search_words(language="en", title="中国", dek="", body="") == ""


@pytest.mark.parametrize("language", [None, "ru", "zh-hans"])
def test_searching_a_language_takes_the_same_queries(client, django_assert_max_num_queries, language):
    for n in range(3):
        PublicationFactory(published=True, language=language or "en", title=f"外交 policy версии {n}")
    params = {"q": "外交 policy"} | ({"language": language} if language else {})

    # As test_search.py pins it: 7 for the filter choices, then count, page, bylines, experts, affiliations.
    with django_assert_max_num_queries(12):
        response = client.get(SEARCH, params)

    assert response.status_code == 200
    assert response.content.decode().count('class="card search-result"') == 3
