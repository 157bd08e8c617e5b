"""The Arabic site in a real browser: right to left, mirrored, accessible, fitting phone and desktop (issue 15, 5).

Screenshots of each page at both widths go to tests/artifacts/ (ar-*.png) for people to look at.
"""

import datetime

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import assert_accessible, screenshot_and_assert_no_sideways_scroll
from tests.factories import PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def arabic_site(public_site):
    kerr = PersonFactory(name="مهى يحيَ", slug="maha-yahya", title_line="مديرة مركز مالكوم كير–كارنيغي للشرق الأوسط")
    piece = PublicationFactory(
        published=True,
        language="ar",
        title="لبنان بعد الحرب: من يدفع ثمن إعادة الإعمار؟",
        slug="lebanon-after-the-war",
        dek="تتنافس الدول المانحة على شروط المساعدات، فيما ينتظر الجنوب أكثر من 11 مليار دولار.",
        publication_type=public_site["piece"].publication_type,
        primary_center=public_site["europe"],
        publication_date=datetime.date(2026, 11, 25),
        authors=[kerr, public_site["baker"]],
        body=(
            "<p>قدّر البنك الدولي كلفة الأضرار بنحو 11 مليار دولار في عام 2025، أي ما يقارب نصف الناتج المحلي.</p>"
            "<blockquote><p>لا إعمار من دون إصلاح، ولا إصلاح من دون دولة.</p></blockquote>"
            "<p>يتناول هذا المقال شروط صندوق النقد الدولي (IMF) ودور الاتحاد الأوروبي.</p>"
        ),
    )
    piece.topics.add(public_site["security"])
    return {**public_site, "arabic_piece": piece, "kerr": kerr}


PAGES = {
    "ar-home": "/ar/",
    "ar-listing": "/ar/publications/?topic=security",
    "ar-article": "/ar/publications/lebanon-after-the-war/",
    "ar-expert": "/ar/experts/yuri-baker/",
}


def test_arabic_pages_are_right_to_left_and_accessible(arabic_site, open_page, axe_source, axe_report):
    page = open_page(viewport=DESKTOP)
    failures = []
    for name, url in PAGES.items():
        response = page.goto(url)
        assert response.status == 200, f"{name} ({url}) answered {response.status}"
        root = page.locator("html")
        assert (root.get_attribute("lang"), root.get_attribute("dir")) == ("ar", "rtl"), name
        assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl", name
        try:
            assert_accessible(page, axe_source, axe_report, name)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_arabic_pages_fit_the_screen_mirrored(arabic_site, open_page, viewport):
    page = open_page(viewport=viewport)
    for name, url in PAGES.items():
        page.goto(url)
        screenshot_and_assert_no_sideways_scroll(page, name)

    # The masthead starts on the right.
    page.goto(PAGES["ar-home"])
    masthead = page.locator(".site-name").bounding_box()
    assert masthead["x"] + masthead["width"] > viewport["width"] / 2

    # The article: rails on the left of the body on a desktop, the author's photo right of the name.
    page.goto(PAGES["ar-article"])
    main = page.locator(".publication__main").bounding_box()
    aside = page.locator(".publication__aside").bounding_box()
    if viewport is DESKTOP:
        assert aside["x"] + aside["width"] <= main["x"], "the rails must sit on the body's left in Arabic"
    else:
        assert aside["y"] >= main["y"] + main["height"], "the rails must come after the body on a phone"
    quote = page.locator(".body blockquote")
    assert quote.evaluate("q => getComputedStyle(q).borderRightWidth") == "4px", "the quote's rule is on its start side"

    # Pagination reads right to left: "next" lies left of the current page.
    page.goto(PAGES["ar-listing"])
    current = page.locator(".pagination [aria-current=page]").bounding_box()
    following = page.locator(".pagination a[rel=next]").bounding_box()
    assert following["x"] + following["width"] <= current["x"]
