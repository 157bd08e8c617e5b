"""An anonymous reader crawls the whole public site and finds nothing that is not public.

Every state that must stay private (draft, in review, changes requested, approved, scheduled,
expired, unpublished, and the pending change of a live piece) gets a piece whose every text
carries a unique marker; a hidden expert does too. The crawler starts at the home page and
follows every link, then fetches the addresses a reader could guess or be sent (detail pages by
slug, previews by id, share links with bad tokens, search for each marker, every feed and the
sitemap). No response may contain a marker, and no hidden piece may answer anything but 404.
"""

import datetime
import re
from collections import deque
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from publications.models import Status
from publications.previews import PREVIEW_SALT
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    CollectionFactory,
    CollectionItemFactory,
    DisclaimerFactory,
    NewsletterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

HREF = re.compile(r'(?:href|action)="([^"#]*)')
LOC = re.compile(r"<loc>([^<]*)</loc>")
CRAWL_LIMIT = 600


def hidden_states(now):
    day = datetime.timedelta(days=1)
    return {
        "draft": {"status": Status.DRAFT},
        "in review": {"status": Status.IN_REVIEW},
        "changes requested": {"status": Status.CHANGES_REQUESTED},
        "approved": {"status": Status.APPROVED},
        "scheduled": {"status": Status.PUBLISHED, "go_live_at": now + day},
        "expired": {"status": Status.PUBLISHED, "expire_at": now - day},
        "unpublished": {"status": Status.UNPUBLISHED},
    }


@pytest.fixture
def site():
    """A small public site, and beside it one hidden piece per private state."""
    now = timezone.now()
    DisclaimerFactory()
    center, topic, region = (
        CenterFactory(name="Carnegie Europe"),
        TopicFactory(name="Security"),
        RegionFactory(name="Europe"),
    )
    program, project = ProgramFactory(name="Europe Program"), ProjectFactory(name="Balkans Project")
    collection, newsletter = CollectionFactory(name="Best of"), NewsletterFactory(name="Weekly")
    # Taxonomy terms that only hidden pieces use: their pages must look empty.
    hidden_topic = TopicFactory(name="Only hidden work here")
    author = PersonFactory(name="Public Author")
    AffiliationFactory(person=author, center=center)
    hidden_expert = PersonFactory(
        name="Secret Expert zqxhiddenexpert",
        has_profile=False,
        short_bio="zqxhiddenexpert bio",
        bio="<p>zqxhiddenexpert</p>",
    )

    def tag(piece):
        piece.centers.add(center)
        piece.topics.add(
            topic, hidden_topic
        ) if piece.status != Status.PUBLISHED or piece.go_live_at or piece.expire_at else piece.topics.add(topic)
        piece.regions.add(region)
        piece.programs.add(program)
        piece.projects.add(project)
        piece.newsletters.add(newsletter)
        CollectionItemFactory(collection=collection, publication=piece)
        return piece

    public = [
        tag(PublicationFactory(published=True, title=f"Public piece {n}", primary_center=center, authors=[author]))
        for n in range(3)
    ]
    markers = {}
    hidden = {}
    for state, fields in hidden_states(now).items():
        marker = f"zqx{state.replace(' ', '')}marker"
        markers[state] = marker
        hidden[state] = tag(
            PublicationFactory(
                title=f"Secret {marker} title",
                dek=f"{marker} dek",
                body=f"<p>{marker} body</p>",
                slug=f"secret-{marker}",
                primary_center=center,
                authors=[author, hidden_expert],
                **fields,
            )
        )
    # A live piece with a pending change: readers see version 1 only.
    live = tag(PublicationFactory(published=True, title="Live version one", primary_center=center, authors=[author]))
    markers["pending change"] = "zqxpendingmarker"
    hidden["pending change"] = PublicationFactory(
        title="Live version two zqxpendingmarker",
        dek="zqxpendingmarker dek",
        slug="live-version-one--change",
        status=Status.APPROVED,
        draft_of=live,
        primary_center=center,
        authors=[author],
    )
    # A pending change already scheduled to go live tomorrow: still version 1 until then.
    scheduled_live = tag(
        PublicationFactory(published=True, title="Live piece two", primary_center=center, authors=[author])
    )
    markers["scheduled change"] = "zqxscheduledchangemarker"
    hidden["scheduled change"] = tag(
        PublicationFactory(
            title="Live piece two zqxscheduledchangemarker",
            dek="zqxscheduledchangemarker dek",
            slug="live-piece-two--change",
            status=Status.PUBLISHED,
            go_live_at=now + datetime.timedelta(days=1),
            draft_of=scheduled_live,
            primary_center=center,
            authors=[author],
        )
    )
    markers["hidden expert"] = "zqxhiddenexpert"
    return {
        "public": public + [live, scheduled_live],
        "hidden": hidden,
        "markers": markers,
        "hidden_expert": hidden_expert,
        "hidden_topic": hidden_topic,
        "author": author,
        "slugs": {
            "center": center.slug,
            "topic": topic.slug,
            "region": region.slug,
            "program": program.slug,
            "project": project.slug,
            "collection": collection.slug,
            "newsletter": newsletter.slug,
            "type": public[0].publication_type.slug,
        },
    }


