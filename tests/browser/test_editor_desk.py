"""The editors' desk in a real browser (issue 9): the editor, notes, paste, autosave, writing aids.

Uses the fixtures of tests/browser/conftest.py: Debian's Chromium through Playwright, against
the live server, every page's console checked for CSP violations and script errors.
"""

import re
import time
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.richtext.sanitizer import sanitize_html
from publications.models import Publication, Revision, Status
from publications.workflow import publishing, review
from tests.browser.helpers import assert_accessible, choose
from tests.cms.editor_elements import ELEMENTS
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASTE_FIXTURES = Path(__file__).resolve().parents[1] / "cms" / "paste"
BODY = ".field-body .ProseMirror[contenteditable]"


def body_editor(page):
    """The body's editor once it has started (it loads as a module, after the page)."""
    area = page.locator(BODY)
    expect(area).to_be_visible()
    page.wait_for_function("selector => !!document.querySelector(selector)?.editor", arg=BODY)
    return area


def editor_html(page) -> str:
    return page.evaluate("selector => document.querySelector(selector).editor.getHTML()", BODY)


def select_text(page, text: str):
    """Select `text` in the body, as a person dragging over it would."""
    page.evaluate(
        """([selector, text]) => {
            const editor = document.querySelector(selector).editor
            let from = null
            editor.state.doc.descendants((node, pos) => {
                const index = node.isText ? node.text.indexOf(text) : -1
                if (from === null && index >= 0) from = pos + index
            })
            editor.chain().focus().setTextSelection({from, to: from + text.length}).run()
        }""",
        [BODY, text],
    )


def menu_button(page, name: str):
    return page.locator(".field-body .prose-menubar").get_by_role("button", name=name, exact=True)


@pytest.fixture
def newsroom():
    center = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    kind = PublicationTypeFactory(label="Commentary")
    DisclaimerFactory(name="Site default", text="<p>Carnegie takes no institutional positions.</p>")
    author = PersonFactory(name="Yuri Baker")
    return {"center": center, "type": kind, "author": author}


def test_the_editor_gives_back_every_element_as_the_sanitizer_keeps_it(open_page, editor):
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_add"))
    body_editor(desk)

    produced = {}
    for name, html in ELEMENTS.items():
        desk.evaluate(
            "([selector, html]) => document.querySelector(selector).editor.commands.setContent(html)", [BODY, html]
        )
        produced[name] = editor_html(desk)

    assert produced == ELEMENTS  # the fixtures are exactly the editor's own markup…
    for name, html in produced.items():
        assert sanitize_html(html) == html, f"{name}: the sanitizer changed it"  # …which the sanitizer keeps


