"""The browser tests' own rules: without Chromium they fail in CI and skip elsewhere."""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import transaction

from cms.taxonomies.models import Topic
from tests.browser.conftest import missing
from tests.factories import TopicFactory


def test_a_missing_browser_fails_the_run_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is not installed"):
        missing("Chromium is not installed")


def test_a_missing_browser_skips_the_browser_tests_elsewhere_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        missing("Chromium is not installed")


@pytest.mark.django_db(transaction=True)
def test_the_live_server_answers_an_editors_requests_that_arrive_together(live_server, client, admin_user):
    """A browser sends requests side by side (select2 asks for suggestions while the desk
    autosaves); each must be answered. On SQLite this needs a file database: with an in-memory
    one the live server's request threads share one connection, and two at once fail with
    "bad parameter or other API misuse" (a 503 for the editor)."""
    TopicFactory.create_batch(5)
    client.force_login(admin_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    urls = [
        f"{live_server.url}/admin/autocomplete/?app_label=publications&model_name=publication"
        f"&field_name=topics&term={letter}"
        for letter in "abcdefghijklmnopqrstuvwxyz" * 20
    ]

    def status(url):
        request = urllib.request.Request(url, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = pool.map(status, urls)
        # Meanwhile the test itself writes and reads, as a test preparing or checking work does.
        for number in range(200):
            with transaction.atomic():
                TopicFactory(name=f"Topic {number}")
                list(Topic.objects.all()[:20])
        statuses = list(answers)

    assert statuses == [200] * len(urls)
