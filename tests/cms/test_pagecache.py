"""The page cache: who gets cached pages, what is never stored, conditional GET, purges and commits."""

import datetime
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from cms.pagecache import cache as pagecache
from cms.pagecache.cache import PageCacheMiddleware
from publications.models import Publication
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece():
    return PublicationFactory(title="A cached piece", published=True)


def stored_pages() -> int:
    return len([key for key in cache._cache if ":page:" in key])  # LocMemCache in tests


def test_an_anonymous_reader_gets_the_second_visit_from_the_cache(client, piece, django_assert_num_queries):
    first = client.get(piece.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(piece.get_absolute_url())
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_logged_in_staff_neither_read_nor_fill_the_cache(client, piece):
    staff = UserFactory(username="staffer", role="Editor")
    client.force_login(staff)
    client.get(piece.get_absolute_url())
    response = client.get(piece.get_absolute_url())
    assert response.status_code == 200
    assert stored_pages() == 0


def test_a_page_is_not_cached_when_the_cache_is_turned_off(client, piece):
    with override_settings(PAGE_CACHE=False):
        client.get(piece.get_absolute_url())
        response = client.get(piece.get_absolute_url())
    assert response.status_code == 200
    assert stored_pages() == 0


@pytest.mark.parametrize("url", ["page", "feed"])
def test_a_matching_etag_gets_304_without_the_page(client, piece, url):
    address = piece.get_absolute_url() if url == "page" else reverse("feeds:latest_rss")
    etag = client.get(address)["ETag"]
    for _ in range(2):  # rendered, then from the cache
        response = client.get(address, headers={"if-none-match": etag})
        assert response.status_code == 304
        assert response.content == b""


def test_a_missing_page_is_not_stored(client):
    client.get("/publications/no-such-piece/")
    assert stored_pages() == 0


def test_search_results_are_cached_per_query(client, piece):
    assert "A cached piece" in client.get("/search/", {"q": "cached"}).content.decode()
    assert "A cached piece" not in client.get("/search/", {"q": "elsewhere"}).content.decode()
    assert "A cached piece" in client.get("/search/", {"q": "cached"}).content.decode()


@pytest.mark.parametrize(
    "query",
    [{"made_up": "1"}, {"page": ["1", "2"]}, {"q": "x" * 201}, {"topic": "a", "x": "y"}],
    ids=["unknown parameter", "repeated parameter", "overlong value", "known and unknown"],
)
def test_made_up_query_strings_are_answered_but_never_fill_the_cache(client, piece, query):
    for _ in range(2):
        assert client.get("/publications/", query).status_code == 200
    assert stored_pages() == 0


def test_a_search_in_one_language_is_served_from_the_cache(client, piece, django_assert_num_queries):
    query = {"q": "cached", "language": "en"}
    first = client.get("/search/", query)
    with django_assert_num_queries(0):
        second = client.get("/search/", query)
    assert second.content == first.content
    assert "A cached piece" in second.content.decode()


def test_the_order_of_filters_does_not_make_a_second_copy(client, piece, django_assert_num_queries):
    client.get("/publications/?type=analysis&page=1")
    with django_assert_num_queries(0):
        client.get("/publications/?page=1&type=analysis")
    assert stored_pages() == 1


def test_a_shared_link_with_marketing_tags_reads_the_plain_page_but_stores_nothing(
    client, piece, django_assert_num_queries
):
    tagged = piece.get_absolute_url() + "?utm_source=newsletter&fbclid=abc"
    assert client.get(tagged).status_code == 200
    assert stored_pages() == 0  # what it rendered is not kept

    plain = client.get(piece.get_absolute_url())
    with django_assert_num_queries(0):
        from_cache = client.get(tagged)
    assert from_cache.content == plain.content


def middleware_around(view):
    return PageCacheMiddleware(view)


def stored_after(response_factory) -> bool:
    request = RequestFactory().get("/somewhere/")
    middleware_around(lambda request: response_factory(request))(request)
    return stored_pages() > 0


def test_responses_that_set_a_cookie_or_forbid_storing_are_not_stored():
    def with_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("csrftoken", "x")
        return response

    def private(request):
        response = HttpResponse("hello")
        response["Cache-Control"] = "private, no-store"
        return response

    def with_csrf_token(request):
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return HttpResponse("hello")

    def with_nonce(request):
        request._csp_nonce = "used"
        return HttpResponse("hello")

    for view in (with_cookie, private, with_csrf_token, with_nonce):
        cache.clear()
        assert not stored_after(view), view.__name__
    assert stored_after(lambda request: HttpResponse("hello"))


def test_a_page_rendered_while_something_was_purged_is_not_stored():
    def render_during_a_purge(request):
        pagecache.depends_on("set:topics:1")
        pagecache.purge("set:topics:2")  # another editor's change lands mid-render
        return HttpResponse("maybe stale")

    assert not stored_after(render_during_a_purge)


def test_the_purge_runs_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    """A page rendered from the old data between the change and its commit cannot outlive the commit."""
    calls = []

    def view(request):
        calls.append(1)
        pagecache.depends_on("set:topics:1")
        return HttpResponse("page")

    middleware = middleware_around(view)
    with django_capture_on_commit_callbacks() as callbacks:
        pagecache.purge("set:topics:1")
        middleware(RequestFactory().get("/topic/"))  # stored after the first purge, before the commit
        middleware(RequestFactory().get("/topic/"))
        assert len(calls) == 1
    for callback in callbacks:
        callback()
    middleware(RequestFactory().get("/topic/"))
    assert len(calls) == 2


def test_gunicorn_refuses_several_workers_on_a_per_process_cache():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", Path(__file__).parents[2] / "gunicorn.conf.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    server = SimpleNamespace(cfg=SimpleNamespace(workers=3))
    with pytest.raises(SystemExit, match="REDIS_URL"):
        config.on_starting(server)
    config.on_starting(SimpleNamespace(cfg=SimpleNamespace(workers=1)))
    with override_settings(PAGE_CACHE=False):
        config.on_starting(server)


def test_a_page_a_worker_remembers_is_dropped_by_the_next_purge(client, piece, django_assert_num_queries):
    client.get(piece.get_absolute_url())  # rendered and stored
    client.get(piece.get_absolute_url())  # from the shared cache, now remembered by this worker
    with django_assert_num_queries(0):
        assert "A cached piece" in client.get(piece.get_absolute_url()).content.decode()

    piece.title = "A retitled piece"
    piece.save()

    assert "A retitled piece" in client.get(piece.get_absolute_url()).content.decode()


def test_a_remembered_page_still_expires_at_a_scheduled_change(client, piece, frozen_clock):
    now = timezone.now()
    frozen_clock(now)
    later = PublicationFactory(title="Goes live soon", published=True)
    Publication.objects.filter(pk=later.pk).update(go_live_at=now + datetime.timedelta(minutes=5))
    pagecache.purge_everything()
    for _ in range(3):  # rendered, from the shared cache, from this worker's memory
        assert "Goes live soon" not in client.get("/publications/").content.decode()

    frozen_clock(now + datetime.timedelta(minutes=6))

    assert "Goes live soon" in client.get("/publications/").content.decode()


def test_a_deploy_that_changes_a_module_deep_in_an_app_serves_no_page_made_by_the_old_code(tmp_path, settings):
    # Pages are keyed by a hash of the code; a change in cms/taxonomies/models.py or in
    # publications/queries/listings.py must change it as a change in cms/urls.py does.
    module = tmp_path / "publications" / "queries" / "listings.py"
    module.parent.mkdir(parents=True)
    module.write_text("PER_PAGE = 20\n")
    settings.BASE_DIR = tmp_path
    try:
        del pagecache.code_version.value
        before = pagecache.code_version()
        module.write_text("PER_PAGE = 30\n")
        del pagecache.code_version.value

        assert pagecache.code_version() != before
    finally:
        pagecache.code_version.__dict__.pop("value", None)
