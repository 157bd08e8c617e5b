"""A row's words in the reader's language: names, descriptions, title lines and bios given per language.

Rows keep their English text in their own columns and the other languages in a `translations`
JSON column (`cms.richtext.translations.TranslationsField`): `{"ar": {"name": "…", "bio": "…"}}`,
one entry per language of settings.LANGUAGES other than English. The JSON rides on the row a
page already loads, so reading a translation runs no query.

`localized(row, "name")` is the one lookup: the value in the active language, else the English
value marked as a fallback. Pages show a fallback wrapped in `lang="en"` with a visible marker
(`as_html`, the `localized` template filter), never an empty place; plain-text places (page
titles, meta, <option>) add the marker in words (`as_text`, the `localized_text` filter).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def source_language() -> str:
    """The language of the rows' own columns (English): it never needs a translation."""
    return settings.LANGUAGE_CODE


def translation_languages() -> list[tuple[str, str]]:
    """(code, English name) of every interface language a row can be translated into, in settings order."""
    return [(code, name) for code, name in settings.LANGUAGES if code != source_language()]


def language_name(code: str) -> str:
    """The language's English name from settings.LANGUAGES (the code itself for an unknown one)."""
    return dict(settings.LANGUAGES).get(code, code)


@dataclass(frozen=True)
class Localized:
    """One value as a page in some language shows it."""

    value: str
    fallback: bool  # the language has no translation: `value` is the English text
    rich: bool = False  # `value` is sanitized HTML (a description, a bio), not plain text

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)

    def as_html(self) -> SafeString:
        """The value for a page: escaped (rich text as stored), a fallback in `lang="en"` and marked.

        Inline values (names, title lines) become a span; rich text becomes a div followed by
        the marker, so a description's paragraphs never land inside a span.
        """
        body = mark_safe(self.value) if self.rich else conditional_escape(self.value)
        if not self.fallback:
            return body
        if self.rich:
            return format_html(
                '<div class="lang-fallback" lang="{}" dir="ltr">{}</div><p class="lang-fallback__mark">{}</p>',
                source_language(),
                body,
                fallback_marker(),
            )
        return format_html(
            '<span class="lang-fallback"><span lang="{}" dir="ltr">{}</span> <span class="lang-fallback__mark">{}</span></span>',
            source_language(),
            body,
            fallback_marker(),
        )

    def as_text(self) -> str:
        """The value as plain text (rich text is not stripped here), with the marker in words when a fallback."""
        return f"{self.value} {fallback_marker()}" if self.fallback else self.value


def fallback_marker() -> str:
    """The words that mark an English value on a page in another language, in that language."""
    return gettext("(in English)")


def translated_value(row, field: str, language: str | None = None) -> str:
    """The row's own translation of `field` into `language` (default: the active one), or ""."""
    language = language or translation.get_language() or source_language()
    entry = (getattr(row, "translations", None) or {}).get(language)
    value = entry.get(field) if isinstance(entry, dict) else None
    return value.strip() if isinstance(value, str) else ""


def localized(row, field: str, *, english: str | None = None, language: str | None = None) -> Localized:
    """Return `field` of `row` in `language` (default: the active one), else its English value marked.

    `english` is the English value when it is not the attribute of that name. Whether the value
    is rich text is the row's translations field's to say (`rich_fields`). No query:
    `translations` is a column of the row (a person's English title line reads their prefetched
    affiliations).
    """
    source = getattr(row, field, "") if english is None else english
    return localized_from(
        source,
        getattr(row, "translations", None),
        field,
        rich=field in rich_fields(row),
        language=language,
    )


def localized_from(
    english: str | None, translations, field: str, *, rich: bool = False, language: str | None = None
) -> Localized:
    """The same from the English value and the translations themselves (a `values_list` row's).

    An empty English value is never a fallback: there is nothing to show in any language.
    """
    language = language or translation.get_language() or source_language()
    source = english or ""
    if language == source_language():
        return Localized(source, fallback=False, rich=rich)
    entry = (translations if isinstance(translations, dict) else {}).get(language)
    value = entry.get(field) if isinstance(entry, dict) else None
    if isinstance(value, str) and value.strip():
        return Localized(value.strip(), fallback=False, rich=rich)
    return Localized(source, fallback=bool(source.strip()), rich=rich)


def localized_first(row, fields, *, language: str | None = None) -> Localized:
    """The first of `fields` given in the language, else the first with an English value (marked).

    A bio shown where a short one is preferred: the translated short bio, else the translated
    full bio, else the English short bio, else the English full bio.
    """
    values = [localized(row, field, language=language) for field in fields]
    given = [value for value in values if value and not value.fallback] or [value for value in values if value]
    return given[0] if given else values[0]


def rich_fields(row) -> tuple[str, ...]:
    """The names of the row's translated fields that hold rich text (from its `translations` field)."""
    try:
        field = type(row)._meta.get_field("translations")
    except (AttributeError, FieldDoesNotExist):  # not a model, or a model without translations
        return ()
    return tuple(getattr(field, "rich_fields", ()))
