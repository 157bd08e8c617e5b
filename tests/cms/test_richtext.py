import time

import pytest

from cms.richtext.sanitizer import paragraphs_to_html, sanitize_html, too_deeply_nested
from tests.factories import CenterFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db

DANGEROUS_BODY = (
    '<p onclick="steal()">Hello <strong>world</strong></p>'
    "<script>alert(1)</script>"
    '<a href="javascript:alert(1)">bad</a>'
    '<a href="JaVaScRiPt:alert(1)">bad2</a>'
    '<a href="jav&#x09;ascript:alert(1)">bad3</a>'
    '<a href="data:text/html,x">bad4</a>'
    '<img src="x" onerror="alert(1)">'
    '<iframe src="https://evil.example"></iframe>'
    "<style>body{display:none}</style>"
    '<p style="color:red">styled</p>'
)


def test_a_publication_body_loses_scripts_handlers_and_bad_links_on_save():
    publication = PublicationFactory(body=DANGEROUS_BODY)
    publication.refresh_from_db()
    body = publication.body.lower()

    for forbidden in [
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "jav&#x09;",
        "data:",
        "<iframe",
        "<style",
        "style=",
    ]:
        assert forbidden not in body
    assert "alert(1)" not in body
    assert "<strong>world</strong>" in publication.body
    assert "styled" in publication.body


def test_safe_formatting_survives_the_sanitizer_unchanged():
    html = (
        "<h2>Findings</h2>\n<p>A <em>short</em> note with a "
        '<a href="https://carnegieendowment.org/" rel="noopener noreferrer">link</a>.</p>\n'
        "<ul><li>one</li><li>two</li></ul>\n<blockquote><p>Quoted.</p></blockquote>"
    )

    assert sanitize_html(html) == html


def test_bios_and_center_descriptions_are_sanitized_too():
    person = PersonFactory(bio='<p>Bio</p><script>alert("x")</script>')
    center = CenterFactory(description='<p onmouseover="x()">About</p>')

    person.refresh_from_db()
    center.refresh_from_db()

    assert person.bio == "<p>Bio</p>"
    assert center.description == "<p>About</p>"


def test_plain_text_paragraphs_are_escaped_not_interpreted():
    html = paragraphs_to_html("WPR: Why now?\r\n\r\n<script>alert(1)</script>\n")

    assert html == "<p>WPR: Why now?</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


# Addresses that look like pages of ours but take readers to another site: browsers drop tabs
# and newlines, trim spaces and control characters, and read "\" as "/".
OFF_SITE_LOOKING_RELATIVE = {
    "//evil.example/x": "https://evil.example/x",
    "/\\evil.example/x": "https://evil.example/x",
    "\\\\evil.example/x": "https://evil.example/x",
    "\\/evil.example/x": "https://evil.example/x",
    "///evil.example/x": "https://evil.example/x",
    "&#47;&#47;evil.example/x": "https://evil.example/x",
    "/&#92;evil.example/x": "https://evil.example/x",
    "/&#9;/evil.example/x": "https://evil.example/x",
    "/&#10;/evil.example/x": "https://evil.example/x",
    " //evil.example/x": "https://evil.example/x",
    "&#1;//evil.example/x": "https://evil.example/x",
    "https:/\\evil.example/x": "https://evil.example/x",
    "https:evil.example/x": "https://evil.example/x",
    "http:\\\\evil.example/x?a=\\b": "http://evil.example/x?a=\\b",
}


@pytest.mark.parametrize("href", OFF_SITE_LOOKING_RELATIVE)
def test_a_link_that_looks_relative_but_leaves_the_site_is_stored_as_the_external_address_it_is(href):
    publication = PublicationFactory(body=f'<p>See <a href="{href}">our page</a>.</p>')

    publication.refresh_from_db()
    expected = OFF_SITE_LOOKING_RELATIVE[href]
    assert f'<a href="{expected}" rel="noopener noreferrer">our page</a>' in publication.body


def test_reviewers_and_readers_see_the_external_address_of_a_disguised_link_on_the_page(client):
    publication = PublicationFactory(status="published", body='<p>See <a href="/\\evil.example/x">our page</a>.</p>')

    html = client.get(publication.get_absolute_url()).content.decode()

    assert 'href="https://evil.example/x"' in html
    assert "/\\evil.example" not in html


@pytest.mark.parametrize(
    "href", ["/publications/x/", "#note-1", "?page=2", "https://carnegieendowment.org/", "mailto:press@ceip.org"]
)
def test_ordinary_links_keep_their_address(href):
    assert sanitize_html(f'<a href="{href}">x</a>') == f'<a href="{href}" rel="noopener noreferrer">x</a>'


