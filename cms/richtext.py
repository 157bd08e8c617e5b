"""One allow-list for every rich-text field: what editors may store is what readers may see.

Sanitizing happens when a value is saved (admin, importer, demo content, bulk inserts), so
stored HTML is always safe to render and no template needs to clean it again.
"""

import html

import nh3
from django.db import models

ALLOWED_TAGS = {
    "p", "br", "hr",
    "h2", "h3", "h4",
    "strong", "em", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q",
    "a",
    "ul", "ol", "li",
    "blockquote", "aside", "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "aside": {"class"},
    "*": {"lang", "dir"},
}
# Relative URLs are allowed by nh3 as well; anything else (javascript:, data:, vbscript:) is dropped.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(value: str) -> str:
    """Return `value` with every tag, attribute and URL outside the allow-list removed."""
    if not value:
        return ""
    return nh3.clean(
        value.replace("\x00", ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def paragraphs_to_html(text: str) -> str:
    """Turn plain text with one paragraph per line into escaped `<p>` paragraphs."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


class RichTextField(models.TextField):
    """A TextField of HTML that is sanitized with the site's allow-list whenever it is saved."""

    def pre_save(self, model_instance, add):
        cleaned = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, cleaned)
        return cleaned
