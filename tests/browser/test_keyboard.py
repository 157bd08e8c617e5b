"""A reader who uses only the keyboard filters the listing and turns its pages (issue 8, scenario 4).

Every Tab press is checked: the focused element must draw a visible focus indicator (an
outline or a box shadow in its computed style).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focus_ring, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_keyboard_user_filters_the_listing_and_turns_its_pages(public_site, page):
    page.goto("/publications/")

    # The first Tab reaches the skip link, which jumps past the header to the content.
    skip = tab_to(page, "Skip to content", role_tag="a", limit=1)
    assert skip["visible"]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))

    # The topic filter: arrow keys change a closed select's choice, as on Windows and Linux.
    tab_to(page, "Topic", role_tag="select", limit=5)
    topic = page.get_by_label("Topic")
    for _ in range(10):
        if topic.input_value() == "security":
            break
        page.keyboard.press("ArrowDown")
    assert topic.input_value() == "security"
    assert focus_ring(page)["visible"]

    tab_to(page, "Apply filters", role_tag="button", limit=10)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]topic=security"))
    expect(page.locator(".result-count")).to_have_text("25 publications, showing 1–20")

    # Through twenty results to the next page, then back again; the filter stays on.
    tab_to(page, "Next page", role_tag="a", limit=120)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page).to_have_url(re.compile(r"topic=security"))
    expect(page.locator(".result-count")).to_have_text("25 publications, showing 21–25")
    expect(page.get_by_label("Topic")).to_have_value("security")

    tab_to(page, "Previous page", role_tag="a", limit=120)
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"page=2"))
    expect(page.locator(".result-count")).to_have_text("25 publications, showing 1–20")