def test_an_editor_writes_a_piece_with_a_heading_a_list_a_link_and_a_note_and_readers_see_them(
    open_page, editor, manager, newsroom, axe_source, axe_report
):
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_add"))
    desk.locator("#id_title").fill("The Middle Corridor, explained")
    desk.locator("#id_dek").fill("Why freight across the Caspian tripled.")
    choose(desk, "id_publication_type", "Comm", "Commentary")
    choose(desk, "id_primary_center", "Europe", "Carnegie Europe")

    body = body_editor(desk)
    body.click()
    desk.keyboard.type("Freight through the Middle Corridor tripled since 2021.")
    # A note where the figure is cited.
    menu_button(desk, "Note").click()
    dialog = desk.locator("dialog.prose-editor-dialog")
    dialog.get_by_label("Note").fill(
        "World Bank, Middle Corridor report, 2023, p. 14. https://www.worldbank.org/en/topic/transport"
    )
    dialog.get_by_role("button", name="Save note").click()
    expect(dialog).to_have_count(0)
    desk.keyboard.press("End")
    desk.keyboard.press("Enter")
    # A heading, from the block type menu.
    desk.keyboard.type("What changed")
    desk.locator(".field-body .prose-menubar__selected").first.click()
    desk.locator(".field-body .prose-menubar__picker").get_by_role("button", name="heading 2").click()
    desk.keyboard.press("End")
    desk.keyboard.press("Enter")
    # A bulleted list.
    menu_button(desk, "unordered list").click()
    desk.keyboard.type("New rail ferries")
    desk.keyboard.press("Enter")
    desk.keyboard.type("Customs harmonised at Aktau")
    desk.keyboard.press("Enter")
    desk.keyboard.press("Enter")
    # A link on words already typed: select them, then Ctrl+K.
    desk.keyboard.type("Read the corridor report")
    select_text(desk, "corridor report")
    desk.keyboard.press("Control+k")
    dialog.get_by_label("Address").fill("javascript:alert(1)")
    dialog.get_by_role("button", name="Apply").click()
    expect(dialog).to_contain_text("That address cannot be used")
    dialog.get_by_label("Address").fill("https://www.worldbank.org/en/topic/transport")
    dialog.get_by_role("button", name="Apply").click()
    expect(dialog).to_have_count(0)
    desk.keyboard.press("End")
    desk.keyboard.type(".")

    html = editor_html(desk)
    assert "<h2>What changed</h2>" in html
    assert "<ul><li><p>New rail ferries</p></li><li><p>Customs harmonised at Aktau</p></li></ul>" in html
    assert (
        '<a href="https://www.worldbank.org/en/topic/transport" rel="noopener noreferrer">corridor report</a>' in html
    )
    assert '<sup data-note="World Bank, Middle Corridor report, 2023, p. 14.' in html
    # The writing aids follow the text.
    aids = desk.locator("#desk-aids")
    expect(aids.locator("[data-aid=words]")).not_to_have_text("–")
    expect(aids.locator("[data-aid=search-title]")).to_have_text("The Middle Corridor, explained")
    expect(aids.locator("[data-aid=problems]")).to_contain_text("Add at least one author.")

    add_contributor = desk.get_by_role("button", name=re.compile("Add another contributor", re.I))
    add_contributor.click()
    choose(desk, "id_authorships-0-person", "Baker", "Yuri Baker")
    expect(aids.locator("[data-aid=problems]")).not_to_contain_text("Add at least one author.")
    # The editor, its toolbar, the aids panel and the still empty lead image box pass axe.
    assert_accessible(desk, axe_source, axe_report, "admin: publication form with the editor")
    desk.get_by_role("button", name="Save and continue editing").click()
    expect(desk.locator(".messagelist")).to_contain_text("was added successfully")
    expect(desk.locator(BODY)).to_contain_text("What changed")

    publication = Publication.objects.get(title="The Middle Corridor, explained")
    assert publication.body == sanitize_html(publication.body)
    review.submit_for_review(publication=publication, by=editor)
    review.approve_publication(publication=publication, by=manager)
    publishing.publish_publication(publication=publication, by=manager)

    reader = open_page()
    reader.goto(publication.get_absolute_url())
    article = reader.locator("article")
    expect(article.get_by_role("heading", name="What changed", level=2)).to_be_visible()
    expect(article.locator(".body ul li")).to_have_text(["New rail ferries", "Customs harmonised at Aktau"])
    expect(article.get_by_role("link", name="corridor report")).to_have_attribute(
        "href", "https://www.worldbank.org/en/topic/transport"
    )
    notes = reader.get_by_role("region", name="Notes")
    expect(notes.locator("li")).to_have_count(1)
    expect(notes.locator("li")).to_contain_text("World Bank, Middle Corridor report, 2023, p. 14.")
    # The marker leads to the note, and the note back to the marker.
    reader.locator(".note-ref a").click()
    expect(reader).to_have_url(re.compile(r"#note-1$"))
    expect(reader.locator("#note-1")).to_be_in_viewport()
    notes.get_by_role("link", name="Back to the text of note 1").click()
    expect(reader).to_have_url(re.compile(r"#note-ref-1$"))
    expect(reader.locator("#note-ref-1")).to_be_in_viewport()


