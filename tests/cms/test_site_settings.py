"""The site's name and other site-wide words, changed by managers in the admin (cms/sitesettings/)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.audit.models import AuditEntry
from cms.sitesettings.models import SiteSettings, current
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

CHANGE_URL = "/admin/sitesettings/sitesettings/1/change/"
DEFAULT_NAME = "Carnegie Endowment for International Peace"


def rename(client, **changes):
    data = {
        "site_name": DEFAULT_NAME,
        "short_name": "Carnegie",
        "description": "What we do.",
        "footer_locations": "Washington · Brussels",
        **changes,
    }
    return client.post(CHANGE_URL, data)


def test_a_fresh_database_reads_the_defaults_from_the_settings(client, settings):
    html = client.get("/").content.decode()

    assert not SiteSettings.objects.exists()
    assert f"<title>{DEFAULT_NAME}</title>" in html
    assert '<a class="site-name" href="/">Carnegie Endowment <span>for International Peace</span></a>' in html
    assert (
        f"<p>{DEFAULT_NAME} · Washington · Brussels · Singapore · Berlin · New Delhi · Beirut · California</p>" in html
    )
    assert current().short_name == settings.SITE_SHORT_NAME


def test_a_site_name_changed_in_the_admin_shows_on_cached_pages_feeds_and_the_admin(manager_client):
    client = Client()  # a reader, whose pages come from the page cache
    PublicationFactory(published=True, title="Grid power")
    assert "Carnegie Endowment" in client.get("/").content.decode()
    with CaptureQueriesContext(connection) as cached:
        client.get("/")
    assert cached.captured_queries == []  # served from the page cache

    response = rename(manager_client, site_name="Peace & Research Institute", short_name="PQI")

    assert response.status_code == 302
    home = client.get("/").content.decode()
    assert "<title>Peace &amp; Research Institute</title>" in home
    assert '<a class="site-name" href="/">Peace &amp; <span>Research Institute</span></a>' in home
    assert '<meta property="og:site_name" content="Peace &amp; Research Institute">' in home
    assert '<meta name="description" content="What we do.">' in home
    assert "<p>Peace &amp; Research Institute · Washington · Brussels</p>" in home
    assert "Carnegie Endowment" not in home
    rss = client.get("/feeds/latest/rss/").content.decode()
    assert "<title>Latest work | Peace &amp;amp; Research Institute</title>" in rss  # RSS titles are HTML
    atom = client.get("/feeds/latest/atom/").content.decode()
    assert "<title>Latest work | Peace &amp; Research Institute</title>" in atom
    assert '<div id="site-name"><a href="/admin/">PQI CMS</a></div>' in manager_client.get("/admin/").content.decode()
    assert (
        '<meta name="description" content="Every topic PQI experts write about.">'
        in client.get("/topics/").content.decode()
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EDIT, object_repr="Site settings").exists()


def test_the_settings_are_one_row_read_from_the_cache(manager_client):
    rename(manager_client, site_name="First")
    rename(manager_client, site_name="Second")

    assert list(SiteSettings.objects.values_list("pk", "site_name")) == [(1, "Second")]
    current()
    with CaptureQueriesContext(connection) as warm:
        assert current().site_name == "Second"
    assert warm.captured_queries == []


def test_the_site_settings_cannot_be_added_or_deleted_and_the_list_opens_the_one_row(manager_client):
    assert manager_client.get("/admin/sitesettings/sitesettings/").url == CHANGE_URL
    assert manager_client.get("/admin/sitesettings/sitesettings/add/").status_code == 403
    rename(manager_client)
    assert manager_client.post("/admin/sitesettings/sitesettings/1/delete/", {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.count() == 1


def test_editors_do_not_change_the_site_settings(editor_client):
    assert rename(editor_client, site_name="Mine").status_code == 403
    assert not SiteSettings.objects.exists()


def test_the_error_pages_show_the_cached_name_without_the_database(manager_client):
    from django.template.loader import render_to_string

    rename(manager_client, site_name="Renamed")
    current()

    with CaptureQueriesContext(connection) as rendered:
        page = render_to_string("503.html")
    assert "<title>Back shortly | Renamed</title>" in page
    assert rendered.captured_queries == []
    # Django renders the 400 page without a request, so without the context processor.
    assert "<title>Bad request | Renamed</title>" in render_to_string("400.html")
    cache.clear()
    assert f"<title>Something went wrong | {DEFAULT_NAME}</title>" in render_to_string("500.html")
