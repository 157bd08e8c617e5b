"""Faults: a database that is down, slow or locked gives readers a plain 503, never a traceback."""

import threading

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import RequestFactory
from django.urls import reverse

from cms.views import server_error
from publications.models import Publication
from tests.factories import CenterFactory, PublicationTypeFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL timeouts")


@pytest.fixture
def database_down(monkeypatch):
    """From now on every query fails the way a refused or dropped connection does."""
    cache.clear()  # pages the cache already holds would (rightly) still be served

    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)


@pytest.mark.parametrize(
    "url", ["/", "/publications/", "/search/?q=envoy", "/experts/", "/feeds/latest/rss/", "/sitemap.xml"]
)
def test_public_pages_answer_503_with_retry_after_when_the_database_is_down(client, database_down, url):
    response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert "We’ll be back shortly" in html
    assert "Traceback" not in html and "5432" not in html and "Connection refused" not in html


def test_the_admin_also_answers_503_when_the_database_is_down(admin_client, database_down):
    assert admin_client.get(reverse("admin:publications_publication_changelist")).status_code == 503


def test_healthz_reports_the_database(client, database_down, monkeypatch):
    monkeypatch.undo()
    healthy = client.get("/healthz")
    assert healthy.status_code == 200 and healthy.json() == {"status": "ok", "database": "ok"}

    def refuse(self, *args, **kwargs):
        raise OperationalError("Connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    sick = client.get("/healthz")
    assert sick.status_code == 503 and sick.json() == {"status": "unavailable", "database": "unreachable"}


def test_healthz_answers_plain_http_even_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_a_fault_outside_any_view_still_gets_the_503_page():
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 503 and response["Retry-After"] == "30"


def test_other_errors_keep_the_plain_500_page():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500


def test_a_save_that_loses_the_database_half_way_leaves_nothing_behind(admin_client, monkeypatch):
    from publications.workflow import editing

    kind, center = PublicationTypeFactory(), CenterFactory()

    def lose_connection(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(editing, "record_edit", lose_connection)
    response = admin_client.get(reverse("admin:publications_publication_add"))
    data = {key: value for key, value in _initial_form_data(response).items()} | {
        "title": "Half written",
        "publication_type": kind.pk,
        "primary_center": center.pk,
        "language": "en",
    }

    response = admin_client.post(reverse("admin:publications_publication_add"), data)

    assert response.status_code == 503
    assert not Publication.objects.filter(title="Half written").exists()


def _initial_form_data(response) -> dict:
    """The add form's management-form fields (inline formsets), as a browser would send them."""
    import re

    html = response.content.decode()
    return dict(
        re.findall(r'<input type="hidden" name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)" value="(\d+)"', html)
    )


@postgres_only
def test_connections_carry_statement_and_lock_timeouts():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement = cursor.fetchone()[0]
        cursor.execute("SHOW lock_timeout")
        lock = cursor.fetchone()[0]

    assert statement == "15s" and lock == "5s"


@postgres_only
def test_a_query_over_the_statement_timeout_gives_503_not_a_hang(client, monkeypatch):
    from publications.views import listings

    cache.clear()

    def slow_listing(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = '100ms'")
            cursor.execute("SELECT pg_sleep(5)")

    monkeypatch.setattr(listings, "publication_listing", slow_listing)
    response = client.get("/publications/")

    assert response.status_code == 503 and response["Retry-After"] == "30"


@postgres_only
def test_a_query_waiting_on_a_lock_gives_503(client):
    import psycopg

    cache.clear()  # and no row written first: our own open transaction would block the lock
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    holder = psycopg.connect(**{k: v for k, v in params.items() if k in {"dbname", "user", "password", "host", "port"}})
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        with holder.transaction():
            holder.execute("SET LOCAL lock_timeout = '5s'")
            holder.execute("LOCK TABLE publications_publication IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(10)

    thread = threading.Thread(target=hold_lock)
    thread.start()
    try:
        assert locked.wait(10)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '200ms'")
        response = client.get("/publications/")
    finally:
        release.set()
        thread.join(15)
        holder.close()

    assert response.status_code == 503
