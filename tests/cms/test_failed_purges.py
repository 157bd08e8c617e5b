"""A takedown is never lost: a purge that fails is kept in the database and retried (issue 13, item 2).

Real Redis stands for the shared page cache; a second worker whose cache points at a closed port
stands for the worker that cannot reach it.
"""

import datetime
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from cms.pagecache.cache import RETRY_DELAY
from cms.pagecache.models import PendingPurge
from publications.models import Publication, Status
from publications.workflow import publishing
from tests.factories import PersonFactory, PublicationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"
CLOSED_PORT_URL = "redis://127.0.0.1:9/15"


@pytest.fixture
def redis_cache(transactional_db):
    """The page cache in real Redis, under a prefix of this test's own; hits always look for failed purges."""
    prefix = f"test-{uuid.uuid4().hex}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_PENDING_CHECK_SECONDS=0):
        yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


@pytest.fixture
def live_piece(transactional_db):
    return PublicationFactory(title="Cached title", status=Status.PUBLISHED, authors=[PersonFactory()])


@pytest.fixture
def manager(transactional_db):
    return UserFactory(username="manny", role="Manager")


def database_url() -> str:
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    return (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )


def unpublish_in_a_second_worker(publication, *, cache_url: str, prefix: str) -> subprocess.CompletedProcess:
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from publications.workflow import publishing\n"
        "from publications.models import Publication\n"
        "manager = get_user_model().objects.get(username='manny')\n"
        f"publishing.unpublish_publication(publication=Publication.objects.get(pk={publication.pk}), by=manager)\n"
        "print('Readers no longer see it')\n"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "TEST_REDIS_URL": cache_url,
        "TEST_CACHE_PREFIX": prefix,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def cache_the_page(client, publication):
    """Serve the page once so it is stored, and prove the next visit comes from the cache."""
    assert client.get(publication.get_absolute_url()).status_code == 200
    # Changed behind the cache's back (no signal, no purge): a cached copy still shows the old title.
    Publication.objects.filter(pk=publication.pk).update(title="Changed without a purge")
    assert "Cached title" in client.get(publication.get_absolute_url()).content.decode()


def test_an_unpublish_on_a_worker_that_cannot_reach_the_cache_still_takes_the_page_down(
    client, redis_cache, live_piece, manager
):
    cache_the_page(client, live_piece)

    result = unpublish_in_a_second_worker(live_piece, cache_url=CLOSED_PORT_URL, prefix=redis_cache)

    assert result.returncode == 0, result.stderr
    assert "Readers no longer see it" in result.stdout
    assert Publication.objects.get(pk=live_piece.pk).status == Status.UNPUBLISHED
    assert PendingPurge.objects.exists(), "the failed purge was kept"
    assert client.get(live_piece.get_absolute_url()).status_code == 404
    assert not PendingPurge.objects.exists(), "the worker that reached the cache purged it"


def test_a_working_worker_serves_no_cached_page_while_a_purge_fails(client, redis_cache, live_piece, manager):
    cache_the_page(client, live_piece)
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED_PORT_URL}}

    with override_settings(CACHES=caches):
        publishing.unpublish_publication(publication=live_piece, by=manager)
        assert PendingPurge.objects.count() >= 1

    # The cache is reachable again for this worker; the kept purge is retried before any hit.
    assert client.get(live_piece.get_absolute_url()).status_code == 404
    assert not PendingPurge.objects.exists()


def test_the_task_worker_retries_a_failed_purge_when_no_reader_comes(
    client, redis_cache, live_piece, manager, frozen_clock
):
    cache_the_page(client, live_piece)
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED_PORT_URL}}
    with override_settings(CACHES=caches):
        publishing.unpublish_publication(publication=live_piece, by=manager)
    assert PendingPurge.objects.exists()

    frozen_clock(timezone.now() + RETRY_DELAY + datetime.timedelta(seconds=1))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert not PendingPurge.objects.exists()
    with override_settings(PAGE_CACHE_PENDING_CHECK_SECONDS=3600):
        assert client.get(live_piece.get_absolute_url()).status_code == 404


def test_a_retry_that_fails_again_is_kept_and_counted(redis_cache, live_piece, manager, frozen_clock):
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED_PORT_URL}}
    with override_settings(CACHES=caches):
        publishing.unpublish_publication(publication=live_piece, by=manager)
        frozen_clock(timezone.now() + RETRY_DELAY + datetime.timedelta(seconds=1))
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    kept = list(PendingPurge.objects.all())
    assert kept and all(purge.attempts >= 2 for purge in kept)
    assert all("Connection" in purge.last_error for purge in kept)
