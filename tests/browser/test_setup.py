"""The browser tests' own rules: without Chromium they fail in CI and skip elsewhere."""

import pytest

from tests.browser.conftest import missing


def test_a_missing_browser_fails_the_run_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is not installed"):
        missing("Chromium is not installed")


def test_a_missing_browser_skips_the_browser_tests_elsewhere_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        missing("Chromium is not installed")
