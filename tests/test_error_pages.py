import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_a_friendly_404_with_a_way_on(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn’t find that page" in html
    assert 'action="/search/"' in html


def test_a_server_error_shows_a_plain_page_without_details(settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("database password is hunter2")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("broken/", broken)], "handler500": None})
    response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "hunter2" not in html and "Traceback" not in html
