"""The interface's languages (settings.LANGUAGES) and their addresses: /ar/…, /zh-hans/…, /ru/…, English bare.

The address alone says which language a public page speaks (cms/middleware.py:LanguageFromAddressMiddleware),
so a page at one path is always the same page: the page cache keys by path and needs nothing else.
These helpers turn an address in one language into the same address in another, for the switcher
every page carries (`language_alternates`) and for the old site's `?lang=ar` links.
"""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation


class Alternate(NamedTuple):
    """One entry of the language switcher: the language, its name in itself, and the page in it.

    A plain (code, name, url) tuple does as well: base.html unpacks the three.
    """

    code: str
    name: str
    url: str


def default_language() -> str:
    return settings.LANGUAGE_CODE


def language_of_path(path: str) -> str | None:
    """The language a path's prefix names ("/ar/…" -> "ar"), or None for an unprefixed (English) path."""
    code = translation.get_language_from_path(path)
    if code is None or code == default_language():
        return None
    prefix = f"/{code}/"
    # get_language_from_path is lenient ("/zh/" gives zh-hans): only the exact prefix is an address.
    return code if path.startswith(prefix) or path == prefix.rstrip("/") else None


def supported_language(tag: str) -> str | None:
    """The interface language for a tag a link may carry ("ar", "zh-CN", "RU"), or None."""
    try:
        return translation.get_supported_language_variant(tag.strip().lower().replace("_", "-"))
    except LookupError:
        return None


def language_tag(code: str) -> str:
    """The BCP 47 tag of a Django language code, as feeds and schema.org write it: "zh-hans" -> "zh-Hans"."""
    return translation.to_locale(code).replace("_", "-")


def open_graph_locale(code: str) -> str:
    """The Open Graph locale (language_TERRITORY) of a language code: "ar" -> "ar_AR", "zh-hans" -> "zh_CN".

    Open Graph readers (Facebook's list) know a locale per language: settings.OPEN_GRAPH_LOCALES
    names it for each content language; a language missing there gets its bare locale ("fr").
    """
    return getattr(settings, "OPEN_GRAPH_LOCALES", {}).get(code) or translation.to_locale(code)


def path_in_language(path: str, code: str) -> str:
    """`path` (without the script prefix) as it reads in language `code`."""
    current = language_of_path(path)
    bare = path[len(current) + 1 :] if current else path
    bare = bare or "/"
    return bare if code == default_language() else f"/{code}{bare}"


def address_in_language(path: str, code: str) -> str | None:
    """The address of this page in language `code`, or None when the page has no such address (the admin)."""
    target = path_in_language(path, code)
    with translation.override(code):
        if not is_valid_path(target):
            return None
    return f"{get_script_prefix().rstrip('/')}{target}"


def alternates_for(path: str) -> list[Alternate]:
    """Every interface language with this page's address in it (the switcher's entries), in settings order."""
    alternates = []
    for code, _english_name in settings.LANGUAGES:
        url = address_in_language(path, code)
        if url is not None:
            name = translation.get_language_info(code)["name_local"]
            alternates.append(Alternate(code, name, url))
    return alternates


def language_alternates(request):
    """Context processor: `language_alternates`, the switcher's entries for the page being shown.

    A view that knows better (a work's page linking to its editions in other languages) puts its
    own list of Alternate (or (code, name, url) tuples) in its context under the same name, which wins
    over this one; the entry for the page's own language is shown as the current one.
    """

    def alternates():
        return alternates_for(request.path_info)

    return {"language_alternates": alternates}
