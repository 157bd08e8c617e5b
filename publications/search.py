"""How a search-box query becomes ranked, highlighted publications and matching experts.

PostgreSQL (production): full-text search over the stored, weighted `Publication.search_vector`
(kept current by the trigger of migrations 0002 and 0010): title weighs A, dek B, body C, so a
word in the title ranks a piece above the same word in its body. Readers may use web-search
syntax: "exact phrase", or, -excluded.

Each piece is parsed with its language's configuration (SEARCH_CONFIGS; Chinese is cut into
words first, publications/segmentation.py), so the reader's words are parsed once per
configuration in play: with a language chosen, with that language's only; otherwise with
every configuration, each matched only against pieces of its languages. A piece is ranked
and highlighted with its own language's query, so an English piece ranks and matches exactly
as it would in an English-only search.

Elsewhere (SQLite in development and tests) a plain fallback: every word must appear in the
title, dek or body text (case-insensitive, tags ignored; "-word" excludes), and title matches
rank first.

Snippets are built from text the database returns, so they are escaped here and only the
<mark> elements we add ourselves are live markup.
"""

import html
import re

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import BooleanField, Case, Expression, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, Concat, Left, Replace
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from publications.segmentation import SEGMENTED_LANGUAGES, has_han, segment_query

MAX_QUERY_LENGTH = 200  # the header's search box has maxlength=200 too
MAX_WORDS = 12  # more words than this only lengthen the fallback's SQL, not its precision
EXPERTS_SHOWN = 6
MAX_RANKED = 500  # PostgreSQL: matches ranked per query, newest first; a count this high reads "500+"
SNIPPET_WORDS = 35
SNIPPET_SOURCE_CHARACTERS = 3000  # PostgreSQL: the snippet is cut from this much of the dek and body
SNIPPET_CHARACTERS = 90  # a snippet of Chinese (no spaces to count words by) is about this long
# PostgreSQL's text-search configuration for each content language; the others (and Chinese,
# after segmentation) are parsed with 'simple': lower-cased words, no stemming. Migration 0010's
# trigger holds the same mapping (tests/publications/test_search_languages.py checks they agree).
SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "ru": "russian",
    "tr": "turkish",
    "ar": "arabic",
}
DEFAULT_CONFIG = "simple"

# Private-use characters mark the highlighted words in database output. They cannot come
# from readers' text: they are removed from the source text before the headline is built.
START_MARK, STOP_MARK = "\ue000", "\ue001"
_UNWANTED_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+")

# Ties in rank (and the fallback's rank) go to the newest piece.
NEWEST_FIRST = (F("publication_date").desc(nulls_last=True), F("created_at").desc(), F("pk").desc())


