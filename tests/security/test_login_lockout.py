"""Admin sign-in is rate-limited per username and address (django-axes; case 34)."""

import logging
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def editor_account():
    return UserFactory(username="edna", role="Editor")


def test_after_five_failures_even_the_right_password_gets_429(client, editor_account, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "edna", "wrong").status_code == 200

    locked = sign_in(client, "edna", "wrong")
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(15 * 60)
    assert "Too many failed sign-ins" in locked.content.decode()

    response = sign_in(client, "edna", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_unknown_username_is_answered_exactly_like_a_known_one(editor_account, settings):
    def answers(username):
        client = Client()
        responses = [sign_in(client, username, "wrong") for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
        # Everything but the per-request nonce, the CSRF token and the echoed username.
        pages = [
            re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode().replace(username, "NAME"))
            for response in responses
        ]
        return [response.status_code for response in responses], pages

    assert answers("edna") == answers("nobody-by-that-name")


def test_the_lockout_is_per_username_and_address(client, editor_account, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "edna", "wrong", address="203.0.113.7")

    # The same person from the office network, and another account from the attacker's address.
    assert sign_in(Client(), "edna", PASSWORD, address="198.51.100.20").status_code == 302
    UserFactory(username="manny", role="Manager")
    assert sign_in(Client(), "manny", PASSWORD, address="203.0.113.7").status_code == 302


def test_a_spoofed_forwarded_for_header_does_not_reset_the_count(client, editor_account, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "edna", "password": "wrong"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )

    assert sign_in(client, "edna", PASSWORD, address="203.0.113.7").status_code == 429


def test_behind_a_trusted_proxy_the_client_address_comes_from_the_proxy(settings, editor_account):
    from django.test import RequestFactory

    from cms.security import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")

    assert client_ip(request) == "203.0.113.7"


def test_failures_and_lockouts_are_logged_and_recorded(client, editor_account, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "edna", "wrong")

    assert any("Locking out" in record.getMessage() for record in caplog.records)
    attempt = AccessAttempt.objects.get(username="edna")
    assert attempt.ip_address == "203.0.113.7" and attempt.failures_since_start == settings.AXES_FAILURE_LIMIT


def test_a_successful_sign_in_clears_earlier_failures(client, editor_account, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "edna", "wrong")

    assert sign_in(client, "edna", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="edna").exists()


def test_the_session_is_rotated_on_sign_in_and_ended_on_sign_out(client, editor_account):
    client.get(reverse("admin:login"))
    client.cookies["sessionid"] = "attacker-chosen-session"
    sign_in(client, "edna", PASSWORD)
    signed_in = client.cookies["sessionid"].value
    assert signed_in != "attacker-chosen-session"

    client.post(reverse("admin:logout"))
    assert client.get(reverse("admin:index")).status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=signed_in).exists()
