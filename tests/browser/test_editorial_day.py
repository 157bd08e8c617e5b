"""The editor's, the manager's and the reader's day, in a real browser (issue 8, scenarios 1–3).

An editor writes a piece in the admin, a manager sends it back once and then publishes it and
schedules another; a reader then finds the new piece everywhere it belongs and the scheduled
one nowhere. Admin pages are checked with axe on the way (scenario 5); every page's console is
checked for CSP violations by the `open_page` fixture (scenario 7).
"""

import datetime
import io
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image as PILImage
from PIL import ImageDraw
from playwright.sync_api import expect

from publications.models import Publication, Status
from tests.browser.helpers import assert_accessible, choose, selected_labels, write_rich_text
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

NEW_TITLE = "Bridges over the Ibar"
SCHEDULED_TITLE = "Moldova’s quiet vote"
DISCLAIMER = "Carnegie does not take institutional positions on public policy issues."
REVIEW_COMMENT = "Say in the dek why the bridge matters to Brussels."


@pytest.fixture
def newsroom():
    """The site as the editor finds it in the morning: centers, taxonomies, experts, earlier work."""
    europe = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    eurasia = CenterFactory(name="Carnegie Russia Eurasia Center", slug="carnegie-russia-eurasia")
    commentary = PublicationTypeFactory(label="Commentary")
    security = TopicFactory(name="Security")
    TopicFactory(name="Democracy")
    balkans = RegionFactory(name="Western Balkans", parent=RegionFactory(name="Europe"))
    DisclaimerFactory(name="Site default", text=f"<p>{DISCLAIMER}</p>")
    baker = PersonFactory(
        name="Yuri Baker",
        title_line="Senior Fellow, Carnegie Europe",
        short_bio="Yuri Baker follows the Western Balkans from Brussels.",
    )
    adams = PersonFactory(
        name="Zoe Adams",
        title_line="Director, Carnegie Russia Eurasia Center",
        short_bio="Zoe Adams writes about borders and the people who cross them.",
    )
    # Earlier work for the rails: one from the same center, one on the same topic elsewhere.
    same_center = PublicationFactory(
        published=True,
        title="Kosovo’s long road to Brussels",
        primary_center=europe,
        authors=[baker],
        publication_type=commentary,
    )
    same_center.centers.add(europe)
    same_topic = PublicationFactory(
        published=True,
        title="Who guards the Caucasus",
        primary_center=eurasia,
        authors=[adams],
        publication_type=commentary,
    )
    same_topic.centers.add(eurasia)
    same_topic.topics.add(security)
    # Approved yesterday; the manager schedules it for tomorrow. It shares every tag with the
    # new piece, so it would show up beside it anywhere it leaked.
    scheduled = PublicationFactory(
        title=SCHEDULED_TITLE,
        status=Status.APPROVED,
        primary_center=europe,
        authors=[baker, adams],
        publication_type=commentary,
        publication_date=timezone.localdate(),
    )
    scheduled.centers.add(europe)
    scheduled.topics.add(security)
    scheduled.regions.add(balkans)
    return {
        "same_center": same_center,
        "same_topic": same_topic,
        "scheduled": scheduled,
        "baker": baker,
        "adams": adams,
    }


def photo_png() -> bytes:
    """A small but real photo-like PNG: a river, two banks and a bridge."""
    picture = PILImage.new("RGB", (640, 360), "#6a9fb5")
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, 0, 640, 140], fill="#dfe9f0")
    draw.rectangle([0, 250, 640, 360], fill="#4d7f3a")
    draw.rectangle([60, 170, 580, 195], fill="#7b6a58")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def message(page):
    return page.locator(".messagelist")


