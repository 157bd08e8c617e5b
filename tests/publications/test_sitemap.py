"""The sitemap and robots.txt: every public page for crawlers, nothing that is not public."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from publications.models import Status
from tests.factories import (
    CenterFactory,
    CollectionFactory,
    EditionFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOW = datetime.datetime.now(datetime.UTC)


def sitemap_entries(client) -> dict[str, str | None]:
    """Return {absolute URL: lastmod} from the sitemap, checking it parses as XML."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}


def sitemap_alternates(client) -> dict[str, dict[str, str]]:
    """Return {absolute URL: {hreflang: absolute URL}} from the sitemap's xhtml:link elements."""
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for url in root.findall(f"{SITEMAP}url")
    }


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

    # Publications: a count, a page of rows and the rest of their works; the other 8 sections: their rows.
    with django_assert_max_num_queries(11):
        entries = sitemap_entries(client)

    assert len(entries) >= 4 * size


# -- languages ------------------------------------------------------------------------------------


@pytest.fixture
def work():
    """An English original with public Arabic and Russian editions, and a Chinese one in draft."""
    original = PublicationFactory(published=True, slug="serbia-and-kosovo", language="en")
    EditionFactory(translation_of=original, published=True, slug="serbia-kosovo-ar", language="ar")
    EditionFactory(translation_of=original, published=True, slug="serbia-kosovo-ru", language="ru")
    EditionFactory(translation_of=original, slug="serbia-kosovo-zh-draft", language="zh-hans")
    return original


WORK_ALTERNATES = {
    "en": absolute("/publications/serbia-and-kosovo/"),
    "ar": absolute("/ar/publications/serbia-kosovo-ar/"),
    "ru": absolute("/ru/publications/serbia-kosovo-ru/"),
    "x-default": absolute("/publications/serbia-and-kosovo/"),
}


def test_each_edition_is_listed_at_its_languages_address_naming_every_public_edition_and_the_original_as_default(
    client, work
):
    entries = sitemap_alternates(client)

    for loc in (
        "/publications/serbia-and-kosovo/",
        "/ar/publications/serbia-kosovo-ar/",
        "/ru/publications/serbia-kosovo-ru/",
    ):
        assert entries[absolute(loc)] == WORK_ALTERNATES, loc
    # Each piece once: the Arabic edition is not listed at the English address too.
    assert absolute("/publications/serbia-kosovo-ar/") not in entries


def test_the_sitemap_writes_the_same_alternates_as_the_works_page(client, work):
    html = client.get("/ru/publications/serbia-kosovo-ru/").content.decode()
    page_links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))

    assert page_links == sitemap_alternates(client)[absolute("/ru/publications/serbia-kosovo-ru/")]


def test_an_unpublished_edition_is_neither_listed_nor_named(client, work):
    EditionFactory(
        translation_of=work,
        published=True,
        slug="serbia-kosovo-uk-expired",
        language="uk",
        expire_at=NOW - datetime.timedelta(days=1),
    )

    content = client.get(reverse("sitemap")).content.decode()

    assert "serbia-kosovo-zh-draft" not in content
    assert "serbia-kosovo-uk-expired" not in content
    assert "zh-hans" not in sitemap_alternates(client)[absolute("/publications/serbia-and-kosovo/")]


def test_editions_of_an_unpublished_original_name_each_other_without_a_default(client):
    original = PublicationFactory(status=Status.UNPUBLISHED, slug="withdrawn-original")
    EditionFactory(translation_of=original, published=True, slug="still-ar", language="ar")
    EditionFactory(translation_of=original, published=True, slug="still-fr", language="fr")

    entries = sitemap_alternates(client)

    # French has no interface of its own: its edition reads at the default language's address.
    assert entries[absolute("/ar/publications/still-ar/")] == {
        "ar": absolute("/ar/publications/still-ar/"),
        "fr": absolute("/publications/still-fr/"),
    }
    assert "withdrawn-original" not in client.get(reverse("sitemap")).content.decode()


def test_a_piece_alone_is_listed_without_alternates(client):
    PublicationFactory(published=True, slug="alone")
    PublicationFactory(published=True, slug="alone-in-arabic", language="ar")

    entries = sitemap_alternates(client)

    assert entries[absolute("/publications/alone/")] == {}
    assert entries[absolute("/ar/publications/alone-in-arabic/")] == {}


def test_pages_in_every_language_are_listed_at_each_address_naming_all_of_them(client):
    CenterFactory(slug="middle-east")
    expert = PersonFactory(slug="maha-yahya")

    entries = sitemap_alternates(client)

    for path in ("/", "/publications/", "/experts/", "/centers/middle-east/", expert.get_absolute_url()):
        expected = {
            "en": absolute(path),
            "ar": absolute(f"/ar{path}"),
            "zh-hans": absolute(f"/zh-hans{path}"),
            "ru": absolute(f"/ru{path}"),
            "x-default": absolute(path),
        }
        for language_path in (path, f"/ar{path}", f"/zh-hans{path}", f"/ru{path}"):
            assert entries[absolute(language_path)] == expected, language_path


def test_a_slug_that_reads_like_a_language_keeps_its_default_address(client):
    TopicFactory(slug="en")

    assert sitemap_alternates(client)[absolute("/ar/topics/en/")]["x-default"] == absolute("/topics/en/")


@pytest.mark.parametrize("works", [1, 20])
def test_the_alternates_take_no_query_per_work(client, django_assert_max_num_queries, works):
    for _ in range(works):
        original = PublicationFactory(published=True)
        for language in ("ar", "zh-hans", "ru"):
            EditionFactory(translation_of=original, published=True, language=language)
        EditionFactory(translation_of=PublicationFactory(status=Status.DRAFT), published=True, language="ar")

    with django_assert_max_num_queries(11):
        entries = sitemap_alternates(client)

    pieces = {
        loc: links for loc, links in entries.items() if "/publications/" in loc and not loc.endswith("/publications/")
    }
    assert len(pieces) == 5 * works
    assert sum(1 for links in pieces.values() if set(links) == {"en", "ar", "zh-hans", "ru", "x-default"}) == 4 * works
    # An edition whose original is a draft is listed alone.
    assert sum(1 for links in pieces.values() if not links) == works


def test_the_sitemap_is_xml_and_a_missing_page_is_404(client):
    piece = PublicationFactory(published=True, title="Fish & chips", slug="fish-and-chips")

    response = client.get(reverse("sitemap"))

    assert response["Content-Type"] == "application/xml"
    assert "noindex" in response["X-Robots-Tag"]  # the sitemap file itself, as Django's view says
    assert sitemap_entries(client)[absolute(piece.get_absolute_url())] == piece.updated_at.date().isoformat()
    assert client.get(reverse("sitemap"), {"p": 2}).status_code == 404
    assert client.get(reverse("sitemap"), {"p": "x"}).status_code == 404


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
