"""What "no live markup, no executable URL" means, checked the way a browser would parse a page."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

# Elements that run code, embed documents, or change how the rest of the page is read. None of
# them is ever part of our own pages, so any occurrence came from content.
FORBIDDEN_TAGS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "style",
    "base",
    "template",
    "noscript",
    "xss",
    "isindex",
    "mglyph",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "cite"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
EXECUTABLE_SCHEMES = ("javascript:", "vbscript:", "data:")


def is_executable_url(value: str) -> bool:
    """True when a browser would treat `value` (already entity-decoded) as a script or document URL."""
    return _INVISIBLE.sub("", value or "").lower().startswith(EXECUTABLE_SCHEMES)


class _LiveMarkupFinder(HTMLParser):
    def __init__(self, nonce: str = "", allowed: frozenset = frozenset()):
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.forbidden = FORBIDDEN_TAGS - set(allowed)
        self.problems: list[str] = []
        self.body_tags = 0
        self.structured_data: list = []
        self._json_buffer: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.forbidden:
            self.problems.append(f"<{tag}> element")
        if tag == "body":
            self.body_tags += 1
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            if kind == "application/ld+json":
                self._json_buffer = []
            elif kind == "application/json":
                pass  # a json_script data block: never executed
            elif self.nonce and attributes.get("nonce") == self.nonce:
                pass  # ours: content cannot know this request's nonce
            elif not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append(f"inline <script {attrs}>")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append(f"<meta http-equiv={attributes['http-equiv']!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            elif name == "style":
                self.problems.append(f"<{tag} style=…> inline style")
            elif (name in URL_ATTRIBUTES and is_executable_url(value or "")) or (
                name in {"srcset", "imagesrcset"}
                and any(is_executable_url(candidate.strip()) for candidate in (value or "").split(","))
            ):
                self.problems.append(f"<{tag} {name}={value!r}> executable URL")

    def handle_data(self, data):
        if self._json_buffer is not None:
            self._json_buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._json_buffer is not None:
            text = "".join(self._json_buffer)
            self._json_buffer = None
            try:
                self.structured_data.append(json.loads(text))
            except ValueError:
                self.problems.append(f"JSON-LD that is not JSON (broken out of?): {text[:80]!r}")


def live_markup(html: str, *, fragment: bool = False, nonce: str = "", allowed=frozenset()) -> list[str]:
    """Return what in `html` would run script or load a document; empty when the page is inert.

    `nonce` is the response's CSP nonce: scripts carrying it are the page's own. `allowed`
    names elements the page itself uses (the admin's inline <svg> icons).
    """
    finder = _LiveMarkupFinder(nonce, frozenset(allowed))
    finder.feed(html)
    finder.close()
    if not fragment and finder.body_tags != 1:
        finder.problems.append(f"{finder.body_tags} <body> elements")
    return finder.problems


def structured_data(html: str) -> list:
    """Return the parsed JSON-LD blocks of a page."""
    finder = _LiveMarkupFinder()
    finder.feed(html)
    return finder.structured_data


class _TextCollector(HTMLParser):
    def __init__(self, element_id):
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.element_id:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    """Return the text a reader sees in the element with this id (entities decoded)."""
    collector = _TextCollector(element_id)
    collector.feed(html)
    return "".join(collector.parts)


def feed_problems(xml: bytes) -> list[str]:
    """Return why a feed is unsafe: not XML, or an HTML-bearing element carries live markup.

    RSS titles and descriptions are commonly rendered as HTML by readers, as are Atom elements
    of type="html"; their decoded text must be inert HTML.
    """
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        return [f"feed is not XML: {error}"]
    problems = []
    atom = "{http://www.w3.org/2005/Atom}"
    for element in root.iter():
        html_bearing = element.tag in {"title", "description"} or (
            element.tag.startswith(atom) and element.get("type") == "html"
        )
        if html_bearing and element.text:
            problems += [f"<{element.tag}>: {p}" for p in live_markup(element.text, fragment=True)]
        for name in ("href", "src"):
            if is_executable_url(element.get(name, "")):
                problems.append(f"<{element.tag} {name}> executable URL")
        if (
            element.tag in {"link", f"{atom}id", "guid", "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"}
            and element.text
            and is_executable_url(element.text)
        ):
            problems.append(f"<{element.tag}> executable URL")
    return problems


_NONCE = re.compile(r"'nonce-([^']+)'")


def response_nonce(response) -> str:
    """Return the CSP nonce a response's header grants, or ""."""
    found = _NONCE.search(response.get("Content-Security-Policy", ""))
    return found.group(1) if found else ""