def guessable_urls(site) -> list[str]:
    """Addresses a reader could type, guess from a pattern, or be sent by someone."""
    urls = []
    for piece in site["hidden"].values():
        urls += [
            piece.get_absolute_url(),
            reverse("publications:preview", args=[piece.pk]),
            # Share links: none, forged, signed for another purpose, expired.
            reverse("publications:preview_share", args=[f"{piece.pk}:forged"]),
            reverse("publications:preview_share", args=[signing.TimestampSigner().sign(str(piece.pk))]),
            reverse("publications:preview_share", args=[signing.Signer(salt=PREVIEW_SALT).sign(str(piece.pk))]),
            reverse("feeds:expert_rss", args=[site["hidden_expert"].slug]),
        ]
    for marker in site["markers"].values():
        urls.append(reverse("search") + f"?q={marker}")
    for piece in site["hidden"].values():
        urls.append(reverse("search") + "?q=" + piece.title.replace(" ", "+"))
    slugs = site["slugs"]
    urls += [
        site["hidden_expert"].get_absolute_url(),
        reverse("people:list") + "?contributors=1&alumni=1",
        reverse("taxonomy:topic", args=[site["hidden_topic"].slug]),
        reverse("feeds:topic_rss", args=[site["hidden_topic"].slug]),
        reverse("sitemap"),
        reverse("feeds:latest_rss"),
        reverse("feeds:latest_atom"),
    ]
    # Every taxonomy page, and the listing and search filtered by each term.
    for kind in ("center", "topic", "region", "program", "project", "collection", "newsletter"):
        urls.append(reverse(f"taxonomy:{kind}", args=[slugs[kind]]))
    for kind in ("type", "center", "topic", "region", "program", "project"):
        value = slugs[kind]
        urls += [reverse("publications:list") + f"?{kind}={value}", reverse("search") + f"?q=secret&{kind}={value}"]
    for kind in ("center", "topic", "region"):
        for flavour in ("rss", "atom"):
            urls.append(reverse(f"feeds:{kind}_{flavour}", args=[slugs[kind]]))
    for flavour in ("rss", "atom"):
        urls.append(reverse(f"feeds:expert_{flavour}", args=[site["author"].slug]))
    for year in (timezone.now().year, 2024):
        urls.append(reverse("publications:list") + f"?year={year}")
    return urls


def crawl(client: Client, start: list[str]) -> dict[str, tuple[int, str]]:
    """Fetch `start`, then every same-site link found, breadth first; return url → (status, body)."""
    seen: dict[str, tuple[int, str]] = {}
    queue = deque(start)
    while queue and len(seen) < CRAWL_LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        body = response.content.decode(errors="replace")
        seen[url] = (response.status_code, body)
        if (
            response.status_code != 200
            or not url.startswith(reverse("sitemap"))
            and "html" not in response.get("Content-Type", "")
        ):
            continue
        links = HREF.findall(body)
        if "xml" in response.get("Content-Type", ""):
            links = LOC.findall(body)  # the sitemap's addresses
        for link in links:
            link = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(link)
            if parts.netloc not in ("", "testserver") or parts.path.startswith(("/admin/", "/static/", "/media/")):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path not in seen:
                queue.append(path)
    return seen


def without_echo(url: str, body: str) -> str:
    """The page minus the reader's own search words, which the search page repeats back."""
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    return body.replace(escape(query), "").replace(query, "") if query else body


def test_an_anonymous_crawl_of_every_public_url_finds_nothing_unpublished(client, site):
    pages = crawl(client, ["/", *guessable_urls(site)])

    leaks = [
        (url, state)
        for url, (status, body) in pages.items()
        for state, marker in site["markers"].items()
        if marker in without_echo(url, body)
    ]
    assert leaks == []
    assert all(status in (200, 301, 302, 404) for status, _ in pages.values())
    assert len(pages) > 60  # the crawl really walked the site (listings, pages, feeds, filters)


def test_every_hidden_piece_answers_404_to_an_anonymous_reader(client, site):
    for state, piece in site["hidden"].items():
        for url in (piece.get_absolute_url(), reverse("publications:preview", args=[piece.pk])):
            assert client.get(url).status_code == 404, f"{state}: {url}"
    assert client.get(site["hidden_expert"].get_absolute_url()).status_code == 404


def test_the_pending_change_of_a_live_piece_stays_invisible_until_published(client, site):
    live = site["public"][-1]

    html = client.get(live.get_absolute_url()).content.decode()

    assert "Live version one" in html and "zqxpendingmarker" not in html


def test_a_topic_used_only_by_hidden_work_counts_nothing(client, site):
    html = client.get(reverse("taxonomy:topic", args=[site["hidden_topic"].slug])).content.decode()

    assert "zqx" not in html
    assert "Nothing published here yet." in html or "0 publications" in html


def test_a_scheduled_piece_appears_only_once_its_time_has_come(client, site, frozen_clock):
    piece = site["hidden"]["scheduled"]
    assert client.get(piece.get_absolute_url()).status_code == 404

    frozen_clock(piece.go_live_at + datetime.timedelta(minutes=1))

    assert client.get(piece.get_absolute_url()).status_code == 200
