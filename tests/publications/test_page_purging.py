"""Cached public pages change the moment what they show changes, and only then.

Each test fills the page cache by visiting pages as an anonymous reader, makes a change the
way editors and managers do (workflow services, the admin), and visits again.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from publications.models import Status
from publications.workflow import publishing, review
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """A small site: one center, topic, region and type, an expert with two published pieces."""
    DisclaimerFactory(name="Site default")
    center = CenterFactory(name="Carnegie Europe", slug="europe")
    topic = TopicFactory(name="Democracy", slug="democracy")
    region = RegionFactory(name="Balkans", slug="balkans")
    kind = PublicationTypeFactory(label="Commentary")
    expert = PersonFactory(name="Ada Expert", slug="ada-expert")
    AffiliationFactory(person=expert, center=center, title_line="Senior Fellow, Carnegie Europe")
    pieces = []
    for title in ["Older piece on the Balkans", "Newer piece on the Balkans"]:
        piece = PublicationFactory(
            title=title, published=True, primary_center=center, publication_type=kind, authors=[expert]
        )
        piece.topics.add(topic)
        piece.regions.add(region)
        piece.centers.add(center)
        pieces.append(piece)
    return {"center": center, "topic": topic, "region": region, "type": kind, "expert": expert, "pieces": pieces}


def pages_showing_work(site) -> list[str]:
    """Every public page that lists the site's pieces (and so should list a new one)."""
    older = site["pieces"][0]
    return [
        "/",
        reverse("publications:list"),
        reverse("publications:list") + f"?topic={site['topic'].slug}&region={site['region'].slug}",
        reverse("search") + "?q=balkans",
        site["center"].get_absolute_url(),
        site["topic"].get_absolute_url(),
        site["region"].get_absolute_url(),
        site["expert"].get_absolute_url(),
        older.get_absolute_url(),  # rails: the center's newest, related work, the author's recent work
        reverse("feeds:latest_rss"),
        reverse("feeds:topic_rss", args=[site["topic"].slug]),
        reverse("feeds:expert_rss", args=[site["expert"].slug]),
    ]


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url


def texts(client, urls) -> dict[str, str]:
    return {url: client.get(url).content.decode() for url in urls}


def served_from_cache(client, url, django_assert_num_queries) -> bool:
    with django_assert_num_queries(0):
        return client.get(url).status_code == 200


def test_a_second_visit_is_served_from_the_cache_without_a_query(client, site, django_assert_num_queries):
    urls = pages_showing_work(site)
    warm(client, urls)
    for url in urls:
        assert served_from_cache(client, url, django_assert_num_queries), url


def test_publishing_a_piece_shows_it_at_once_on_every_cached_page_that_lists_it(client, site, manager):
    urls = pages_showing_work(site)
    warm(client, urls)
    new = PublicationFactory(
        title="Fresh piece on the Balkans",
        status=Status.APPROVED,
        primary_center=site["center"],
        publication_type=site["type"],
        authors=[site["expert"]],
        publication_date=datetime.date(2030, 1, 1),
    )
    new.topics.add(site["topic"])
    new.regions.add(site["region"])
    new.centers.add(site["center"])
    assert all("Fresh piece" not in text for text in texts(client, urls).values())

    publishing.publish_publication(publication=new, by=manager)

    missing = [url for url, text in texts(client, urls).items() if "Fresh piece" not in text]
    assert missing == []


def test_unpublishing_a_piece_removes_it_from_every_cached_page_at_once(client, site, manager):
    newer = site["pieces"][1]
    urls = pages_showing_work(site)
    warm(client, urls + [newer.get_absolute_url()])

    publishing.unpublish_publication(publication=newer, by=manager)

    assert client.get(newer.get_absolute_url()).status_code == 404
    still_shown = [url for url, text in texts(client, urls).items() if newer.title in text]
    assert still_shown == []


def test_publishing_a_change_to_a_live_piece_updates_every_cached_page_that_shows_it(client, site, manager):
    newer = site["pieces"][1]
    urls = pages_showing_work(site) + [newer.get_absolute_url()]
    warm(client, urls)

    change = review.start_change(publication=newer, by=manager)
    change.title = "Renamed piece on the Balkans"
    change.save()
    change.status = Status.APPROVED
    change.save()
    publishing.publish_publication(publication=change, by=manager)

    pages = texts(client, urls)
    assert [url for url, text in pages.items() if newer.title in text] == []
    assert [url for url, text in pages.items() if "Renamed piece" not in text] == []


def test_a_piece_leaving_a_topic_leaves_the_cached_topic_page(client, site, manager):
    newer = site["pieces"][1]
    topic_page = site["topic"].get_absolute_url()
    warm(client, [topic_page])

    change = review.start_change(publication=newer, by=manager)
    change.topics.clear()
    change.status = Status.APPROVED
    change.save()
    publishing.publish_publication(publication=change, by=manager)

    assert newer.title not in client.get(topic_page).content.decode()


