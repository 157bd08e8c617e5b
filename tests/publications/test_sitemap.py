"""The sitemap and robots.txt: every public page for crawlers, nothing that is not public."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from publications.models import Status
from tests.factories import (
    CenterFactory,
    CollectionFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOW = datetime.datetime.now(datetime.UTC)


def sitemap_entries(client) -> dict[str, str | None]:
    """Return {absolute URL: lastmod} from the sitemap, checking it parses as XML."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}


def absolute(path: str) -> str:
    return f"http://testserver{path}"


def test_the_sitemap_lists_public_pieces_with_their_last_edit_and_no_hidden_ones(client):
    public = PublicationFactory(published=True)
    hidden = [
        PublicationFactory(status=Status.DRAFT),
        PublicationFactory(status=Status.IN_REVIEW),
        PublicationFactory(status=Status.APPROVED),
        PublicationFactory(status=Status.UNPUBLISHED),
        PublicationFactory(published=True, go_live_at=NOW + datetime.timedelta(days=1)),
        PublicationFactory(published=True, expire_at=NOW - datetime.timedelta(days=1)),
    ]

    entries = sitemap_entries(client)

    assert entries[absolute(public.get_absolute_url())] == public.updated_at.date().isoformat()
    for piece in hidden:
        assert absolute(piece.get_absolute_url()) not in entries


def test_the_sitemap_lists_people_with_public_profiles_only(client):
    expert = PersonFactory(name="Public Expert")
    hidden = PersonFactory(name="Hidden Person", has_profile=False)

    entries = sitemap_entries(client)

    assert absolute(expert.get_absolute_url()) in entries
    assert absolute(hidden.get_absolute_url()) not in entries


def test_the_sitemap_lists_every_center_topic_region_program_project_and_collection(client):
    pages = [
        CenterFactory(),
        TopicFactory(),
        RegionFactory(parent=RegionFactory()),
        ProgramFactory(),
        ProjectFactory(),
        CollectionFactory(),
    ]

    entries = sitemap_entries(client)

    for page in pages:
        assert absolute(page.get_absolute_url()) in entries


@pytest.mark.parametrize("size", [1, 25])
def test_the_sitemap_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, size):
    for _ in range(size):
        PublicationFactory(published=True, authors=[PersonFactory()]).topics.set([TopicFactory()])
        CollectionFactory()
        ProjectFactory()

    # A count and a page of rows for each of the 8 sections.
    with django_assert_max_num_queries(16):
        entries = sitemap_entries(client)

    assert len(entries) >= 4 * size


def test_robots_txt_keeps_crawlers_out_of_admin_and_search_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_uses_the_requests_scheme_and_host(client, settings):
    settings.ALLOWED_HOSTS = ["carnegie.example"]

    response = client.get("/robots.txt", headers={"host": "carnegie.example"}, secure=True)

    assert "Sitemap: https://carnegie.example/sitemap.xml" in response.content.decode().splitlines()