def paste(page, html: str, text: str = ""):
    page.evaluate(
        """([selector, html, text]) => {
            const data = new DataTransfer()
            data.setData("text/html", html)
            data.setData("text/plain", text)
            const area = document.querySelector(selector)
            area.focus()
            area.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}))
        }""",
        [BODY, html, text],
    )


@pytest.mark.parametrize("source", ["word.html", "google_docs.html"])
def test_pasting_from_word_or_google_docs_keeps_the_structure_and_drops_the_rest(open_page, editor, source):
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_add"))
    body_editor(desk).click()

    paste(desk, (PASTE_FIXTURES / source).read_text(encoding="utf-8"), "plain text")

    expect(desk.locator(BODY).get_by_role("heading", name="Sanctions and the Caspian route")).to_be_visible()
    html = editor_html(desk)
    assert html.startswith(
        "<h2>Sanctions and the Caspian route</h2><p>Freight through the Middle Corridor has <strong>tripled since 2021</strong>"
    )
    assert "<em>World Bank</em>" in html
    assert (
        "<ul><li><p>New rail ferries on the Caspian</p><ul><li><p>Two from Kazakhstan, one from Azerbaijan</p></li></ul></li>"
        in html
    )
    assert "<ol" in html and "<li><p>Sign the protocol</p></li><li><p>Open the border posts</p></li></ol>" in html
    for debris in [
        "style=",
        'class="Mso',
        "<span",
        "font-",
        "[JD1]",
        "Which ministers",
        "early",
        "docs-internal",
        "<img",
        "javascript",
    ]:
        assert debris not in html, debris


def test_autosave_keeps_the_text_and_gives_it_back_after_the_tab_is_closed(open_page, editor, newsroom):
    draft = PublicationFactory(
        title="Caspian ferries",
        body="<p>First paragraph.</p>",
        created_by=editor,
        publication_type=newsroom["type"],
        status=Status.DRAFT,
    )
    version = draft.version
    first = open_page(editor)
    first.goto(reverse("admin:publications_publication_change", args=[draft.pk]))
    body = body_editor(first)
    body.click()
    first.keyboard.press("Control+End")
    first.keyboard.press("Enter")
    first.keyboard.type("A second paragraph, never saved by hand.")
    expect(first.locator("[data-autosave-status]")).to_contain_text("Autosaved at", timeout=15_000)
    first.context.close()  # the tab is closed without saving

    draft.refresh_from_db()
    assert (draft.status, draft.version) == (Status.DRAFT, version)
    assert "second paragraph" not in draft.body
    assert Revision.objects.filter(publication=draft, kind=Revision.Kind.AUTOSAVE).count() == 1

    again = open_page(editor)
    again.goto(reverse("admin:publications_publication_change", args=[draft.pk]))
    body_editor(again)
    banner = again.locator("#desk-restore")
    expect(banner).to_contain_text("You have unsaved text")
    banner.get_by_role("button", name="Restore my text").click()
    expect(again.locator(BODY)).to_contain_text("A second paragraph, never saved by hand.")
    again.get_by_role("button", name="Save and continue editing").click()
    expect(again.locator(".messagelist")).to_contain_text("was changed successfully")
    draft.refresh_from_db()
    assert "A second paragraph, never saved by hand." in draft.body

    history = open_page(editor)
    history.goto(reverse("admin:publications_publication_revisions", args=[draft.pk]))
    expect(history.locator("#content-main form tbody tr")).to_have_count(2)  # the save, and the autosave before it