def normalize_query(raw: str | None) -> tuple[str, bool]:
    """Return the query as it will be searched and whether it had to be shortened.

    Control characters go, whitespace collapses, and anything past MAX_QUERY_LENGTH is cut
    at a word boundary where there is one.
    """
    text = " ".join(_UNWANTED_CHARACTERS.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut and not text[MAX_QUERY_LENGTH].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.strip(), True


def query_words(q: str, *, excluded: bool = False) -> list[str]:
    """The words the fallback and the expert search look for, lower-cased, without repeats.

    Words of a term written with a leading minus ("-nuclear") are left out, as web search
    syntax asks; `excluded=True` returns those instead.
    """
    words = []
    for term in q.lower().split():
        if (len(term) > 1 and term.startswith("-")) != excluded:
            continue
        for word in _WORD.findall(term):
            if word not in words:
                words.append(word)
    return words[:MAX_WORDS]


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_config(language: str) -> str:
    """The text-search configuration a piece in `language` is parsed with."""
    return SEARCH_CONFIGS.get(language, DEFAULT_CONFIG)


def matching_publications(queryset: QuerySet, q: str, *, language: str | None = None) -> QuerySet:
    """Return `queryset` narrowed to pieces matching `q`, best first, then newest.

    `language` (a content language code) keeps pieces in that language only and parses `q`
    with its configuration; None searches every language. Each row carries `rank` and either
    `headline`: the dek and body text around the matches, START_MARK/STOP_MARK around matched
    words, or for Chinese the dek and body opening for `attach_snippets` to mark. No query runs here.
    """
    if language is not None:
        queryset = queryset.filter(language=language)
    if uses_full_text_search():
        return _full_text(queryset, q, language=language)
    return _fallback(queryset, q)


def _configs(language: str | None) -> dict[str, list[str]]:
    """The configurations in play, each with the content languages parsed with it."""
    codes = [language] if language is not None else [code for code, _name in settings.CONTENT_LANGUAGES]
    configs: dict[str, list[str]] = {}
    for code in codes:
        configs.setdefault(search_config(code), []).append(code)
    return configs


def _parsed(q: str, config: str) -> SearchQuery:
    # Chinese pieces' words were cut apart on save; the query's are cut the same way.
    text = segment_query(q) if config == DEFAULT_CONFIG and has_han(q) else q
    return SearchQuery(text, search_type="websearch", config=config)


def _per_row(configs: dict[str, list[str]], values: dict[str, object], output_field):
    """An expression: each row's value for its language's configuration."""
    if len(configs) == 1:
        return values[next(iter(configs))]
    whens = [When(language__in=codes, then=values[config]) for config, codes in configs.items()]
    return Case(*whens, default=values.get(DEFAULT_CONFIG, next(iter(values.values()))), output_field=output_field)


class _Matches(Func):
    """vector @@ query, as a condition."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _InLanguages(Expression):
    """A parse of the query, matched only in pieces of `codes`: query && their language lexemes.

    The trigger adds 'lang <code>' to every vector. An empty parse (stop words only) stays
    empty rather than matching every piece of the language. PostgreSQL folds all of it into one
    constant tsquery before planning, so it estimates each language's share from the index.
    """

    output_field = SearchQueryField()

    def __init__(self, query, codes):
        super().__init__()
        self.query = query
        self.lexemes = " | ".join(f"'lang {code}'" for code in codes)

    def get_source_expressions(self):
        return [self.query]

    def set_source_expressions(self, exprs):
        (self.query,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.query)
        return (
            f"(CASE WHEN numnode({sql}) = 0 THEN {sql} ELSE ({sql}) && %s::tsquery END)",
            (*params, *params, *params, self.lexemes),
        )


class _AnyOf(Func):
    """query || query || …: a piece matches when any of them does."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = SearchQueryField()


def _full_text(queryset: QuerySet, q: str, *, language: str | None) -> QuerySet:
    configs = _configs(language)
    queries = {config: _parsed(q, config) for config in configs}
    own_query = _per_row(configs, queries, SearchQueryField())
    # One tsquery: each configuration's parse AND-ed with its languages' lexemes, OR-ed. One GIN
    # scan answers it exactly (no vector is read again on the table) and PostgreSQL estimates
    # each language's share right, so a common word still walks the newest-first index.
    # Rejected: a CASE on the language (no index); an OR of (language IN … AND vector @@ …)
    # (a BitmapOr, but the table filter reads every candidate's vector again: 23 against 3 ms
    # for "arms control" on 100k pieces); the parses OR-ed without the lexemes (another
    # language's parse matches, or fails to exclude, a piece, and the planner sums eight copies
    # of each word's estimate: a 17 s scan for a rare word).
    matches = _AnyOf(*(_InLanguages(queries[config], codes) for config, codes in configs.items()))
    # Ranking every match of a common word (most of 100,000 pieces) reads every stored vector;
    # the newest MAX_RANKED matches are ranked instead, which is what readers page through.
    candidates = (
        queryset.filter(_Matches(F("search_vector"), matches)).order_by(*NEWEST_FIRST).values("pk")[:MAX_RANKED]
    )
    segmented = Q(language__in=SEGMENTED_LANGUAGES)
    return (
        queryset.model.objects.filter(pk__in=candidates)
        .annotate(
            rank=SearchRank(F("search_vector"), own_query),
            # One expression, so that PostgreSQL evaluates it only for the rows of the page: it
            # postpones a column past the sort when the column looks costly, which ts_headline
            # does and the Chinese branch's regexp_replace alone does not. As two columns, the
            # Chinese one was computed for all MAX_RANKED candidates (69 against 20 ms a page).
            headline=Case(
                # Chinese text has no spaces for ts_headline to find words by: marked in Python.
                When(segmented, then=_headline_source()),
                default=SearchHeadline(
                    _headline_source(),
                    own_query,
                    config=_per_row(configs, {config: Value(config) for config in configs}, TextField()),
                    start_sel=START_MARK,
                    stop_sel=STOP_MARK,
                    max_words=SNIPPET_WORDS,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
                output_field=TextField(),
            ),
        )
        .order_by("-rank", *NEWEST_FIRST)
    )


def _headline_source():
    """Dek and body as one HTML text: the dek escaped, the body's tags dropped, marks removed.

    Entities stay encoded for ts_headline: decoded, a body's "&lt;script&gt;" would read as a
    <script> element and hide every following word. `attach_snippets` decodes the result.
    """
    dek = Coalesce(F("dek"), _text(""))
    for character, entity in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")]:
        dek = Replace(dek, _text(character), _text(entity))
    body = Func(
        F("body"), _text("<[^>]*>"), _text(" "), _text("g"), function="regexp_replace", output_field=TextField()
    )
    # ts_headline parses all the text it is given: the snippet comes from the dek and the
    # opening of the body (about 500 words), which costs a fifth of the whole body (8 against
    # 44 ms for a page of 20 results on the 100k corpus). A word found only further down still
    # ranks the piece; its snippet then shows the opening.
    text = Left(Concat(dek, _text(" \n "), body, output_field=TextField()), SNIPPET_SOURCE_CHARACTERS)
    return Replace(Replace(text, _text(START_MARK), _text("")), _text(STOP_MARK), _text(""))


def _text(value: str) -> Value:
    return Value(value, output_field=TextField())


def _fallback(queryset: QuerySet, q: str) -> QuerySet:
    words = query_words(q)
    if not words:
        return queryset.none()
    matches_all = Q()
    rank = Value(0.0)
    for word in words:
        pattern = re.escape(word)
        in_title, in_dek = Q(title__iregex=pattern), Q(dek__iregex=pattern)
        # Only text between tags counts: "strong" must not find every piece with bold text.
        in_body = Q(body__iregex=rf"(^|>)[^<]*{pattern}")
        matches_all &= in_title | in_dek | in_body
        # The same weights PostgreSQL gives A, B and C, so the two orders agree.
        rank = rank + Case(
            When(in_title, then=Value(1.0)),
            When(in_dek, then=Value(0.4)),
            default=Value(0.2),
            output_field=FloatField(),
        )
    for word in query_words(q, excluded=True):
        pattern = re.escape(word)
        matches_all &= ~Q(title__iregex=pattern) & ~Q(dek__iregex=pattern) & ~Q(body__iregex=rf"(^|>)[^<]*{pattern}")
    return (
        queryset.filter(matches_all)
        .annotate(rank=rank, headline_source_body=F("body"))
        .order_by("-rank", *NEWEST_FIRST)
    )


def attach_snippets(publications, q: str) -> None:
    """Set `publication.snippet` (safe HTML with <mark>s) on each row of a results page. No query."""
    words = query_words(q)
    for publication in publications:
        headline = getattr(publication, "headline", None)
        if headline is not None and publication.language in SEGMENTED_LANGUAGES:
            # PostgreSQL, a Chinese piece: its dek and body opening, entities still encoded.
            text = _han_headline(html.unescape(headline), query_words(segment_query(q)))
        elif headline is not None:
            text = html.unescape(headline)
        else:
            source = f"{publication.dek}\n{_plain_text(getattr(publication, 'headline_source_body', ''))}"
            if publication.language in SEGMENTED_LANGUAGES:
                text = _han_headline(source, query_words(segment_query(q)))
            else:
                text = _python_headline(source, words)
        publication.snippet = highlighted(text)


def highlighted(text: str) -> SafeString:
    """Escape `text` completely, then turn the marks (and nothing else) into <mark> elements."""
    text = " ".join(_CONTROL_CHARACTERS.sub(" ", text).split())
    return mark_safe(escape(text).replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>"))


def _plain_text(body_html: str) -> str:
    return html.unescape(strip_tags(body_html or ""))


def _python_headline(text: str, words: list[str]) -> str:
    """The fallback's snippet: about SNIPPET_WORDS words around the first match, matches marked."""
    tokens = _UNWANTED_CHARACTERS.sub(" ", text).split()
    if not tokens or not words:
        return " ".join(tokens[:SNIPPET_WORDS])
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(0, min(first - 5, len(tokens) - SNIPPET_WORDS))
    window = tokens[start : start + SNIPPET_WORDS]
    marked = pattern.sub(lambda m: f"{START_MARK}{m.group(0)}{STOP_MARK}", " ".join(window))
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return f"{prefix}{marked}{suffix}"


def _han_headline(text: str, words: list[str]) -> str:
    """A snippet of text without spaces: about SNIPPET_CHARACTERS around the first match, matches marked."""
    text = " ".join(_UNWANTED_CHARACTERS.sub(" ", text).split())
    if not words:
        return text[:SNIPPET_CHARACTERS]
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, min((found.start() if found else 0) - SNIPPET_CHARACTERS // 4, len(text) - SNIPPET_CHARACTERS))
    window = text[start : start + SNIPPET_CHARACTERS]
    marked = pattern.sub(lambda m: f"{START_MARK}{m.group(0)}{STOP_MARK}", window)
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARACTERS < len(text) else ""
    return f"{prefix}{marked}{suffix}"


def matching_people(people: QuerySet, q: str) -> QuerySet:
    """Narrow `people` (public ones) to those whose name or short bio has every word of `q`.

    Case-insensitive `icontains` on both databases; people with every word in their name come
    first, then A–Z. No query runs here; callers slice to EXPERTS_SHOWN.
    """
    words = query_words(q)
    if not words:
        return people.none()
    in_name = Q()
    everywhere = Q()
    for word in words:
        in_name &= Q(name__icontains=word)
        everywhere &= Q(name__icontains=word) | Q(short_bio__icontains=word)
    return (
        people.filter(everywhere)
        .annotate(name_match=Case(When(in_name, then=Value(1)), default=Value(0)))
        .order_by("-name_match", "sort_name", "name", "pk")
    )
