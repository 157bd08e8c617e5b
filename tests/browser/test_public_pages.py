"""The public pages in a real browser: accessibility (axe), phone and desktop layouts (issue 8, 5–6).

Screenshots of every page at both widths are written to tests/artifacts/ for people to look at;
axe's findings for each page go to tests/artifacts/axe-report.json. CSP violations on any page
fail the test through the `open_page` fixture (scenario 7).
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import assert_accessible, screenshot_and_assert_no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "publication": "/publications/bridges-over-the-ibar/",
    "listing": "/publications/?topic=security",
    "search": "/search/?q=bridges",
    "expert": "/experts/yuri-baker/",
    "expert-directory": "/experts/",
    "center": "/centers/carnegie-europe/",
    "topic": "/topics/security/",
}


def boxes(page) -> dict:
    """Where the publication page's body and rails are, and whether the page scrolls sideways."""
    return page.evaluate(
        """() => {
          const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
          return {
            main: box(".publication__main"),
            aside: box(".publication__aside"),
            scrollWidth: document.documentElement.scrollWidth,
            viewportWidth: document.documentElement.clientWidth,
          };
        }"""
    )


def test_public_pages_have_no_serious_accessibility_problems(public_site, open_page, axe_source, axe_report):
    page = open_page(viewport=DESKTOP)
    failures = []
    for name, url in PAGES.items():
        response = page.goto(url)
        assert response.status == 200, f"{name} ({url}) answered {response.status}"
        try:
            assert_accessible(page, axe_source, axe_report, name)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_public_pages_fit_the_screen(public_site, open_page, viewport):
    page = open_page(viewport=viewport)
    for name, url in PAGES.items():
        page.goto(url)
        screenshot_and_assert_no_sideways_scroll(page, name)

    # Expert cards: the photo beside the text, and the text as wide as the card without one.
    page.goto(PAGES["expert-directory"])
    for card in page.locator(".person-card").all():
        text = card.locator(".person-card__name").bounding_box()
        photo = card.locator("img")
        if photo.count():
            assert photo.bounding_box()["x"] + photo.bounding_box()["width"] <= text["x"], "photo and name overlap"
        else:
            assert text["width"] >= card.bounding_box()["width"] * 0.9, "a card without a photo keeps its text narrow"

    page.goto(PAGES["publication"])
    layout = boxes(page)
    assert layout["scrollWidth"] <= layout["viewportWidth"]
    if viewport is PHONE:
        assert layout["aside"]["top"] >= layout["main"]["bottom"], "the rails must come after the body on a phone"
        assert layout["main"]["width"] <= viewport["width"]
    else:
        assert layout["aside"]["left"] >= layout["main"]["right"], "the rails must sit beside the body on a desktop"
        assert layout["aside"]["top"] < layout["main"]["bottom"]
    # The author's photo sits beside the name and bio, not above them.
    photo = page.locator(".author-bio__photo").first.bounding_box()
    name = page.locator(".author-bio__name").first.bounding_box()
    assert photo["x"] + photo["width"] <= name["x"] and photo["y"] <= name["y"] < photo["y"] + photo["height"]
    lead = page.locator(".lead-image img")
    assert lead.evaluate("img => img.complete && img.naturalWidth > 0"), "the lead image did not load"
    assert lead.bounding_box()["width"] <= layout["main"]["width"] + 1
