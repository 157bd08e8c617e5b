"""Notes, library images and the publish gate's body checks (cms/richtext/rendering.py)."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage

from cms.richtext.rendering import body_problems, reading_minutes, render_body, word_count
from cms.richtext.sanitizer import sanitize_html
from tests.cms.editor_elements import ELEMENTS
from tests.factories import DisclaimerFactory, ImageFactory, PublicationFactory

pytestmark = pytest.mark.django_db

NOTED = (
    '<p>Freight tripled.<sup data-note="World Bank, 2023, p. 14. https://www.worldbank.org/x"></sup> '
    'Then it slowed.<sup data-note="Interview with a Kazakh official &lt;unnamed&gt;, May 2024."></sup></p>'
    '<h2>Later</h2><p>Again.<sup data-note="Ibid."></sup></p>'
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"


def test_notes_are_numbered_in_reading_order_and_linked_both_ways():
    body = render_body(NOTED)

    assert [note.number for note in body.notes] == [1, 2, 3]
    markers = re.findall(r'<sup class="note-ref" id="note-ref-(\d)"><a href="#note-(\d)"', body.html)
    assert markers == [("1", "1"), ("2", "2"), ("3", "3")]
    assert "data-note" not in body.html
    assert body.html.startswith("<p>Freight tripled.<sup")
    assert "Then it slowed." in body.html and "<h2>Later</h2>" in body.html


def test_note_text_is_escaped_and_its_web_addresses_become_links():
    first, second, _ = render_body(NOTED).notes

    assert (
        first.html == 'World Bank, 2023, p. 14. <a href="https://www.worldbank.org/x">https://www.worldbank.org/x</a>'
    )
    assert second.html == "Interview with a Kazakh official &lt;unnamed&gt;, May 2024."


def test_a_body_without_notes_or_images_renders_as_stored():
    stored = "".join(
        value
        for key, value in ELEMENTS.items()
        if key not in {"note", "library image", "library image without caption"}
    )

    assert render_body(stored).html == stored
    assert render_body("").notes == []


def test_stored_markup_is_copied_exactly_entities_included():
    stored = sanitize_html("<p>A &amp; B &lt; C © “q” <em>x</em><br>y</p>")

    assert render_body(stored).html == stored


def test_the_publication_page_lists_the_notes_under_a_notes_heading_at_the_end(client):
    DisclaimerFactory()
    piece = PublicationFactory(published=True, body=NOTED)

    html = client.get(piece.get_absolute_url()).content.decode()

    notes = html[html.index('<section class="notes"') :]
    assert '<h2 id="notes-heading">Notes</h2>' in notes
    assert re.findall(r'<li id="note-(\d)" role="doc-endnote">', notes) == ["1", "2", "3"]
    assert re.findall(r'<a href="#note-ref-(\d)" class="notes__back"', notes) == ["1", "2", "3"]
    # The notes come after the text and before the authors' bios.
    assert html.index("Again.") < html.index('<section class="notes"') < html.index("disclaimer")


def test_a_page_without_notes_has_no_notes_section(client):
    DisclaimerFactory()
    piece = PublicationFactory(published=True)

    assert "notes-heading" not in client.get(piece.get_absolute_url()).content.decode()


def photo(name="photo.jpg", size=(1600, 900)):
    picture = PILImage.new("RGB", size, (30, 90, 160))
    from io import BytesIO

    buffer = BytesIO()
    picture.save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


def figure(image, alt="Cranes at Aktau", credit="Photo: Reuters"):
    return (
        f'<figure class="inline-image" data-image="{image.pk}"><img src="{image.file.url}" alt="{alt}" width="1600" '
        f'height="900"><figcaption>The port <small>{credit}</small></figcaption></figure>'
    )


def test_library_images_in_the_body_are_served_as_renditions_with_the_editors_alt_text(client):
    DisclaimerFactory()
    image = ImageFactory(file=photo())
    piece = PublicationFactory(published=True, body=figure(image, alt="Cranes over the port"))

    html = client.get(piece.get_absolute_url()).content.decode()

    body = html[html.index('<div class="body"') : html.index("</figure>")]
    assert "<picture>" in body and 'type="image/webp"' in body
    assert re.search(
        r'<img src="/media/renditions/\d+-\w+-inline-1600\.jpg" srcset="[^"]+ 800w, [^"]+ 1200w, [^"]+ 1600w"', body
    )
    assert 'alt="Cranes over the port"' in body and 'loading="lazy"' in body
    assert "<small>Photo: Reuters</small>" in html


def test_an_image_deleted_from_the_library_keeps_its_stored_img(client):
    DisclaimerFactory()
    image = ImageFactory(file=photo())
    stored = figure(image)
    piece = PublicationFactory(published=True, body=stored)
    image.delete()

    html = client.get(piece.get_absolute_url()).content.decode()

    assert '<img src="/media/' in html and "<picture>" not in html[html.index('<div class="body"') :]


def test_reading_a_page_with_library_images_renders_no_template():
    """Reads return data and templates render it: the renditions are the page template's job."""
    from django.test.signals import template_rendered

    from publications.queries.publication_page import publication_page

    DisclaimerFactory()
    image = ImageFactory(file=photo())
    piece = PublicationFactory(published=True, body=figure(image, alt="Cranes over the port"))
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:
        page = publication_page(slug=piece.slug)
    finally:
        template_rendered.disconnect(record)

    assert rendered == []
    assert [(part.image, part.alt) for part in page.body.parts if part.image] == [(image, "Cranes over the port")]


