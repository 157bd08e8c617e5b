"""The rich-text editor of the admin, and the allow-list that the sanitizer derives from it.

Editors write in django-prose-editor (ProseMirror/Tiptap, shipped as static files inside the
Python package). What the editor can produce is declared once here, as the Tiptap extensions
each profile enables; `allowlist()` turns those extensions into the tags, attributes, classes
and URL schemes that `cms.richtext.sanitizer.sanitize_html` lets through. So the editor and the sanitizer
cannot drift apart: a tag the editor cannot make is stripped on save, and everything it can
make is kept unchanged (tests/cms/test_editor.py checks every element).

Two profiles:
- FULL, for publication bodies: paragraphs, headings h2–h4 (h1 is the page title), bold,
  italic, links, lists, block quotes, pull quotes, tables, library images and notes.
- BASIC, for bios, descriptions and disclaimers: the same text formatting without tables,
  pull quotes, images or notes.

Our own extensions (pull quote, library image, note, the link rules, paste cleaning) live in
static/js/desk/editor-extensions.js; their processors below say which HTML each produces.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django_prose_editor.config import (
    EXTENSION_MAPPING,
    add_allowed_classes,
    add_tags_and_attributes,
    expand_extensions,
)
from django_prose_editor.widgets import AdminProseEditorWidget

# Relative URLs are always allowed (nh3 passes them); anything else needs one of these schemes.
URL_SCHEMES = ("http", "https", "mailto")
# Links open in the same tab and carry this rel, so the editor's markup and the stored markup match.
LINK_REL = "noopener noreferrer"

PULL_QUOTE_CLASS = "pull-quote"
INLINE_IMAGE_CLASS = "inline-image"
NOTE_ATTRIBUTE = "data-note"
IMAGE_ID_ATTRIBUTE = "data-image"


# Processors: what HTML each of our extensions produces (django-prose-editor's signature).
def _pull_quote(config, nh3_config):
    add_tags_and_attributes(nh3_config, ["aside"], None)
    add_allowed_classes(nh3_config, {"aside": [PULL_QUOTE_CLASS]})


def _library_image(config, nh3_config):
    # <figure class="inline-image" data-image="ID"><img src alt width height>
    #   <figcaption>caption <small>credit</small></figcaption></figure>
    add_tags_and_attributes(
        nh3_config,
        ["figure", "img", "figcaption", "small"],
        {"figure": [IMAGE_ID_ATTRIBUTE], "img": ["src", "alt", "width", "height"]},
    )
    add_allowed_classes(nh3_config, {"figure": [INLINE_IMAGE_CLASS]})


def _note(config, nh3_config):
    # <sup data-note="the note's text"></sup>: numbered and listed when the page is rendered.
    add_tags_and_attributes(nh3_config, ["sup"], {"sup": [NOTE_ATTRIBUTE]})


def _desk_link(config, nh3_config):
    add_tags_and_attributes(nh3_config, ["a"], {"a": ["href", "title"]})
    nh3_config.setdefault("url_schemes", set()).update(config.get("schemes", ()))


def _no_markup(config, nh3_config):
    pass


PROCESSORS = EXTENSION_MAPPING | {
    "PullQuote": _pull_quote,
    "LibraryImage": _library_image,
    "Note": _note,
    "DeskLink": _desk_link,
    "DeskPaste": _no_markup,
    "DeskSetup": _no_markup,
}

# The toolbar: Tiptap's groups, plus ours ("desk": pull quote, image, note).
MENU_GROUPS = [
    {"group": "blockType -lists", "type": "dropdown", "minItems": 2},
    {"group": "lists"},
    {"group": "nodes -blockType -lists"},
    {"group": "marks"},
    {"group": "link"},
    {"group": "desk"},
    {"group": "table"},
    {"group": "history"},
]

_BASIC = {
    "DeskSetup": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "DeskLink": {"schemes": list(URL_SCHEMES), "rel": LINK_REL},
    "BulletList": True,
    "OrderedList": {"enableListAttributes": False},
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "DeskPaste": {"url": reverse_lazy("desk:paste")},
    "Menu": {"groups": MENU_GROUPS},
    # django-prose-editor turns the browser's spell checker off by default; editors want it.
    "NoSpellCheck": False,
}
PROFILES = {
    "basic": _BASIC,
    "full": _BASIC
    | {
        "PullQuote": True,
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
        "LibraryImage": {"searchUrl": reverse_lazy("desk:images")},
        "Note": True,
    },
}
FULL = "full"
BASIC = "basic"


@cache
def allowlist(profile: str = FULL) -> dict:
    """Return nh3.clean() keyword arguments allowing exactly what `profile`'s editor produces."""
    config = {"tags": set(), "attributes": {}}
    for name, options in expand_extensions(PROFILES[profile]).items():
        PROCESSORS[name](options, config)
    config.setdefault("url_schemes", set())
    # Tiptap reads header rows wherever they are and writes every row in <tbody>.
    config["tags"].discard("thead")
    # Tiptap's Link processor would allow rel and target; ours sets rel itself (link_rel below).
    config.pop("link_rel", None)
    config["attributes"] = {tag: set(names) - {"rel", "target"} for tag, names in config["attributes"].items()}
    for tag, names in list(config["attributes"].items()):
        if not names:
            del config["attributes"][tag]
    return config


_static_lazy = lazy(static, str)


class RichTextWidget(AdminProseEditorWidget):
    """The admin's rich-text editor for one profile, with our extensions module loaded."""

    def __init__(self, *args, profile: str = FULL, **kwargs):
        super().__init__(*args, config={"extensions": PROFILES[profile]}, preset="configurable", **kwargs)
        self.profile = profile

    def get_config(self):
        config = super().get_config()
        config["js_modules"] = [*config.get("js_modules", []), _static_lazy("js/desk/editor-extensions.js")]
        return config

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/desk.css"]})