def test_editing_a_person_updates_every_cached_page_that_shows_them(client, site):
    urls = pages_showing_work(site) + [reverse("people:list")]
    urls.remove(reverse("search") + "?q=balkans")  # searches by the old name are another URL
    warm(client, urls)

    expert = site["expert"]
    expert.name = "Ada Renamed"
    expert.save()

    stale = [url for url, text in texts(client, urls).items() if "Ada Renamed" not in text]
    assert stale == []


def test_a_new_title_line_shows_on_cached_pages_of_the_person(client, site):
    expert = site["expert"]
    urls = [expert.get_absolute_url(), site["pieces"][0].get_absolute_url(), site["center"].get_absolute_url()]
    warm(client, urls)

    affiliation = expert.affiliations.get()
    affiliation.title_line = "Director, Carnegie Europe"
    affiliation.save()

    assert [url for url, text in texts(client, urls).items() if "Director, Carnegie Europe" not in text] == []


def test_editing_a_taxonomy_updates_every_cached_page_that_shows_it(client, site):
    urls = [
        site["pieces"][0].get_absolute_url(),  # the footer's tag list
        site["topic"].get_absolute_url(),
        reverse("taxonomy:topics"),
        reverse("publications:list"),  # the filter bar
        reverse("people:list"),  # the directory's filter
    ]
    warm(client, urls)

    topic = site["topic"]
    topic.name = "Democracy and Governance"
    topic.save()

    assert [url for url, text in texts(client, urls).items() if "Democracy and Governance" not in text] == []


def test_renaming_a_center_updates_the_pieces_and_the_home_page(client, site):
    urls = ["/", site["pieces"][0].get_absolute_url(), reverse("taxonomy:centers")]
    warm(client, urls)

    center = site["center"]
    center.name = "Carnegie Europe Brussels"
    center.save()

    assert [url for url, text in texts(client, urls).items() if "Carnegie Europe Brussels" not in text] == []


def test_a_new_narrower_disclaimer_shows_on_cached_publication_pages(client, site):
    page = site["pieces"][0].get_absolute_url()
    warm(client, [page])

    DisclaimerFactory(name="Europe", center=site["center"], text="<p>Brussels legal wording.</p>")

    assert "Brussels legal wording." in client.get(page).content.decode()


def test_a_scheduled_piece_appears_on_cached_listings_at_its_time(client, site, manager, frozen_clock):
    now = timezone.now()
    frozen_clock(now)
    piece = PublicationFactory(
        title="Scheduled piece on the Balkans",
        status=Status.APPROVED,
        primary_center=site["center"],
        authors=[site["expert"]],
        publication_date=datetime.date(2030, 1, 1),
    )
    piece.topics.add(site["topic"])
    go_live = now + datetime.timedelta(hours=2)
    publishing.publish_publication(publication=piece, by=manager, go_live_at=go_live)
    urls = ["/", reverse("publications:list"), site["topic"].get_absolute_url(), site["expert"].get_absolute_url()]

    frozen_clock(go_live - datetime.timedelta(seconds=1))
    assert all(piece.title not in text for text in texts(client, urls).values())
    assert all(piece.title not in text for text in texts(client, urls).values())  # now from the cache

    frozen_clock(go_live)
    assert [url for url, text in texts(client, urls).items() if piece.title not in text] == []


def test_an_expiring_piece_leaves_cached_listings_at_its_time(client, site, manager, frozen_clock):
    now = timezone.now()
    frozen_clock(now)
    piece = PublicationFactory(
        title="Expiring piece on the Balkans",
        status=Status.APPROVED,
        primary_center=site["center"],
        authors=[site["expert"]],
        publication_date=datetime.date(2030, 1, 1),
    )
    expire = now + datetime.timedelta(days=1)
    publishing.publish_publication(publication=piece, by=manager, expire_at=expire)
    urls = ["/", reverse("publications:list"), site["expert"].get_absolute_url()]
    warm(client, urls)
    warm(client, urls)

    frozen_clock(expire)
    assert [url for url, text in texts(client, urls).items() if piece.title in text] == []


def test_editing_a_draft_purges_nothing(client, site, editor, django_assert_num_queries):
    urls = pages_showing_work(site)
    warm(client, urls)
    draft = PublicationFactory(title="A draft", primary_center=site["center"], authors=[site["expert"]])
    draft.topics.add(site["topic"])
    draft.title = "A draft, edited"
    draft.save()

    for url in urls:
        assert served_from_cache(client, url, django_assert_num_queries), url


def test_publishing_leaves_pages_that_do_not_show_the_piece_cached(client, site, manager, django_assert_num_queries):
    other_center = CenterFactory(name="Carnegie India", slug="india")
    other_topic = TopicFactory(name="Trade", slug="trade")
    unrelated = PublicationFactory(title="Unrelated piece", published=True, primary_center=other_center)
    unrelated.topics.add(other_topic)
    urls = [unrelated.get_absolute_url(), other_topic.get_absolute_url(), other_center.get_absolute_url()]
    warm(client, urls)

    new = PublicationFactory(status=Status.APPROVED, primary_center=site["center"], authors=[site["expert"]])
    new.topics.add(site["topic"])
    publishing.publish_publication(publication=new, by=manager)

    for url in urls:
        assert served_from_cache(client, url, django_assert_num_queries), url