@pytest.mark.parametrize("href", ["/%5Cevil.example/x", "/%2F/evil.example/x", "/%09/evil.example/x"])
def test_a_percent_encoded_slash_or_backslash_stays_a_page_of_the_site(client, href):
    assert sanitize_html(f'<a href="{href}">x</a>') == f'<a href="{href}" rel="noopener noreferrer">x</a>'

    response = client.get(href)

    assert response.status_code in (301, 302, 404)
    location = response.get("Location", "")
    assert not location.startswith(("//", "/\\", "\\", "http"))


@pytest.mark.parametrize(
    "href", ["java&#9;script:alert(1)", "java&#10;script:alert(1)", "&#9;javascript:alert(1)", " javascript:alert(1)"]
)
def test_a_script_address_with_tabs_or_newlines_in_its_scheme_loses_its_address(href):
    assert sanitize_html(f'<a href="{href}">x</a>') == '<a rel="noopener noreferrer">x</a>'


# --- The nesting guard reads markup as the parser does (issue 13, item 6 follow-up) ---

SELF_CLOSED_ORDINARY = {
    "div": "<div/>" * 50_000,
    "span": "<span/>" * 50_000,
    "blockquote": "<blockquote/>" * 50_000,
}


@pytest.mark.parametrize("body", SELF_CLOSED_ORDINARY.values(), ids=SELF_CLOSED_ORDINARY)
def test_a_slash_on_an_ordinary_element_does_not_get_deep_nesting_past_the_guard(body):
    # HTML ignores the "/" of <div/>: the parser opens 50,000 nested divs.
    assert too_deeply_nested(body)


@pytest.mark.parametrize(
    "body", ["<br/>" * 50_000, '<img src="/x.png" alt="x" />' * 50_000, "<hr/><wbr/>" * 20_000, "<svg/>" * 5_000]
)
def test_void_elements_written_with_a_slash_do_not_nest(body):
    assert not too_deeply_nested(body)


TRICKS = {
    # a closing tag the parser drops, because nothing of that name is open
    "stray closing tag": "<div></span>" * 5_000,
    # a closing tag the parser drops, because a block is open inside it
    "closing past a block": "<span><div></span>" * 5_000,
    # a closing tag the parser reads as part of a comment, an attribute or a textarea's text
    "closing tag in a comment": "<div><!--</div>-->" * 5_000,
    "closing tag in an attribute": '<div title=">" </div>' * 5_000,
    "closing tag in a textarea": "<div><textarea></div></textarea>" * 5_000,
    # formatting the parser reopens after a closing tag skipped it
    "reopened formatting": "<span><b class=x></span>x" * 5_000,
    # a comment inside a textarea or a script is text, so what follows its end tag is markup
    "comment in a textarea": "<textarea><!--</textarea>" + "<div>" * 300 + "-->",
    "escaped script": "<script><!--<script></script><!-- </script>" + "<div>" * 300,
    # in svg a <style> holds markup, not text, and <plaintext> is an ordinary element
    "markup in an svg style": "<svg><style>" + "<g>" * 300 + "</style></svg>",
    "plaintext in svg": "<svg><plaintext>" + "<g>" * 300,
    # elements that close their siblings only inside <ruby> or <select>
    "unclosed ruby text": "<rt>" * 20_000,
    "unclosed ruby base": "<rb>" * 20_000,
    "unclosed option groups": "<optgroup>" * 20_000,
}


@pytest.mark.parametrize("body", TRICKS.values(), ids=TRICKS)
def test_markup_that_nests_deeper_than_it_looks_is_refused(body):
    assert too_deeply_nested(body)


ORDINARY = {
    "paragraphs": "<p>A sentence with <strong>bold</strong> and <a href='/x'>a link</a>.</p>" * 20_000,
    "unclosed paragraphs and items": "<p>x" * 20_000 + "<ul>" + "<li>x" * 20_000 + "</ul>",
    "balanced divs": "<div>x</div>" * 20_000,
    "a Word paste's conditional comment": "<!--[if gte mso 9]><xml>"
    + "<w:LsdException Name='x'/>" * 400
    + "</xml><![endif]-->",
    "inline icons": '<svg><title>Icon</title><path d="M0 0"></path><path d="M1 1"/></svg>' * 2_000,
    "a script full of tags": "<script>document.write('" + "<div>" * 400 + "')</script><p>x</p>",
    "deep but under the limit": "<blockquote>" * 200 + "x" + "</blockquote>" * 200,
    "ruby annotations": "<p><ruby>漢<rp>(<rt>kan<rp>)</ruby></p>" * 2_000,
    "a plain-text tail": "<div>" * 10 + "<plaintext>" + "<div>" * 1_000,
}


@pytest.mark.parametrize("body", ORDINARY.values(), ids=ORDINARY)
def test_long_ordinary_markup_passes_the_guard(body):
    assert not too_deeply_nested(body)


def test_the_guard_reads_the_largest_autosave_in_well_under_a_second():
    body = "<p>A sentence of a long report, with <strong>bold</strong> words.</p>" * 36_000  # 2.5 MB
    started = time.perf_counter()
    assert not too_deeply_nested(body)
    assert time.perf_counter() - started < 1
