"""Chinese word segmentation for search: Chinese is written without spaces between words.

PostgreSQL's text-search parser splits on spaces and punctuation, so "中国的外交政策正在改变"
would be one token and "外交" (diplomacy) would never match it. Debian ships no PostgreSQL
segmenter (no zhparser, no pg_jieba for PostgreSQL 15), so pieces in a segmented language are
cut into words here with jieba (the most used Chinese segmenter, its dictionary inside the
package) and stored, space-separated, in `Publication.search_words`; the search trigger
(migration 0010) builds their 'simple' vector from that column instead of the raw text.

The index side uses jieba's search mode, which also emits the shorter words inside a long one
("外交政策" gives 外交, 政策 and 外交政策), so a reader's shorter word finds a longer one; the
query side uses the precise mode, so a query word is one dictionary word. Only runs of Han
characters are cut: Latin words, numbers and punctuation pass through unchanged, and so does
web-search syntax in a query (quotes, a leading minus).
"""

from __future__ import annotations

import functools
import html
import logging
import re

from django.db import models
from django.utils.html import strip_tags

# Languages whose pieces are segmented (a key of settings.CONTENT_LANGUAGES).
SEGMENTED_LANGUAGES = frozenset({"zh-hans"})
# Separates the title's, the dek's and the body's words in the column: the trigger weighs them
# A, B and C like the other languages' fields. A control character never left in the text.
FIELD_SEPARATOR = "\x1e"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]+")


@functools.cache
def _tokenizer():
    import jieba

    # jieba reports loading its dictionary (about a second, once per process) at INFO level.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def has_han(text: str) -> bool:
    return _HAN_RUN.search(text) is not None


def segment_text(text: str) -> str:
    """`text` with every run of Han characters cut into words (search mode), space-separated."""
    return _HAN_RUN.sub(lambda run: f" {' '.join(_tokenizer().cut_for_search(run.group(0)))} ", text)


def segment_query(q: str) -> str:
    """A reader's query with Han runs cut into words (precise mode), web-search syntax kept.

    Words of one run are each required, like words the reader separated by spaces. A run
    that follows a minus becomes a quoted phrase, so the minus leaves out the whole run and not
    only its first word.
    """

    def cut(run: re.Match) -> str:
        words = [word for word in _tokenizer().cut(run.group(0)) if word.strip()]
        before, after = q[run.start() - 1 : run.start()], q[run.end() : run.end() + 1]
        text = " ".join(words)
        if before == "-" and len(words) > 1:
            text = f'"{text}"'
        # Apart from a neighbouring Latin word or number, as the reader would have typed it.
        return f"{' ' if before.isalnum() else ''}{text}{' ' if after.isalnum() else ''}"

    if not has_han(q):
        return q
    return " ".join(_HAN_RUN.sub(cut, q).split())


def search_words(*, language: str, title: str, dek: str, body: str) -> str:
    """What `Publication.search_words` holds: the segmented title, dek and body text, or ""."""
    if language not in SEGMENTED_LANGUAGES:
        return ""
    body_text = html.unescape(strip_tags(body or ""))
    parts = [title or "", dek or "", body_text]
    return FIELD_SEPARATOR.join(" ".join(segment_text(part.replace(FIELD_SEPARATOR, " ")).split()) for part in parts)


def search_words_of(publication) -> str:
    return search_words(
        language=publication.language, title=publication.title, dek=publication.dek, body=publication.body
    )


class SearchWordsField(models.TextField):
    """A publication's segmented words, filled on every save and bulk_create (pre_save), never edited.

    QuerySet.update() and bulk_update() skip pre_save: a write path that changes the text
    that way sets the column itself with `search_words_of` (the legacy import, the demo seed).
    Segmenting runs no query.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = search_words_of(model_instance)
        setattr(model_instance, self.attname, value)
        return value