def test_inline_images_cost_one_query_however_many_there_are(client):
    DisclaimerFactory()
    images = [ImageFactory(file=photo(f"p{n}.jpg")) for n in range(3)]
    plain = PublicationFactory(published=True)
    illustrated = PublicationFactory(published=True, body="".join(figure(image) for image in images))
    client.get(illustrated.get_absolute_url())  # a first request (the factory made the renditions)

    counts = []
    for piece in [plain, illustrated]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(piece.get_absolute_url() + "?nocache").status_code == 200
        counts.append(len(queries))

    assert counts[1] == counts[0] + 1


def test_the_publish_gate_finds_heading_order_empty_links_and_unlabelled_images():
    problems = body_problems(
        "<h3>Background</h3><h2>Findings</h2><h4>Too deep</h4><h2></h2>"
        '<p><a>no address</a> <a href="https://example.org/"></a></p>'
        '<figure class="inline-image" data-image="4"><img src="/media/images/a.jpg" alt=""><figcaption>Caption</figcaption></figure>'
        '<p>Cited.<sup data-note=""></sup></p>'
    )

    assert problems == [
        "The heading “Background” is level 3 but follows level 1: use level 2, so that screen readers can follow the outline.",
        "The heading “Too deep” is level 4 but follows level 2: use level 3, so that screen readers can follow the outline.",
        "A level 2 heading in the body is empty.",
        "The link “no address” has no address.",
        "A link to https://example.org/ has no text to click.",
        "The image a.jpg in the body has no alt text.",
        "The image a.jpg in the body has no credit.",
        "Note 1 is empty: write it or remove it.",
    ]


def test_the_gate_finds_problems_inside_deep_lists_and_formatting_too():
    # The checks skip the markup they do not read; what they read must survive that, wherever it sits.
    body = (
        "<ul><li>" * 100
        + '<h4>Deep <strong title="a &gt; b">heading</strong></h4><a href="">Link <em>text</em></a>'
        + "</li></ul>" * 100
        + '<p>Cited.<sup data-note=" "></sup> <abbr title="x">ABC</abbr><a href="/x"><small>ok</small></a></p>'
    )

    assert body_problems(body) == [
        "The heading “Deep heading” is level 4 but follows level 1: use level 2, so that screen readers can follow the outline.",
        "The link “Link text” has no address.",
        "Note 1 is empty: write it or remove it.",
    ]


def test_an_image_outside_a_library_figure_needs_alt_text_too():
    assert body_problems('<p><img src="https://example.org/map.png" alt=""></p>') == [
        "The image map.png in the body has no alt text."
    ]
    assert body_problems('<p><img src="https://example.org/map.png" alt="A map of the Caspian"></p>') == []


def test_a_well_made_body_passes_the_gate():
    assert body_problems("".join(ELEMENTS.values())) == []


def test_words_and_reading_time():
    stored = (
        "<p>"
        + " ".join(["word"] * 460)
        + "</p>"
        + '<p>It’s a well-known U.S. fact.<sup data-note="Not counted."></sup></p>'
    )

    assert word_count(stored) == 465
    assert reading_minutes(465) == 3
    assert reading_minutes(0) == 0


def test_the_preview_shows_notes_too(client, editor):
    DisclaimerFactory()
    piece = PublicationFactory(body=NOTED)
    client.force_login(editor)

    html = client.get(reverse("publications:preview", args=[piece.pk])).content.decode()

    assert '<h2 id="notes-heading">Notes</h2>' in html
