"""One allow-list for every rich-text field: what editors may store is what readers may see.

The allow-list is derived from the admin's editor (cms/editor.py): each profile's editor
extensions declare the HTML they produce, and the sanitizer lets through exactly that, so
everything the editor makes survives a save unchanged and nothing else does.

Sanitizing happens when a value is saved (admin, importer, demo content, bulk inserts), so
stored HTML is always safe to render and no template needs to clean it again.
"""

import html
import re

import nh3
from django.db import models

from cms.editor import BASIC, FULL, LINK_REL, URL_SCHEMES, RichTextWidget, allowlist


def sanitize_html(value: str, *, profile: str = FULL) -> str:
    """Return `value` with every tag, attribute, class and URL outside `profile`'s editor removed."""
    if not value:
        return ""
    rules = allowlist(profile)
    return nh3.clean(
        value.replace("\x00", ""),
        tags=rules["tags"],
        attributes=rules["attributes"],
        allowed_classes=rules.get("allowed_classes"),
        url_schemes=rules["url_schemes"],
        link_rel=LINK_REL,
        attribute_filter=_attribute_filter,
        strip_comments=True,
    ).strip()


# What a browser does to an address before it resolves it (WHATWG URL): drops tabs and newlines
# anywhere, C0 controls and spaces at either end, and reads "\" as "/" in web and relative
# addresses. So "/\evil.example", "/<tab>/evil.example" and " //evil.example" all mean
# "//evil.example": another site, though they look like a page of ours.
_TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = ("http", "https")


def explicit_url(value: str) -> str | None:
    """Return `value` as the address a browser would go to, written so that readers see where.

    An address that leaves the site while looking relative ("//evil.example/x",
    "/\\evil.example/x", tabs or backslashes in "https:/\\evil.example") becomes
    "https://evil.example/x"; other addresses are only cleaned of what browsers ignore. Returns
    None for an address whose scheme is not allowed once cleaned.
    """
    url = _TABS_AND_NEWLINES.sub("", value).strip("".join(map(chr, range(0x21))))
    scheme = _SCHEME.match(url)
    scheme_name = scheme.group(1).lower() if scheme else ""
    if scheme and scheme_name not in URL_SCHEMES:
        return None
    if scheme_name and scheme_name not in _WEB_SCHEMES:
        return url  # mailto: backslashes and slashes mean nothing special there
    # Backslashes count as slashes up to the query or fragment only.
    cut = min((at for at in (url.find("?"), url.find("#")) if at != -1), default=len(url))
    head, tail = url[:cut].replace("\\", "/"), url[cut:]
    if scheme_name:
        head = f"{scheme_name}://{head[len(scheme_name) + 1 :].lstrip('/')}"
    elif head.startswith("//"):
        head = f"https://{head.lstrip('/')}"
    return head + tail


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    # nh3 calls this after its scheme check, so explicit_url checks the scheme again.
    if attribute in {"href", "src"}:
        return explicit_url(value)
    return value


# Deeper than any editor's markup (a list in a list in a quote in a table cell is ~10 levels),
# and shallow enough that nh3's parser stays linear: it slows by the square of the depth of
# open elements (40,000 nested <div>s, 200 KB, took 11 s; see bench/writing_aids.py).
MAX_HTML_NESTING = 200
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
# Elements that never stay open around others: void ones, and those whose next sibling closes
# them (an unclosed <p> or <li> from a pasted document does not nest).
_FLAT = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption".split()
)


def too_deeply_nested(value: str, *, limit: int = MAX_HTML_NESTING) -> bool:
    """Whether `value`'s elements nest deeper than `limit`: one regex pass, no parsing."""
    depth = 0
    for match in _TAG.finditer(value or ""):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def paragraphs_to_html(text: str) -> str:
    """Turn plain text with one paragraph per line into escaped `<p>` paragraphs."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


class RichTextField(models.TextField):
    """A TextField of HTML, edited with the admin's editor and sanitized whenever it is saved.

    `profile` (cms.editor.FULL or BASIC) decides both the editor's toolbar and what is kept.
    It is left out of migrations: it changes no column.
    """

    def __init__(self, *args, profile: str = BASIC, **kwargs):
        self.profile = profile
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # The admin passes its plain textarea for every TextField; editors get the editor instead.
        if not isinstance(kwargs.get("widget"), RichTextWidget):
            kwargs["widget"] = RichTextWidget(profile=self.profile)
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        cleaned = sanitize_html(getattr(model_instance, self.attname) or "", profile=self.profile)
        setattr(model_instance, self.attname, cleaned)
        return cleaned

    def get_db_prep_save(self, value, connection):
        # QuerySet.update() and bulk_update() never call pre_save, but every write passes
        # here, so no write path (importer, script, data migration) can store unsafe HTML.
        if isinstance(value, str):
            value = sanitize_html(value, profile=self.profile)
        return super().get_db_prep_save(value, connection)
