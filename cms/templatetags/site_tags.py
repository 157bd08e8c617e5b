import html
import json

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from cms.kit.languages import open_graph_locale
from cms.kit.translations import localized as localize
from cms.kit.translations import localized_first

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the <script> tag.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data) -> str:
    """Render `data` as a schema.org JSON-LD script element, safe against `</script>` in any value."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def og_locale(language_code) -> str:
    """A language code as an Open Graph locale: "ar" → "ar_AR" (cms/kit/languages.py:open_graph_locale)."""
    return open_graph_locale(str(language_code or ""))


@register.filter
def plain_text(rich_text) -> str:
    """Rich text as the words readers see, entities decoded ("R&amp;D" → "R&D"), for meta tags.

    The result is plain text, escaped again where it is placed like any other string.
    """
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


@register.filter
def localized(row, field: str) -> str:
    """`{{ center|localized:"name" }}`: the row's `field` in the page's language, as HTML.

    A language without its translation shows the English value in `lang="en"` with a visible
    "(in English)" marker, never an empty place (cms/kit/translations.py). No query.
    """
    return localize(row, field).as_html()


@register.filter
def localized_text(row, field: str) -> str:
    """`{{ center|localized_text:"name" }}`: the same as plain text, for <title>, meta and attributes.

    A fallback ends with the marker in words ("Carnegie Europe (in English)").
    """
    return localize(row, field).as_text()


@register.filter
def localized_bio(person, order: str = "short_bio,bio") -> str:
    """A person's bio in the page's language, preferring the fields in `order` ("bio,short_bio").

    Plain text (a short bio) comes as a paragraph, rich text as stored; a fallback is marked.
    """
    value = localized_first(person, order.split(","))
    if value and not value.rich:
        return format_html('<p dir="auto">{}</p>', value.as_html())
    return value.as_html()


@register.filter
def web_url(value) -> str:
    """Return `value` if it is an http(s) address, else "": a stored `javascript:` URL never becomes a link.

    The admin validates URLs, but rows written by the importer or a script may not have been.
    """
    url = str(value or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


# --- Image renditions (cms/media/renditions.py) ---


@register.simple_tag
def rendition_set(image, spec):
    """`{% rendition_set image "card" as renditions %}`: the image's renditions, or None.

    Reads one small manifest; never writes and never queries. Until the renditions are made,
    `renditions.made` is False and they are the original file (cms/media/renditions.py).
    """
    from cms.media.renditions import find_renditions

    return find_renditions(image, spec)
