import pytest

from tests.factories import UserFactory


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


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Every test starts with an empty cache: the page cache is on in tests, as in production."""
    from django.core.cache import cache

    cache.clear()
    yield
