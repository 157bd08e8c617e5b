"""The editor and the sanitizer share one allow-list (cms/richtext/editor.py).

tests/browser/test_editor_desk.py checks in Chromium that ELEMENTS is exactly what the editor
writes; here, that the sanitizer keeps all of it and nothing else.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.admin.sites import site

from cms.richtext.editor import BASIC, FULL, PROFILES, URL_SCHEMES, RichTextWidget, allowlist
from cms.richtext.sanitizer import sanitize_html
from people.models import Person
from publications.models import Publication
from tests.cms.editor_elements import BASIC_ELEMENTS, ELEMENTS
from tests.factories import PersonFactory, PublicationFactory


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.classes = set(), set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name == "class":
                self.classes.update((tag, word) for word in value.split())
            elif name != "rel":  # added to every link by the sanitizer itself
                self.attributes.add((tag, name))


def markup_of(fragments) -> _Markup:
    parser = _Markup()
    for html in fragments:
        parser.feed(html)
    return parser


@pytest.mark.parametrize("name", ELEMENTS)
def test_every_element_the_editor_makes_is_stored_unchanged(name):
    assert sanitize_html(ELEMENTS[name], profile=FULL) == ELEMENTS[name]


@pytest.mark.parametrize("name", BASIC_ELEMENTS)
def test_bios_and_descriptions_keep_every_element_their_editor_makes(name):
    assert sanitize_html(ELEMENTS[name], profile=BASIC) == ELEMENTS[name]


@pytest.mark.parametrize("profile, names", [(FULL, list(ELEMENTS)), (BASIC, BASIC_ELEMENTS)])
def test_the_sanitizer_allows_exactly_the_tags_attributes_and_classes_the_editor_makes(profile, names):
    made = markup_of(ELEMENTS[name] for name in names)
    rules = allowlist(profile)

    assert rules["tags"] == made.tags
    allowed_attributes = {(tag, name) for tag, names in rules["attributes"].items() for name in names}
    assert allowed_attributes == made.attributes
    allowed_classes = {(tag, name) for tag, names in rules.get("allowed_classes", {}).items() for name in names}
    assert allowed_classes == made.classes


def test_links_follow_the_same_url_rules_in_the_editor_and_the_sanitizer():
    assert allowlist(FULL)["url_schemes"] == set(URL_SCHEMES)
    assert PROFILES[FULL]["DeskLink"]["schemes"] == list(URL_SCHEMES)  # what the editor checks
    for href in [
        "https://carnegieendowment.org/",
        "http://example.org/a",
        "mailto:press@example.org",
        "/experts/",
        "#notes",
    ]:
        assert f'href="{href}"' in sanitize_html(f'<p><a href="{href}">x</a></p>')
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "ftp://example.org/",
    ]:
        assert "href" not in sanitize_html(f'<p><a href="{href}">x</a></p>')


def test_markup_no_editor_button_makes_is_stripped_but_its_text_kept():
    stored = sanitize_html(
        '<h1>Title</h1><p style="color:red"><span class="x">Red</span> <u>under</u> <font face="Arial">font</font></p>'
        '<aside class="sidebar"><p>Aside</p></aside><h5>Small</h5><sup>2</sup>'
    )

    # A bare <sup> or <aside> keeps its tag (notes and pull quotes need it); the editor turns
    # them into text and a pull quote the next time the piece is edited.
    assert stored == 'Title<p>Red under font</p><aside class=""><p>Aside</p></aside>Small<sup>2</sup>'


def test_tables_pull_quotes_images_and_notes_stay_out_of_bios():
    person = PersonFactory(bio=ELEMENTS["table"] + ELEMENTS["pull quote"] + ELEMENTS["note"] + ELEMENTS["web link"])
    person.refresh_from_db()

    assert not re.search(r"<(table|aside|sup|figure)", person.bio)
    assert ELEMENTS["web link"] in person.bio
    assert "The corridor is a bet on geography." in person.bio


def test_a_publication_body_keeps_every_element():
    body = "".join(ELEMENTS.values())
    publication = PublicationFactory(body=body)
    publication.refresh_from_db()

    assert publication.body == body


def test_every_rich_text_field_in_the_admin_is_edited_with_the_editor_of_its_profile(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    body = site._registry[Publication].get_form(request)().fields["body"].widget
    bio = site._registry[Person].get_form(request)().fields["bio"].widget

    assert isinstance(body, RichTextWidget) and body.profile == FULL
    assert isinstance(bio, RichTextWidget) and bio.profile == BASIC
    config = body.get_config()
    assert {"Note", "LibraryImage", "PullQuote", "Table", "DeskLink", "DeskPaste"} <= set(config["extensions"])
    assert [str(path) for path in config["js_modules"]] == ["/static/js/desk/editor-extensions.js"]
    assert "Note" not in bio.get_config()["extensions"]


pytestmark = pytest.mark.django_db