def test_a_piece_goes_from_the_editors_draft_to_readers(open_page, newsroom, editor, manager, axe_source, axe_report):
    scheduled = newsroom["scheduled"]

    # --- Scenario 1: the editor writes the piece -------------------------------------------
    login = open_page()
    login.goto("/admin/login/")
    assert_accessible(login, axe_source, axe_report, "admin: login")

    desk = open_page(editor)

    # The lead image goes into the library first, with its credit and alt text.
    desk.goto("/admin/media/image/add/")
    desk.locator("#id_title").fill("Pristina bridge at dusk")
    desk.locator("#id_file").set_input_files({"name": "bridge.png", "mimeType": "image/png", "buffer": photo_png()})
    desk.locator("#id_alt_text").fill("The main bridge over the Ibar river in Mitrovica")
    desk.locator("#id_credit").fill("Photo: Ana Petrović")
    assert_accessible(desk, axe_source, axe_report, "admin: image upload form")
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(message(desk)).to_contain_text("was added successfully")

    desk.goto("/admin/publications/publication/add/")
    desk.locator("#id_title").press_sequentially(NEW_TITLE)
    expect(desk.locator("#id_slug")).to_have_value("bridges-over-the-ibar")
    desk.locator("#id_dek").fill("A bridge that divides a town.")
    choose(desk, "id_publication_type", "Comm", "Commentary")
    desk.locator(".field-publication_date").get_by_role("button", name=re.compile(r"^Today")).click()
    expect(desk.locator("#id_publication_date")).not_to_have_value("")
    write_rich_text(
        desk,
        "body",
        [
            "Mitrovica’s bridge over the Ibar has been closed to cars for a decade.",
            "Reopening it is a test of the Brussels dialogue.",
        ],
    )
    choose(desk, "id_primary_center", "Europe", "Carnegie Europe")
    choose(desk, "id_centers", "Eurasia", "Carnegie Russia Eurasia Center")
    choose(desk, "id_regions", "Balk", "Western Balkans")
    choose(desk, "id_topics", "Secu", "Security")
    choose(desk, "id_topics", "Demo", "Democracy")
    choose(desk, "id_lead_image", "Pristina", "Pristina bridge at dusk")
    assert selected_labels(desk, "id_topics") == ["Security", "Democracy"]
    # A screen reader announces each box by its field's label (static/js/admin-autocomplete-a11y.js).
    expect(desk.get_by_role("combobox", name=re.compile(r"^Content type:.*Commentary$"))).to_be_visible()
    expect(desk.get_by_role("combobox", name="Topics:")).to_be_visible()
    expect(desk.get_by_role("searchbox", name="Topics")).to_be_attached()

    # Two authors; the editor wants the second one added first in the byline.
    add_contributor = desk.get_by_role("button", name=re.compile("Add another contributor", re.I))
    add_contributor.click()
    desk.locator("#id_authorships-0-position").fill("1")
    choose(desk, "id_authorships-0-person", "Adams", "Zoe Adams")
    add_contributor.click()
    desk.locator("#id_authorships-1-position").fill("0")
    choose(desk, "id_authorships-1-person", "Baker", "Yuri Baker")
    assert_accessible(desk, axe_source, axe_report, "admin: new publication form (filled in)")

    desk.get_by_role("button", name="Save and continue editing").click()
    expect(message(desk)).to_contain_text("was added successfully")
    expect(desk.locator(".workflow-panel")).to_contain_text("Status: Draft")

    # The preview opens in a new tab, with the public template and a banner.
    with desk.context.expect_page() as opened:
        desk.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.locator(".preview-banner")).to_contain_text("Draft preview")
    expect(preview.locator("h1")).to_have_text(NEW_TITLE)
    expect(preview.locator(".byline")).to_have_text("By Yuri Baker and Zoe Adams")
    preview.close()

    desk.get_by_role("button", name="Submit for review").click()
    expect(message(desk)).to_contain_text("Submitted for review")

    # --- Scenario 2: the manager reviews ---------------------------------------------------
    review = open_page(manager)
    review.get_by_role("link", name=re.compile("awaiting review")).click()
    expect(review).to_have_url(re.compile(r"/review-queue/$"))
    assert_accessible(review, axe_source, axe_report, "admin: review queue")
    review.get_by_role("link", name=NEW_TITLE, exact=True).click()
    assert_accessible(review, axe_source, axe_report, "admin: publication change form (manager, in review)")
    review.get_by_label("Comment for the editor").fill(REVIEW_COMMENT)
    review.get_by_role("button", name="Request changes").click()
    expect(message(review)).to_contain_text("Sent back to the editor")

    desk.reload()
    expect(desk.locator(".workflow-panel .errornote")).to_contain_text(f"Changes requested: {REVIEW_COMMENT}")
    assert_accessible(desk, axe_source, axe_report, "admin: publication change form (editor, changes requested)")
    desk.locator("#id_dek").fill("A bridge that divides a town, and what reopening it would tell Brussels.")
    desk.get_by_role("button", name="Save and continue editing").click()
    expect(message(desk)).to_contain_text("was changed successfully")
    desk.get_by_role("button", name="Submit for review").click()
    expect(message(desk)).to_contain_text("Submitted for review")

    review.goto("/admin/publications/publication/review-queue/")
    review.get_by_role("link", name=NEW_TITLE, exact=True).click()
    review.get_by_role("button", name="Approve").click()
    expect(message(review)).to_contain_text("Approved")
    assert_accessible(review, axe_source, axe_report, "admin: publication change form (manager, publish form)")
    review.get_by_role("button", name="Publish or schedule").click()
    expect(message(review)).to_contain_text("Published. It is live now.")

    # The other piece was approved yesterday; it goes live tomorrow morning.
    review.goto("/admin/")
    review.get_by_role("link", name=re.compile("approved, not yet published")).click()
    review.get_by_role("link", name=SCHEDULED_TITLE).click()
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    go_live = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    review.get_by_label("Go live at (blank: now)").fill(go_live.strftime("%Y-%m-%dT%H:%M"))
    review.get_by_role("button", name="Publish or schedule").click()
    when = date_format(go_live, "SHORT_DATETIME_FORMAT")  # the admin's language decides the format
    expect(message(review)).to_contain_text(f"Scheduled: it goes live {when}")

    new = Publication.objects.get(title=NEW_TITLE)
    assert new.status == Status.PUBLISHED and new.is_public
    scheduled.refresh_from_db()
    assert scheduled.status == Status.PUBLISHED and not scheduled.is_public

    # --- Scenario 3: the reader ------------------------------------------------------------
    reader = open_page()
    reader.goto("/")
    latest = reader.locator("section[aria-labelledby=latest]")
    expect(latest.get_by_role("link", name=NEW_TITLE)).to_be_visible()
    expect(reader.get_by_text(SCHEDULED_TITLE)).to_have_count(0)

    # A filtered listing: the Security topic in the Western Balkans.
    reader.get_by_role("navigation", name="Main").get_by_role("link", name="Publications").click()
    reader.get_by_label("Topic").select_option(label="Security")
    region = reader.get_by_label("Region")
    region.select_option(region.locator("option", has_text="Western Balkans").get_attribute("value"))
    reader.get_by_role("button", name="Apply filters").click()
    expect(reader).to_have_url(re.compile(r"topic=security"))
    results = reader.locator(".listing__results")
    expect(results.get_by_role("link", name=NEW_TITLE)).to_be_visible()
    expect(results.get_by_text(SCHEDULED_TITLE)).to_have_count(0)
    expect(results.locator(".result-count")).to_have_text("1 publication")

    # Search from the header.
    for words, found in [("Moldova quiet vote", False), ("Ibar bridge", True)]:
        reader.get_by_role("searchbox", name="Search publications and experts").fill(words)
        reader.get_by_role("searchbox", name="Search publications and experts").press("Enter")
        hits = reader.locator(".search-publications")
        expect(hits.get_by_role("link", name=NEW_TITLE)).to_have_count(1 if found else 0)
        expect(hits.get_by_text(SCHEDULED_TITLE)).to_have_count(0)

    # The publication page.
    reader.get_by_role("link", name=NEW_TITLE).click()
    expect(reader.locator("h1")).to_have_text(NEW_TITLE)
    expect(reader.locator(".byline")).to_have_text("By Yuri Baker and Zoe Adams")
    bios = reader.locator(".about-authors .author-bio")
    expect(bios).to_have_count(2)
    expect(bios.nth(0).locator(".author-bio__name")).to_have_text("Yuri Baker")
    expect(bios.nth(0).locator(".author-bio__title")).to_have_text("Senior Fellow, Carnegie Europe")
    expect(bios.nth(0)).to_contain_text("follows the Western Balkans from Brussels")
    expect(bios.nth(1).locator(".author-bio__name")).to_have_text("Zoe Adams")
    expect(bios.nth(1).locator(".author-bio__title")).to_have_text("Director, Carnegie Russia Eurasia Center")
    expect(bios.nth(1)).to_contain_text("borders and the people who cross them")
    expect(reader.locator(".disclaimer")).to_have_text(DISCLAIMER)
    lead = reader.locator(".lead-image img")
    expect(lead).to_have_attribute("alt", "The main bridge over the Ibar river in Mitrovica")
    expect(reader.locator(".lead-image figcaption")).to_have_text("Photo: Ana Petrović")
    assert lead.evaluate("img => img.complete && img.naturalWidth > 0"), "the lead image did not load"
    center_rail = reader.get_by_role("region", name="More work from Carnegie Europe")
    expect(center_rail.get_by_role("link", name=newsroom["same_center"].title)).to_be_visible()
    related_rail = reader.get_by_role("region", name="Related work")
    expect(related_rail.get_by_role("link", name=newsroom["same_topic"].title)).to_be_visible()
    expect(reader.get_by_text(SCHEDULED_TITLE)).to_have_count(0)
    for tag in ["Carnegie Europe", "Carnegie Russia Eurasia Center", "Western Balkans", "Security", "Democracy"]:
        expect(reader.locator("article footer").get_by_role("link", name=tag, exact=True)).to_be_visible()

    # Each author's page lists the piece, and not the scheduled one they also wrote.
    publication_url = reader.url
    for author in ["Yuri Baker", "Zoe Adams"]:
        reader.goto(publication_url)
        reader.locator(".byline").get_by_role("link", name=author).click()
        expect(reader.locator("h1")).to_have_text(author)
        work = reader.locator(".profile__work")
        expect(work.get_by_role("link", name=NEW_TITLE)).to_be_visible()
        expect(work.get_by_text(SCHEDULED_TITLE)).to_have_count(0)

    # Not even by its address or in the feed.
    response = reader.goto(scheduled.get_absolute_url())
    assert response.status == 404
    feed = reader.request.get("/feeds/latest/rss/").text()
    assert NEW_TITLE in feed and "Moldova" not in feed
