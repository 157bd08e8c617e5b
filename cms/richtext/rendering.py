"""Turning stored rich text into what readers see, and checking it before it is published.

Stored HTML stays simple and sanitizer-safe (cms/richtext/editor.py): a note is `<sup data-note="…">`,
an image from the library is `<figure class="inline-image" data-image="ID"><img …>`. For a
page, `render_body` numbers the notes in reading order, links each marker to its note and back,
and marks where each library image goes; the template shows those images as renditions
(`components/rich_text.html#body`), so reading a body renders no template. The markup it adds
is ours, so it never has to pass the sanitizer; everything editors wrote is copied through
untouched.

`body_problems` finds what the publish gate refuses in a body: headings out of order, links
without an address or text, images without alt text or credit, empty notes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

from cms.richtext.editor import IMAGE_ID_ATTRIBUTE, INLINE_IMAGE_CLASS, NOTE_ATTRIBUTE

if TYPE_CHECKING:
    from cms.media.models import Image

WORDS_PER_MINUTE = 230  # an adult reading non-fiction on screen
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
TAG = re.compile(r"<[^>]*>")
# Every tag but those the publish checks read (_Inspector). Stored HTML escapes ">" in attributes,
# so a tag ends at the first ">".
UNINSPECTED_TAG = re.compile(r"<(?!/?(?:h[1-6]|a|figure|img|small|sup)[\s/>])[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Note:
    number: int
    html: SafeString  # the note's text, escaped, with web addresses turned into links

    @property
    def anchor(self) -> str:
        return f"note-{self.number}"

    @property
    def reference(self) -> str:
        return f"note-ref-{self.number}"


@dataclass(frozen=True)
class BodyPart:
    """A run of the body's markup, or (with `image`) a library image the template shows as renditions."""

    html: SafeString  # for an image: its <img> tag as stored, shown when the image has no renditions
    image: Image | None = None  # loaded from the library
    alt: str = ""  # the alt text the editor wrote on this placement


@dataclass(frozen=True)
class RenderedBody:
    parts: list[BodyPart] = field(default_factory=list)  # in reading order; the template shows them
    notes: list[Note] = field(default_factory=list)

    @property
    def html(self) -> SafeString:
        """The body with notes numbered, library images left as stored (the template swaps in renditions)."""
        return mark_safe("".join(part.html for part in self.parts))

    def __str__(self):
        return self.html

    def __html__(self):
        return self.html


def inline_image_ids(stored: str) -> list[int]:
    """Return the library image ids a body shows, in order, without duplicates. No query."""
    found = re.findall(rf'{IMAGE_ID_ATTRIBUTE}="(\d+)"', stored or "")
    return list(dict.fromkeys(int(value) for value in found))


class _Renderer(HTMLParser):
    def __init__(self, images: dict):
        super().__init__(convert_charrefs=False)
        self.images = images
        self.out: list[str] = []
        self.parts: list[BodyPart] = []
        self.notes: list[Note] = []
        self.skipping = 0  # depth inside a note marker, whose content is replaced
        self.figure_image = None  # the library image of the figure being copied

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.skipping += tag == "sup"
            return
        attributes = dict(attrs)
        if tag == "sup" and NOTE_ATTRIBUTE in attributes:
            self.note(attributes[NOTE_ATTRIBUTE] or "")
            self.skipping = 1
            return
        if tag == "figure" and INLINE_IMAGE_CLASS in (attributes.get("class") or "").split():
            image_id = attributes.get(IMAGE_ID_ATTRIBUTE) or ""
            self.figure_image = self.images.get(int(image_id)) if image_id.isdigit() else None
        if tag == "img" and self.figure_image is not None:
            self.flush()
            self.parts.append(
                BodyPart(
                    html=mark_safe(self.get_starttag_text()),
                    image=self.figure_image,
                    alt=attributes.get("alt") or "",
                )
            )
            return
        self.out.append(self.get_starttag_text())

    def flush(self) -> None:
        """End the current run of markup (before an image, and at the end)."""
        if self.out:
            self.parts.append(BodyPart(html=mark_safe("".join(self.out))))
            self.out = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= tag == "sup"
            return
        if tag == "figure":
            self.figure_image = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data)

    def handle_entityref(self, name):
        if not self.skipping:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self.skipping:
            self.out.append(f"&#{name};")

    def note(self, text: str) -> None:
        note = Note(number=len(self.notes) + 1, html=mark_safe(urlize(text.strip(), autoescape=True)))
        self.notes.append(note)
        self.out.append(
            f'<sup class="note-ref" id="{note.reference}">'
            f'<a href="#{note.anchor}" role="doc-noteref" aria-label="Note {note.number}">{note.number}</a></sup>'
        )


