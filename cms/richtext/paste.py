"""Clean HTML pasted from Word, Google Docs or web pages into what the editor keeps.

Editors paste drafts written elsewhere. What survives: paragraphs, headings (h1–h3 become
h2–h4, since the page title is the only h1), bulleted and numbered lists with their nesting,
links (http, https, mailto and site paths), bold and italic; Word footnotes become notes.
What goes: fonts, colours, sizes, spans, classes, styles, images, tables (their text stays),
comments and their anchors, tracked deletions (insertions are kept as text), bookmarks and
in-document anchors, Office XML and conditional comments.

Word does not paste lists as lists: each item is a paragraph with an `mso-list` style and a
typed marker ("1.", "·") inside a conditional section; Google Docs wraps everything in a
`<b style="font-weight:normal">` and marks bold and italic with inline styles. Both are
handled here. The editor sends the clipboard's HTML to `cms.richtext.views.paste` and pastes what
this returns; the result is also sanitized, like anything saved.

Over 400 lines on purpose: one walk over the pasted tree, with the rules for Word, Google Docs
and web pages side by side, since one paste often mixes them (a Word table copied through a browser).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from cms.richtext.editor import FULL, URL_SCHEMES

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Dropped with everything inside them.
DROPPED = {
    "head",
    "title",
    "style",
    "script",
    "meta",
    "link",
    "xml",
    "template",
    "noscript",
    "svg",
    "math",
    "object",
    "embed",
    "iframe",
    "video",
    "audio",
    "canvas",
    "del",
    "button",
    "input",
    "select",
    "textarea",
    "img",
    "picture",
    "map",
}
DROPPED_CLASSES = {"msodel", "msocomanchor", "msocomtxt", "msocommentreference", "msocomoff"}
DROPPED_ELEMENTS = {
    "comment-list",
    "comment",
    "footnote-list",
    "endnote-list",
    "endnote",
    "footnote",
    "header",
    "footer",
}
BLOCKS = {
    "p",
    "div",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "center",
    "address",
    "pre",
    "hr",
    "body",
    "html",
    "form",
    "fieldset",
}
HEADING_LEVELS = {"h1": 2, "h2": 3, "h3": 4, "h4": 4, "h5": 4, "h6": 4}
CLOSES_PARAGRAPH = BLOCKS | {"li", "ul", "ol", *HEADING_LEVELS}
# Conditional sections Word wraps around list markers, comment anchors and footnote marks.
HIDDEN_SECTIONS = re.compile(
    r"^\[?if !(supportLists|supportAnnotations|supportFootnotes|supportEndnotes|vml)\]?$", re.I
)
SECTION_END = re.compile(r"^\[?endif\]?$", re.I)
MSO_LIST = re.compile(r"mso-list\s*:\s*(l\d+)\s+level(\d+)", re.I)
ORDERED_MARKER = re.compile(r"^\(?([0-9]{1,3}|[a-z]|[ivxlcdm]{1,6})[.)]$", re.I)
WHITESPACE = re.compile(r"[\s\u00a0\u200b]+")
FOOTNOTE_REF = re.compile(r"#_(ftn|edn)(\d+)$")
# Deeper elements are flattened into their ancestor at this depth (their text is kept): the
# tree is walked recursively, and no document an editor pastes nests anywhere near this far.
MAX_DEPTH = 100


# --- A forgiving tree of the clipboard's HTML ---------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)

    def style(self) -> dict[str, str]:
        if "_style" in self.__dict__:
            return self.__dict__["_style"]
        rules = self.__dict__["_style"] = {}
        for declaration in self.attrs.get("style", "").split(";"):
            name, _, value = declaration.partition(":")
            if value:
                rules[name.strip().lower()] = value.strip().lower()
        return rules

    def classes(self) -> set[str]:
        return {name.lower() for name in self.attrs.get("class", "").split()}

    def text(self) -> str:
        return "".join(
            child if isinstance(child, str) else child.text()
            for child in self.children
            if not isinstance(child, Marker)
        )


@dataclass
class Marker:
    """A comment or a <![if …]> section mark; only Word's section marks matter."""

    data: str


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if len(self.stack) > MAX_DEPTH and tag.lower() not in VOID:
            return
        element = Element(tag.lower(), {name.lower(): value or "" for name, value in attrs})
        if element.tag in CLOSES_PARAGRAPH and self.stack[-1].tag == "p":
            self.stack.pop()  # a block closes an open paragraph, as browsers do
        if element.tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        self.stack[-1].children.append(element)
        if element.tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag.lower(), {name.lower(): value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        tag = tag.lower()
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        self.stack[-1].children.append(Marker(data.strip()))

    def unknown_decl(self, data):
        self.stack[-1].children.append(Marker(data.strip()))


def _parse(source: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return builder.root


# --- What the editor keeps ----------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass
class Run:
    text: str
    style: Style


@dataclass
class Note:
    text: str


class Break:
    pass


@dataclass
class Block:
    tag: str  # p, h2, h3, h4
    inline: list


@dataclass
class List:
    tag: str  # ul, ol
    items: list[list] = field(default_factory=list)  # each item: a list of blocks


def link_target(href: str) -> str | None:
    """Return the address a pasted link should keep, or None to keep only its text.

    Same schemes as the sanitizer; anchors within the source document (#_Toc…, #_ftn1) mean
    nothing on our page. Google's redirect wrapper is unwrapped.
    """
    href = WHITESPACE.sub("", href or "")
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(href)
    if parts.netloc in {"www.google.com", "google.com"} and parts.path == "/url":
        target = parse_qs(parts.query).get("q", [""])[0]
        return link_target(target) if target and not target.startswith("/") else None
    scheme = parts.scheme.lower()
    if scheme and scheme not in URL_SCHEMES:
        return None
    return href


class _Container:
    """Collects the blocks of one container (the document, a list item) as it is walked."""

    def __init__(self):
        self.blocks: list = []
        self.inline: list = []
        self.word_lists: list[tuple[int, List]] = []  # open Word lists: (level, list), outermost first

    def has_text(self, inline) -> bool:
        return any(isinstance(item, Note) or (isinstance(item, Run) and item.text.strip()) for item in inline)

    def flush(self) -> None:
        if self.has_text(self.inline):
            self.close_word_lists()
            self.blocks.append(Block("p", self.inline))
        self.inline = []

    def add_block(self, block) -> None:
        self.flush()
        self.close_word_lists()
        if not isinstance(block, Block) or self.has_text(block.inline):
            self.blocks.append(block)

    def close_word_lists(self) -> None:
        self.word_lists = []

    def add_word_list_item(self, level: int, tag: str, inline: list) -> None:
        """Place one Word list paragraph: a new item, a nested list, or a new list."""
        self.flush()
        if not self.has_text(inline):
            return
        while self.word_lists and self.word_lists[-1][0] > level:
            self.word_lists.pop()
        if self.word_lists and self.word_lists[-1][0] == level and self.word_lists[-1][1].tag != tag:
            self.word_lists.pop()
        if self.word_lists and self.word_lists[-1][0] == level:
            self.word_lists[-1][1].items.append([Block("p", inline)])
            return
        new = List(tag, [[Block("p", inline)]])
        if self.word_lists:
            self.word_lists[-1][1].items[-1].append(new)
        else:
            self.blocks.append(new)
        self.word_lists.append((level, new))


class _Converter:
    def __init__(self, root: Element):
        self.footnotes = self._footnotes(root)
        self.hidden = False  # inside one of Word's conditional sections
        self.marker: list[str] = []  # the text Word typed as a list marker

    def convert(self, root: Element) -> list:
        out = _Container()
        self.walk_children(root, out, Style(), in_heading=False)
        out.flush()
        return out.blocks

    def _footnotes(self, root: Element) -> dict[str, str]:
        """Word's footnote texts by number ("ftn1"), without their own back-reference."""
        notes = {}

        def visit(element):
            for child in element.children:
                if not isinstance(child, Element):
                    continue
                kind = child.style().get("mso-element")
                if kind in {"footnote", "endnote"} and child.attrs.get("id"):
                    notes[child.attrs["id"].lower()] = WHITESPACE.sub(" ", self._note_text(child)).strip()
                else:
                    visit(child)

        visit(root)
        return notes

    def _note_text(self, element: Element) -> str:
        parts = []
        for child in element.children:
            if isinstance(child, str):
                parts.append(child)
            elif isinstance(child, Element):
                if child.tag == "a" and "_ftnref" in child.attrs.get("href", "") + child.attrs.get("name", ""):
                    continue
                if child.tag == "a" and "_ednref" in child.attrs.get("href", "") + child.attrs.get("name", ""):
                    continue
                parts.append(self._note_text(child))
        return "".join(parts)

    def walk_children(self, element: Element, out: _Container, style: Style, *, in_heading: bool) -> None:
        for child in element.children:
            self.walk(child, out, style, in_heading=in_heading)

    def walk(self, node, out: _Container, style: Style, *, in_heading: bool) -> None:
        if isinstance(node, Marker):
            if HIDDEN_SECTIONS.match(node.data):
                self.hidden = True
            elif SECTION_END.match(node.data):
                self.hidden = False
            return
        if isinstance(node, str):
            if self.hidden:
                self.marker.append(node)
            elif node:
                out.inline.append(Run(node, style))
            return
        tag = node.tag
        if self.hidden:
            self.walk_children(node, out, style, in_heading=in_heading)
            return
        if self._dropped(node):
            return
        css = node.style()
        if css.get("mso-list", "").startswith("ignore"):
            self.marker.append(node.text())
            return
        if tag == "br":
            if out.has_text(out.inline):
                out.inline.append(Break())
            return
        if tag in HEADING_LEVELS:
            inner = self.inline_of(node, style, in_heading=True)
            out.add_block(Block(f"h{HEADING_LEVELS[tag]}", inner))
            return
        if tag == "p" and (word_list := MSO_LIST.search(node.attrs.get("style", ""))):
            self.marker = []
            inner = self.inline_of(node, style, in_heading=in_heading)
            marker = WHITESPACE.sub("", "".join(self.marker))
            list_tag = "ol" if ORDERED_MARKER.match(marker) else "ul"
            out.add_word_list_item(int(word_list.group(2)), list_tag, inner)
            return
        if tag in {"ul", "ol"}:
            out.add_block(self.list_of(node, style))
            return
        if tag == "li":  # an item outside any list: a paragraph
            out.flush()
            self.walk_children(node, out, style, in_heading=in_heading)
            out.flush()
            return
        if tag == "a":
            reference = FOOTNOTE_REF.search(node.attrs.get("href", ""))
            if reference:
                text = self.footnotes.get(f"{reference.group(1)}{reference.group(2)}")
                if text:
                    out.inline.append(Note(text))
                return
            target = link_target(node.attrs.get("href", ""))
            if target and not style.href:
                style = Style(style.bold, style.italic, target)
        style = self.styled(node, style, css, in_heading=in_heading)
        if tag in BLOCKS:
            out.flush()
            self.walk_children(node, out, style, in_heading=in_heading)
            out.flush()
            return
        self.walk_children(node, out, style, in_heading=in_heading)

    def _dropped(self, node: Element) -> bool:
        if node.tag in DROPPED or ":" in node.tag:  # o:p, w:…, v:… Office XML
            return True
        if node.classes() & DROPPED_CLASSES:
            return True
        return node.style().get("mso-element") in DROPPED_ELEMENTS

    def styled(self, node: Element, style: Style, css: dict, *, in_heading: bool) -> Style:
        bold, italic = style.bold, style.italic
        if node.tag in {"b", "strong"}:
            bold = True
        if node.tag in {"i", "em", "cite", "dfn", "var"}:
            italic = True
        weight = css.get("font-weight")
        if weight:
            bold = weight in {"bold", "bolder"} or (weight.isdigit() and int(weight) >= 600)
        if css.get("font-style"):
            italic = css["font-style"] in {"italic", "oblique"}
        # Headings are bold already; a bold heading would just be noise.
        return Style(bold and not in_heading, italic, style.href)

    def inline_of(self, node: Element, style: Style, *, in_heading: bool) -> list:
        """The inline content of a paragraph or heading, blocks inside it flattened."""
        inner = _Container()
        self.walk_children(
            node, inner, self.styled(node, style, node.style(), in_heading=in_heading), in_heading=in_heading
        )
        parts = []
        for block in inner.blocks:
            if isinstance(block, Block):
                parts.extend(block.inline)
                parts.append(Run(" ", Style()))
        return parts + inner.inline

    def list_of(self, node: Element, style: Style) -> List:
        result = List(node.tag)
        for child in node.children:
            if not isinstance(child, Element) or self._dropped(child):
                continue
            if child.tag == "li":
                item = _Container()
                self.walk_children(
                    child, item, self.styled(child, style, child.style(), in_heading=False), in_heading=False
                )
                item.flush()
                if item.blocks:
                    result.items.append(item.blocks)
            elif child.tag in {"ul", "ol"}:
                # Google Docs nests a list beside the item it belongs to, not inside it.
                nested = self.list_of(child, style)
                if not nested.items:
                    continue
                if result.items:
                    result.items[-1].append(nested)
                else:
                    result.items.append([nested])
        return result


# --- Serializing ---------------------------------------------------------------------------


def _inline_html(inline: list) -> str:
    # Collapse whitespace as a browser would, across runs, and trim the ends of the block.
    items: list = []
    for item in inline:
        if isinstance(item, Run):
            text = WHITESPACE.sub(" ", item.text)
            if items and isinstance(items[-1], Run) and items[-1].text.endswith(" ") and text.startswith(" "):
                text = text[1:]
            if not items and text.startswith(" "):
                text = text[1:]
            if text:
                items.append(Run(text, item.style))
        elif isinstance(item, Break):
            if items and isinstance(items[-1], Run):
                items[-1] = Run(items[-1].text.rstrip(" "), items[-1].style)
            items.append(item)
        else:
            items.append(item)
    while items and isinstance(items[-1], (Break, Run)):
        last = items[-1]
        if isinstance(last, Break):
            items.pop()
            continue
        stripped = last.text.rstrip(" ")
        if stripped:
            items[-1] = Run(stripped, last.style)
            break
        items.pop()

    out, index = [], 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Break):
            out.append("<br>")
        elif isinstance(item, Note):
            out.append(f'<sup data-note="{html.escape(item.text)}"></sup>')
        else:
            # One <a> around consecutive runs with the same address.
            href = item.style.href
            group = [item]
            while (
                href
                and index + 1 < len(items)
                and isinstance(items[index + 1], Run)
                and items[index + 1].style.href == href
            ):
                index += 1
                group.append(items[index])
            text = "".join(_marked(run) for run in _merged(group))
            out.append(f'<a href="{html.escape(href)}">{text}</a>' if href else text)
        index += 1
    return "".join(out)


def _merged(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].style.bold, merged[-1].style.italic) == (run.style.bold, run.style.italic):
            merged[-1] = Run(merged[-1].text + run.text, merged[-1].style)
        else:
            merged.append(run)
    return merged


def _marked(run: Run) -> str:
    text = html.escape(run.text, quote=False)
    if not text.strip():
        return text
    if run.style.italic:
        text = f"<em>{text}</em>"
    if run.style.bold:
        text = f"<strong>{text}</strong>"
    return text


def _blocks_html(blocks: list) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, List):
            items = "".join(f"<li>{_blocks_html(item)}</li>" for item in block.items)
            parts.append(f"<{block.tag}>{items}</{block.tag}>")
        else:
            inner = _inline_html(block.inline)
            if inner.strip():
                parts.append(f"<{block.tag}>{inner}</{block.tag}>")
    return "".join(parts)


def clean_pasted_html(source: str) -> str:
    """Return the headings, lists, links, bold, italic and notes of pasted HTML, as editor markup."""
    from cms.richtext.sanitizer import sanitize_html

    root = _parse(source.replace("\x00", ""))
    return sanitize_html(_blocks_html(_Converter(root).convert(root)), profile=FULL)
