"""The review queue in a real browser at laptop width: it fits, and a manager acts from the row."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from publications.models import Publication, Status
from publications.workflow import review
from tests.browser.conftest import DESKTOP
from tests.browser.helpers import screenshot
from tests.factories import CenterFactory, DisclaimerFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TITLE = (
    "How the European Union Could Rebuild Its Neighbourhood Policy After a Decade of Crises "
    "in the Western Balkans, the Caucasus and the Southern Mediterranean"
)


@pytest.fixture
def queue(editor):
    DisclaimerFactory(name="Site default")
    center = CenterFactory(name="Carnegie Russia Eurasia Center")
    pieces = []
    for number in range(3):
        piece = PublicationFactory(
            title=f"{LONG_TITLE} ({number + 1})", primary_center=center, authors=[PersonFactory()]
        )
        pieces.append(review.submit_for_review(publication=piece, by=editor))
    return pieces


def test_the_review_queue_fits_a_laptop_screen_with_a_comment_form_open(open_page, manager, queue):
    page = open_page(manager, viewport=DESKTOP)
    page.goto(reverse("admin:publications_publication_review_queue"))

    page.get_by_text("Request changes").first.click()
    expect(page.get_by_label("Comment for the editor").first).to_be_visible()

    screenshot(page, "review-queue")
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the queue scrolls sideways at 1280 px: {width[0]} > {width[1]}"


def test_a_manager_approves_and_sends_back_from_the_queue_rows(open_page, manager, queue):
    page = open_page(manager, viewport=DESKTOP)
    page.goto(reverse("admin:publications_publication_review_queue"))

    page.get_by_role("button", name=f"Approve “{queue[0].title}”").click()
    expect(page.get_by_text("Approved. It can now be published.")).to_be_visible()
    page.get_by_text("Request changes").first.click()
    page.get_by_label("Comment for the editor").first.fill("Shorten the title.")
    page.get_by_role("button", name="Send back").first.click()
    expect(page.get_by_text("Sent back to the editor with your comment.")).to_be_visible()

    statuses = dict(Publication.objects.values_list("pk", "status"))
    assert statuses[queue[0].pk] == Status.APPROVED
    assert statuses[queue[1].pk] == Status.CHANGES_REQUESTED
    assert statuses[queue[2].pk] == Status.IN_REVIEW
