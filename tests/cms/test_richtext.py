import pytest

from cms.richtext import paragraphs_to_html, sanitize_html
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
    '<style>body{display:none}</style>'
    '<p style="color:red">styled</p>'
)


def test_a_publication_body_loses_scripts_handlers_and_bad_links_on_save():
    publication = PublicationFactory(body=DANGEROUS_BODY)
    publication.refresh_from_db()
    body = publication.body.lower()

    for forbidden in ["<script", "onclick", "onerror", "javascript:", "jav&#x09;", "data:", "<iframe", "<style", "style="]:
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
