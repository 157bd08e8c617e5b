"""The production settings: `check --deploy` is clean, HTTPS is enforced, and roles still hold.

The suite normally runs with SECURE_HTTPS=0 (tests/settings.py), because the test client
speaks http. Here cms/settings.py is evaluated again the way production evaluates it (DEBUG
off, nothing else set), its security settings are applied, and requests go over https.
"""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.publications import test_permission_matrix as matrix

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CSP",
    "SECURE_CSP_REPORT_ONLY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_REDIRECT_EXEMPT",
]


def production_environment(**extra) -> dict:
    """The environment of a production host: only what .env.example says it must set."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key in {"PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "TMPDIR"}
    }
    return {
        **inherited,
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "www.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://www.example.org",
        "SMTP_HOST": "smtp.example.org",
        **extra,
    }


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_environment(VAR_DIR=str(tmp_path)))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_on_a_weak_secret_key(tmp_path):
    env = production_environment(VAR_DIR=str(tmp_path), SECRET_KEY="change-me")

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0 and "security.W009" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_environment(VAR_DIR=str(tmp_path))
    del env["SECRET_KEY"]

    result = manage("check", env=env)

    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def production_settings() -> dict:
    """cms/settings.py as a production host evaluates it."""
    with mock.patch.dict(os.environ, production_environment(), clear=True):
        values = runpy.run_path(str(ROOT / "cms" / "settings.py"))
    return {name: values[name] for name in SECURITY_SETTINGS}


def development_settings() -> dict:
    with mock.patch.dict(os.environ, production_environment(DEBUG="1"), clear=True):
        values = runpy.run_path(str(ROOT / "cms" / "settings.py"))
    return {name: values[name] for name in SECURITY_SETTINGS}


def test_development_keeps_plain_http_and_a_report_only_policy():
    dev = development_settings()

    assert dev["DEBUG"] and not dev["SECURE_SSL_REDIRECT"] and not dev["SESSION_COOKIE_SECURE"]
    assert dev["SECURE_HSTS_SECONDS"] == 0
    assert dev["SECURE_CSP"] == {} and dev["SECURE_CSP_REPORT_ONLY"]


@pytest.fixture
def production(settings):
    for name, value in production_settings().items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["testserver", "www.example.org"]
    return settings


class HttpsClient(Client):
    """The test client, always over https (as behind the production proxy)."""

    def generic(self, *args, secure=True, **kwargs):
        return super().generic(*args, secure=True, **kwargs)


def test_production_redirects_http_to_https_and_sends_hsts(production, client):
    response = client.get("/publications/")
    assert response.status_code == 301 and response["Location"] == "https://testserver/publications/"

    response = HttpsClient().get("/")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_production_cookies_are_secure_httponly_and_samesite(production):
    UserFactory(username="edna", role="Editor")
    client = HttpsClient()
    client.get(reverse("admin:login"))

    client.post(reverse("admin:login"), {"username": "edna", "password": "correct horse battery staple"})

    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax", name


@pytest.mark.parametrize("role", matrix.ROLES)
@pytest.mark.parametrize("action", list(matrix.ACTIONS))
def test_the_role_matrix_holds_under_production_settings(production, monkeypatch, role, action):
    monkeypatch.setattr(matrix, "Client", HttpsClient)

    matrix.test_permission_matrix(role, action)
