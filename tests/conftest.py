from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import UserFactory


def remove_sqlite_test_database():
    """The SQLite test database is a file (cms/settings.py says why) with a write-ahead log beside
    it. A run whose live server still held it open leaves the log behind, and a fresh database
    that meets an old log fails with "disk I/O error"; so every run starts and ends without them."""
    database = settings.DATABASES["default"]
    test_name = database.get("TEST", {}).get("NAME")
    if database["ENGINE"] == "django.db.backends.sqlite3" and test_name:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{test_name}{suffix}").unlink(missing_ok=True)


def pytest_sessionstart(session):
    remove_sqlite_test_database()


def pytest_sessionfinish(session, exitstatus):
    remove_sqlite_test_database()


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", role="Editor")


@pytest.fixture
def manager(db):
    return UserFactory(username="manny", role="Manager")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def frozen_clock(monkeypatch):
    """Call `frozen_clock(moment)` to make `timezone.now()` return `moment` from then on."""
    from django.utils import timezone

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


def _warm_site_settings(assert_queries):
    """Budgets measure the page, not the site settings' one read per cache life: production
    reads them once and keeps them in the cache until a manager saves them, while every test
    starts with an empty cache (below). So a budget first warms them, outside its count."""

    def assert_after_warming(*args, **kwargs):
        from cms.sitesettings.models import current

        current()
        return assert_queries(*args, **kwargs)

    return assert_after_warming


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    return _warm_site_settings(django_assert_max_num_queries)


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    return _warm_site_settings(django_assert_num_queries)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Every test starts with an empty cache: the page cache is on in tests, as in production."""
    from django.core.cache import cache

    from cms.pagecache.cache import reset_pending_check

    cache.clear()
    reset_pending_check()
    yield
