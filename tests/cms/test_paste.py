"""Pasting from Word, Google Docs and web pages keeps structure and loses the rest (cms/richtext/paste.py).

The fixtures in tests/cms/paste/ are clipboard HTML as Word 365 (Windows, with a comment,
tracked changes and a footnote) and Google Docs put it on the clipboard, and a web page.
tests/browser/test_editor_desk.py pastes the same fixtures into the editor.
"""

import json
from pathlib import Path

import pytest
from django.test import Client

from cms.richtext.paste import clean_pasted_html
from cms.richtext.sanitizer import sanitize_html
from tests.factories import UserFactory

FIXTURES = Path(__file__).parent / "paste"

SHARED = (
    "<h2>Sanctions and the Caspian route</h2>"
    "<p>Freight through the Middle Corridor has <strong>tripled since 2021</strong>, according to the "
    '<em>World Bank</em> and <a href="{report}" rel="noopener noreferrer">its corridor report</a>.{note}</p>'
    "{middle}"
    "<h3>What changed</h3>"
    "<ul><li><p>New rail ferries on the Caspian</p><ul><li><p>Two from Kazakhstan, one from Azerbaijan</p></li></ul></li>"
    "<li><p>Customs <strong><em>harmonised</em></strong> at Aktau</p></li></ul>"
    "<p>The steps, in order:</p>"
    "<ol><li><p>Sign the protocol</p></li><li><p>Open the border posts</p></li></ol>"
    '<p>Contact: <a href="mailto:press@example.org" rel="noopener noreferrer">press@example.org</a> ·{tail}</p>'
)


def cleaned(name: str) -> str:
    return clean_pasted_html((FIXTURES / name).read_text(encoding="utf-8"))


def test_word_keeps_headings_lists_links_bold_italic_and_turns_footnotes_into_notes():
    assert cleaned("word.html") == SHARED.format(
        report="https://www.worldbank.org/en/topic/transport/publication/middle-trade-and-transport-corridor",
        note='<sup data-note="World Bank, Middle Trade and Transport Corridor, November 2023, p. 14."></sup>',
        # The commented words stay, the comment and its [JD1] anchor go; the tracked deletion
        # ("early") goes and the insertion ("late") stays.
        middle="<p>The ministers met in Baku in late October.</p>",
        tail=" click",  # the javascript: link keeps only its text
    )


def test_google_docs_keeps_the_same_and_unwraps_googles_redirects():
    assert cleaned("google_docs.html") == SHARED.format(
        report="https://www.worldbank.org/en/topic/transport", note="", middle="", tail=""
    )


def test_a_web_page_loses_scripts_styles_images_tables_and_bad_links():
    assert cleaned("web_page.html") == (
        "<h2>Five things to know</h2>"
        '<p>By <a href="https://news.example.org/authors/jane" rel="noopener noreferrer">Jane Doe</a></p>'
        "<p>The <strong>Caspian</strong> is a lake, legally.</p>"
        "<h4>Why it matters</h4>"
        "<ol><li><p>First <em>point</em><br>over two lines</p></li>"
        "<li><p>Second point</p><ul><li><p>a sub-point</p></li></ul></li></ol>"
        "<p>Cell one</p><p>Cell <strong>two</strong></p>"
        '<p>Bad link and data and <a href="/local/page" rel="noopener noreferrer">a local page</a>.</p>'
        "<p>A quote, kept as text.</p>"
    )


@pytest.mark.parametrize("name", ["word.html", "google_docs.html", "web_page.html"])
def test_pasted_html_is_already_what_the_sanitizer_keeps(name):
    html = cleaned(name)

    assert sanitize_html(html) == html
    for debris in ["style=", "class=", "<span", "<font", "<img", "<table", "<o:p", "mso-", "<!--", "docs-internal"]:
        assert debris not in html


def test_google_docs_bold_wrapper_does_not_make_everything_bold():
    html = (
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:400">plain</span></p></b>'
    )

    assert clean_pasted_html(html) == "<p>plain</p>"