def render_body(stored: str, *, images: dict | None = None) -> RenderedBody:
    """Return stored rich text ready for readers: notes numbered and linked, library images marked.

    `images` maps the ids of `inline_image_ids(stored)` to loaded library images (an image
    missing from it keeps the <img> that was stored). Runs no query and renders no template:
    `components/rich_text.html#body` shows the parts, library images as renditions.
    """
    if not stored:
        return RenderedBody()
    renderer = _Renderer(images or {})
    renderer.feed(stored)
    renderer.close()
    renderer.flush()
    return RenderedBody(renderer.parts, renderer.notes)


# --- Statistics and checks ----------------------------------------------------------------


def word_count(stored: str) -> int:
    """Count the words readers read in stored rich text (notes excluded)."""
    # Tags become spaces: "</p><p>" separates words. Stored HTML escapes ">" in attributes.
    return len(WORD.findall(plain_text(stored)))


def plain_text(stored: str) -> str:
    """The text readers read in stored rich text (notes excluded), words separated by spaces."""
    return unescape(TAG.sub(" ", stored or ""))


def readable_text(stored: str) -> str:
    """The text readers see in stored rich text, notes included; no tag or attribute but the notes'."""
    notes = re.findall(rf'{NOTE_ATTRIBUTE}="([^"]*)"', stored or "")
    return unescape(" ".join([TAG.sub(" ", stored or ""), *notes]))


def reading_minutes(words: int) -> int:
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.last_heading = 1  # the page title is the h1
        self.heading: list | None = None  # [level, text] while inside a heading
        self.link: list | None = None  # [href, text]
        self.figure: dict | None = None
        self.in_credit = False
        self.notes = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading = [int(tag[1]), ""]
        elif tag == "a":
            self.link = [(attributes.get("href") or "").strip(), ""]
        elif tag == "figure" and INLINE_IMAGE_CLASS in (attributes.get("class") or "").split():
            self.figure = {"alt": "", "credit": "", "name": ""}
        elif tag == "img" and self.figure is not None:
            self.figure["alt"] = (attributes.get("alt") or "").strip()
            self.figure["name"] = (attributes.get("src") or "").rsplit("/", 1)[-1]
        elif tag == "img" and not (attributes.get("alt") or "").strip():
            # An image outside a library figure (imported or pasted as HTML) still needs words.
            name = (attributes.get("src") or "").rsplit("/", 1)[-1] or "an image"
            self.problems.append(f"The image {name} in the body has no alt text.")
        elif tag == "small" and self.figure is not None:
            self.in_credit = True
        elif tag == "sup" and NOTE_ATTRIBUTE in attributes:
            self.notes += 1
            if not (attributes[NOTE_ATTRIBUTE] or "").strip():
                self.problems.append(f"Note {self.notes} is empty: write it or remove it.")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.heading is not None:
            self.heading[1] += data
        if self.link is not None:
            self.link[1] += data
        if self.in_credit:
            self.figure["credit"] += data

    def handle_endtag(self, tag):
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self.heading is not None:
            self.check_heading(*self.heading)
            self.heading = None
        elif tag == "a" and self.link is not None:
            href, text = self.link
            text = " ".join(text.split())
            if not href:
                self.problems.append(f"The link “{_short(text)}” has no address.")
            elif not text:
                self.problems.append(f"A link to {_short(href)} has no text to click.")
            self.link = None
        elif tag == "small":
            self.in_credit = False
        elif tag == "figure" and self.figure is not None:
            name = self.figure["name"] or "an image"
            if not self.figure["alt"]:
                self.problems.append(f"The image {name} in the body has no alt text.")
            if not self.figure["credit"].strip():
                self.problems.append(f"The image {name} in the body has no credit.")
            self.figure = None

    def check_heading(self, level: int, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            self.problems.append(f"A level {level} heading in the body is empty.")
            return
        if level == 1:
            self.problems.append(f"“{_short(text)}” is a level 1 heading; only the title is. Use level 2.")
        elif level > self.last_heading + 1:
            self.problems.append(
                f"The heading “{_short(text)}” is level {level} but follows level {self.last_heading}: "
                f"use level {self.last_heading + 1}, so that screen readers can follow the outline."
            )
        self.last_heading = level


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def body_problems(stored: str) -> list[str]:
    """Return what must be fixed in a body before it is published (empty when nothing). No query."""
    if not stored:
        return []
    inspector = _Inspector()
    # Dropping the tags the inspector ignores first keeps a body of 100-deep lists under a second
    # (bench/writing_aids.py): a regex pass costs far less than a parser callback per tag.
    inspector.feed(UNINSPECTED_TAG.sub("", stored))
    inspector.close()
    return inspector.problems