def test_a_new_piece_closed_before_its_first_save_is_offered_back_in_this_browser(open_page, editor, newsroom):
    first = open_page(editor)
    first.goto(reverse("admin:publications_publication_add"))
    body_editor(first)
    first.locator("#id_title").fill("Caspian ferries, a first draft")
    body_editor(first).click()
    first.keyboard.type("Written before the piece was ever saved.")
    first.wait_for_timeout(1500)  # kept a second after typing stops
    again = first.context.new_page()
    first.close()  # the tab is closed without saving

    again.goto(reverse("admin:publications_publication_add"))
    body_editor(again)
    banner = again.locator("#desk-restore-local")
    expect(banner).to_contain_text("You have unsaved text for a new piece")
    banner.get_by_role("button", name="Restore my text").click()
    expect(again.locator("#id_title")).to_have_value("Caspian ferries, a first draft")
    expect(again.locator(BODY)).to_contain_text("Written before the piece was ever saved.")
    assert not Publication.objects.filter(title="Caspian ferries, a first draft").exists()

    # Once saved, the browser's copy is dropped: the next new piece starts clean.
    choose(again, "id_publication_type", "Comm", "Commentary")
    again.get_by_role("button", name="Save and continue editing").click()
    expect(again.locator(".messagelist")).to_contain_text("was added successfully")
    again.goto(reverse("admin:publications_publication_add"))
    body_editor(again)
    expect(again.locator("#desk-restore-local")).to_have_count(0)


def test_text_typed_just_before_the_tab_closes_is_autosaved_on_the_way_out(open_page, editor, newsroom):
    draft = PublicationFactory(
        title="Caspian ferries",
        body="<p>First paragraph.</p>",
        created_by=editor,
        publication_type=newsroom["type"],
        status=Status.DRAFT,
    )
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_change", args=[draft.pk]))
    body_editor(desk).click()
    desk.keyboard.press("Control+End")
    desk.keyboard.type(" Typed a moment before closing.")
    desk.close(run_before_unload=True)  # well inside the five seconds between autosaves

    def autosaved():
        revision = Revision.objects.filter(publication=draft, kind=Revision.Kind.AUTOSAVE).first()
        return revision is not None and "a moment before closing" in revision.data["body"]

    for _ in range(50):
        if autosaved():
            break
        time.sleep(0.1)
    assert autosaved()


def test_a_signed_out_editor_is_told_autosave_is_not_keeping_the_text(open_page, editor, newsroom):
    draft = PublicationFactory(title="Caspian ferries", body="<p>First.</p>", publication_type=newsroom["type"])
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_change", args=[draft.pk]))
    body_editor(desk).click()
    desk.context.clear_cookies()  # the session ends, as it does after a long lunch
    desk.keyboard.type(" More.")

    expect(desk.locator("[data-autosave-status]")).to_contain_text("You were signed out", timeout=15_000)
    assert not Revision.objects.filter(publication=draft, kind=Revision.Kind.AUTOSAVE).exists()


def test_an_autosave_stops_rather_than_overwrite_a_newer_save(open_page, editor, manager, newsroom):
    draft = PublicationFactory(title="Caspian ferries", body="<p>First.</p>", publication_type=newsroom["type"])
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_change", args=[draft.pk]))
    body_editor(desk).click()
    # Someone else saves while the editor types.
    Publication.objects.filter(pk=draft.pk).update(version=draft.version + 1, body="<p>Their newer text.</p>")
    desk.keyboard.type("Mine.")
    expect(desk.locator("[data-autosave-status]")).to_contain_text("Someone else saved", timeout=15_000)
    assert not Revision.objects.filter(publication=draft, kind=Revision.Kind.AUTOSAVE).exists()
    draft.refresh_from_db()
    assert draft.body == "<p>Their newer text.</p>"