def test_bold_inside_headings_is_dropped_and_deep_headings_become_level_four():
    html = "<h1><b>Title</b></h1><h5>Deep <i>one</i></h5><h6>Deeper</h6>"

    assert clean_pasted_html(html) == "<h2>Title</h2><h4>Deep <em>one</em></h4><h4>Deeper</h4>"


def test_word_numbered_lists_by_letters_and_nested_levels():
    item = (
        "<p class=MsoListParagraph style='mso-list:l0 level{level} lfo1'><![if !supportLists]>"
        "<span style='mso-list:Ignore'>{marker}<span>&nbsp;&nbsp;</span></span><![endif]>{text}<o:p></o:p></p>"
    )
    html = "".join(
        [
            item.format(level=1, marker="a)", text="Alpha"),
            item.format(level=2, marker="i.", text="Roman"),
            item.format(level=1, marker="b)", text="Beta"),
        ]
    )

    assert clean_pasted_html(html) == (
        "<ol><li><p>Alpha</p><ol><li><p>Roman</p></li></ol></li><li><p>Beta</p></li></ol>"
    )


def test_nothing_but_debris_pastes_as_nothing():
    assert clean_pasted_html("<p><o:p>&nbsp;</o:p></p><style>p{}</style><!-- x --><br><img src=x>") == ""


@pytest.mark.parametrize(
    "html", ["<b>" * 20_000 + "kept" + "</b>" * 20_000, "<ul><li>" * 5_000 + "kept", "<div>" * 50_000 + "kept"]
)
def test_absurdly_deep_nesting_is_flattened_and_keeps_its_text(html):
    cleaned = clean_pasted_html(html)

    assert "kept" in cleaned
    assert cleaned == sanitize_html(cleaned)


@pytest.mark.django_db
class TestPasteEndpoint:
    url = "/admin/desk/paste/"

    def post(self, client, payload, **extra):
        return client.post(
            self.url,
            payload if isinstance(payload, str) else json.dumps(payload),
            content_type="application/json",
            **extra,
        )

    def test_editors_get_the_cleaned_html(self, editor_client):
        response = self.post(editor_client, {"html": '<p style="color:red"><b>Bold</b> text</p>'})

        assert response.status_code == 200
        assert response.json() == {"html": "<p><strong>Bold</strong> text</p>"}

    def test_anonymous_visitors_and_non_staff_are_refused(self, client):
        assert self.post(client, {"html": "<p>x</p>"}).status_code == 403
        client.force_login(UserFactory(username="reader"))
        assert self.post(client, {"html": "<p>x</p>"}).status_code == 403

    def test_a_post_without_the_csrf_token_is_refused(self, editor):
        client = Client(enforce_csrf_checks=True)
        client.force_login(editor)

        assert self.post(client, {"html": "<p>x</p>"}).status_code == 403

    @pytest.mark.parametrize("payload", ["not json", "[1, 2]", '{"html": 5}', "{}", "\x00"])
    def test_bad_input_is_a_400_not_a_500(self, editor_client, payload):
        assert self.post(editor_client, payload).status_code == 400

    def test_json_nested_100000_deep_is_a_400_not_a_500(self, editor_client):
        assert self.post(editor_client, '{"html": ' + "[" * 100_000 + "]" * 100_000 + "}").status_code == 400

    def test_html_nested_too_deep_is_a_400_with_a_reason(self, editor_client):
        response = self.post(editor_client, {"html": "<div>" * 40_000 + "x"})

        assert response.status_code == 400
        assert "nests too deeply" in response.json()["error"]

    def test_html_nested_deep_but_under_the_limit_is_cleaned(self, editor_client):
        response = self.post(editor_client, {"html": "<blockquote>" * 150 + "<p>Deep</p>" + "</blockquote>" * 150})

        assert response.status_code == 200
        assert "Deep" in response.json()["html"]

    def test_a_huge_paste_is_refused_with_413(self, editor_client, settings):
        response = self.post(editor_client, {"html": "<p>" + "x" * (6 * 1024 * 1024) + "</p>"})

        assert response.status_code == 413
        assert "Paste it in parts" in response.json()["error"]

    def test_reading_the_endpoint_is_not_allowed(self, editor_client):
        assert editor_client.get(self.url).status_code == 405