def test_choosing_an_image_from_the_library_puts_it_in_the_body_with_its_credit(open_page, editor, newsroom):
    from django.core.files.base import ContentFile

    from tests.browser.test_editorial_day import photo_png
    from tests.factories import ImageFactory

    ImageFactory(
        title="Aktau port at dawn",
        credit="Photo: Reuters",
        alt_text="Cranes over the port of Aktau",
        file=ContentFile(photo_png(), name="aktau.png"),
    )
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_add"))
    body_editor(desk).click()
    menu_button(desk, "Image").click()
    picker = desk.locator("dialog.desk-library")
    picker.get_by_label("Search the library").fill("aktau")
    picker.get_by_role("button", name=re.compile("Aktau port at dawn")).click()
    expect(picker.get_by_label("Alt text")).to_have_value("Cranes over the port of Aktau")
    expect(picker.get_by_label("Credit")).to_have_value("Photo: Reuters")
    picker.get_by_label("Caption (optional)").fill("The port in 2024")
    picker.get_by_role("button", name="Insert").click()
    expect(picker).to_have_count(0)

    html = editor_html(desk)
    assert re.search(
        r'<figure class="inline-image" data-image="\d+"><img src="/media/images/\w+\.png" alt="Cranes over the port of Aktau" '
        r'width="640" height="360"><figcaption>The port in 2024 <small>Photo: Reuters</small></figcaption></figure>',
        html,
    ), html
    assert sanitize_html(html) == html
    expect(desk.locator("#desk-aids [data-aid=problems]")).not_to_contain_text("in the body has no")


def test_the_writing_aids_show_the_publish_gates_checks_before_submitting(open_page, editor, newsroom):
    desk = open_page(editor)
    desk.goto(reverse("admin:publications_publication_add"))
    desk.locator("#id_title").fill("TK: title to come")
    desk.locator("#id_dek").fill("A dek that says why it matters.")
    body_editor(desk)
    desk.evaluate(
        "([selector, html]) => document.querySelector(selector).editor.commands.setContent(html, {emitUpdate: true})",
        [BODY, '<h3>Skipped a level</h3><p><a href="https://example.org/"></a>Lorem ipsum.</p>'],
    )
    problems = desk.locator("#desk-aids [data-aid=problems]")
    expect(problems).to_contain_text("The title still contains placeholder text (TK).")
    expect(problems).to_contain_text("The body still contains placeholder text (lorem ipsum).")
    expect(problems).to_contain_text("is level 3 but follows level 1")
    expect(desk.locator("#desk-aids [data-aid=search-url]")).to_contain_text("/publications/tk-title-to-come/")
    expect(desk.locator("#desk-aids [data-aid=card-description]")).to_have_text("A dek that says why it matters.")


def test_clicking_the_subject_of_a_library_image_sets_its_focal_point(open_page, editor):
    from django.core.files.base import ContentFile

    from cms.media.models import Image
    from tests.browser.test_editorial_day import photo_png
    from tests.factories import ImageFactory

    image = ImageFactory(title="Ibar bridge", file=ContentFile(photo_png(), name="bridge.png"))
    desk = open_page(editor)
    desk.goto(reverse("admin:media_image_change", args=[image.pk]))
    picture = desk.locator("[data-focal-picker] img")
    expect(picture).to_be_visible()
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    expect(desk.locator(".focal-picker__marker")).to_be_visible()
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")

    image = Image.objects.get(pk=image.pk)
    assert image.focal_x == pytest.approx(0.25, abs=0.01) and image.focal_y == pytest.approx(0.75, abs=0.01)


def test_bios_are_written_in_the_editor_without_the_body_only_tools(open_page, editor):
    # Not public yet, so an editor may write the bio (a public profile is changed by managers).
    person = PersonFactory(name="Zoe Adams", bio="<p>Zoe Adams writes about borders.</p>", has_profile=False)
    desk = open_page(editor)
    desk.goto(reverse("admin:people_person_change", args=[person.pk]))
    bio = desk.locator(".field-bio .ProseMirror[contenteditable]")
    expect(bio).to_contain_text("Zoe Adams writes about borders.")
    toolbar = desk.locator(".field-bio .prose-menubar")
    expect(toolbar.get_by_role("button", name="bold", exact=True)).to_be_visible()
    for tool in ["Note", "Image", "Pull quote"]:
        expect(toolbar.get_by_role("button", name=tool, exact=True)).to_have_count(0)
