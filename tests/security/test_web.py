"""Web-level defences: headers, CSRF, redirects after sign-in, Host, error pages, absurd input."""

from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from publications.models import Publication, Status
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


# --- Headers on every response (cases 11, 29, 32) ---


@pytest.mark.parametrize(
    "url", ["/", "/publications/", "/search/?q=x", "/no-such-page/", "/admin/login/", "/feeds/latest/rss/"]
)
def test_every_response_forbids_framing_sniffing_and_inline_script(client, url):
    PublicationFactory(published=True)
    response = client.get(url)

    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "base-uri 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_pages_need_no_nonce_so_a_cached_copy_stays_valid(client):
    piece = PublicationFactory(published=True, authors=[PersonFactory()])
    for url in ["/", piece.get_absolute_url(), "/publications/", "/experts/"]:
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "nonce-" not in policy, url


def test_admin_scripts_run_by_nonce_never_by_unsafe_inline(admin_client):
    response = admin_client.get(reverse("admin:publications_publication_add"))

    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "'unsafe-inline'" not in policy


# --- CSRF (case 28) ---


@pytest.fixture
def csrf_client(manager):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    return client


def test_a_workflow_post_without_a_csrf_token_is_refused_and_changes_nothing(csrf_client):
    DisclaimerFactory()
    piece = PublicationFactory(status=Status.APPROVED, authors=[PersonFactory()])

    response = csrf_client.post(reverse("admin:publications_publication_workflow", args=[piece.pk, "publish"]))

    assert response.status_code == 403
    assert Publication.objects.get(pk=piece.pk).status == Status.APPROVED


def test_an_admin_form_post_from_a_foreign_origin_is_refused(csrf_client):
    page = csrf_client.get(reverse("admin:taxonomies_topic_add"))
    token = page.cookies["csrftoken"].value

    response = csrf_client.post(
        reverse("admin:taxonomies_topic_add"),
        {"name": "Forged", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 403
    assert "Forged" not in response.content.decode()


def test_the_sign_in_form_needs_its_csrf_token():
    UserFactory(username="edna", role="Editor")
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "edna", "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


# --- Redirects after sign-in (case 30) ---

HOSTILE_NEXT = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "http:999999999",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "///evil.example",
    " //evil.example",
    "http://testserver@evil.example/",
    "/%09/evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_signing_in_never_sends_the_user_off_site(client, target):
    UserFactory(username="edna", role="Editor")

    response = client.post(
        reverse("admin:login") + "?next=x", {"username": "edna", "password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    # Resolved the way a browser resolves it, against the page that redirected.
    landing = urlsplit(urljoin("http://testserver/admin/login/", response["Location"]))
    assert landing.scheme == "http" and landing.netloc == "testserver"


# Those two are paths on this site (percent-encoded), which Django rightly follows.
REFUSED_NEXT = [target for target in HOSTILE_NEXT if target not in {"%2F%2Fevil.example", "/%09/evil.example"}]


@pytest.mark.parametrize("target", REFUSED_NEXT)
def test_signing_in_with_a_refused_next_lands_on_the_admin_desk(client, target):
    UserFactory(username="edna", role="Editor")

    response = client.post(
        reverse("admin:login") + "?next=x", {"username": "edna", "password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    assert urlsplit(urljoin("http://testserver/admin/login/", response["Location"])).path == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_signing_out_never_sends_the_user_off_site(admin_client, target):
    response = admin_client.post(reverse("admin:logout"), {"next": target})

    if response.status_code == 302:
        landing = urlsplit(urljoin("http://testserver/admin/logout/", response["Location"]))
        assert landing.scheme == "http" and landing.netloc == "testserver"
    else:
        assert response.status_code == 200


# --- Staff without a permission (cases 24, 27) ---


@pytest.fixture
def intern_client():
    intern = UserFactory(username="intern", is_staff=True)
    client = Client()
    client.force_login(intern)
    return client


def test_staff_without_permissions_get_403_and_no_names(intern_client):
    piece = PublicationFactory(title="Confidential draft about envoys", authors=[PersonFactory(name="Zoe Secret")])
    urls = [
        reverse("admin:publications_publication_changelist"),
        reverse("admin:publications_publication_change", args=[piece.pk]),
        reverse("admin:publications_publication_history", args=[piece.pk]),
        reverse("admin:publications_publication_revisions", args=[piece.pk]),
        reverse("admin:publications_publication_review_queue"),
        reverse("admin:people_person_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("publications:preview", args=[piece.pk]),
        reverse("admin:autocomplete") + "?app_label=publications&model_name=authorship&field_name=person&term=Zoe",
    ]
    for url in urls:
        response = intern_client.get(url)
        assert response.status_code == 403, url
        assert b"Zoe Secret" not in response.content and b"Confidential draft" not in response.content, url

    for action in ("submit", "approve", "publish", "unpublish"):
        response = intern_client.post(reverse("admin:publications_publication_workflow", args=[piece.pk, action]))
        assert response.status_code == 403
    bulk = intern_client.post(
        reverse("admin:publications_publication_changelist"),
        {"action": "delete_selected", "_selected_action": [piece.pk], "post": "yes"},
    )
    assert bulk.status_code == 403
    assert Publication.objects.filter(pk=piece.pk, status=Status.DRAFT).exists()


def test_an_editor_cannot_open_user_management_or_the_audit_log(editor_client):
    for url in (
        reverse("admin:auth_user_changelist"),
        reverse("admin:audit_auditentry_changelist"),
        reverse("admin:auth_group_change", args=[Group.objects.get(name="Editor").pk]),
    ):
        assert editor_client.get(url).status_code == 403, url


# --- Host header (case 33) ---


def test_a_forged_host_header_is_refused(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.org"]

    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert b"evil.example" not in response.content


def test_links_in_email_come_from_site_url_never_from_a_request(settings, mailoutbox):
    from publications import notifications

    settings.SITE_URL = "https://www.example.org"
    editor = UserFactory(username="writer", email="writer@example.org", role="Editor")
    piece = PublicationFactory(published=True, created_by=editor)

    notifications.published(piece, by=editor, scheduled=False)

    assert "https://www.example.org/publications/" in mailoutbox[0].body


# --- Error pages (case 35) ---


def test_error_pages_leak_no_stack_sql_or_settings(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("SELECT no_such_column FROM auth_user; SECRET_KEY in settings.py")

    from cms import urls

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("broken/", broken), *urls.urlpatterns]})
    responses = [
        Client(raise_request_exception=False).get("/broken/"),
        client.get("/definitely/not/here/"),
        client.get("/publications/preview/share/not-a-token/"),
    ]
    for response in responses:
        html = response.content.decode()
        assert response.status_code in (404, 500)
        for secret in ("Traceback", "no_such_column", "SELECT", "SECRET_KEY", "DATABASES", "settings.py", 'File "'):
            assert secret not in html


# --- Absurd values (cases 36–40) ---

INJECTIONS = ["' OR 1=1--", "%00", ";DROP TABLE publications_publication", "1 UNION SELECT password FROM auth_user"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_any_parameter_are_harmless(client, value):
    PublicationFactory(published=True)
    for param in ("q", "topic", "year", "sort", "type", "center", "region", "page", "letter"):
        for path in ("/publications/", "/search/", "/experts/"):
            response = client.get(path, {param: value})
            assert response.status_code in (200, 400, 404), (path, param, value)
    assert Publication.objects.count() == 1


def test_a_nul_character_in_the_query_is_a_clear_answer_not_a_crash(client):
    for path in ("/search/", "/publications/", "/experts/"):
        assert client.get(path, {"q": "arms\x00control", "topic": "\x00"}).status_code in (200, 400)


@pytest.mark.parametrize(
    "path, query",
    [
        ("admin:publications_publication_changelist", {"q": "arms\x00control"}),
        ("admin:people_person_changelist", {"q": "\x00"}),
        ("admin:publications_publication_changelist", {"status__exact": "\x00"}),
        (
            "admin:autocomplete",
            {"term": "a\x00", "app_label": "people", "model_name": "person", "field_name": "person"},
        ),
    ],
)
def test_a_nul_character_in_an_admin_query_is_a_400_not_a_crash(admin_client, path, query):
    response = admin_client.get(reverse(path), query)

    assert response.status_code == 400
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "1" + "0" * 20, "²", "١", " 1", "1e3"])
def test_page_numbers_that_do_not_exist_are_404_never_500(client, page):
    PublicationFactory(published=True)
    for path in ("/publications/", "/search/?q=serbia&", "/experts/"):
        separator = "&" if "?" in path else "?"
        assert client.get(f"{path}{separator}page={page}").status_code in (200, 404)


def test_repeated_and_bracketed_parameters_are_ignored(client):
    PublicationFactory(published=True, title="Serbia and Kosovo")
    response = client.get("/publications/?topic[]=x&topic=&topic=&_connector=OR&year=2024&year=1999")

    assert response.status_code == 200


def test_an_enormous_query_is_shortened_not_refused(client):
    response = client.get("/search/", {"q": "serbia " * 150_000})

    assert response.status_code == 200
    assert "only its first 200 characters were used" in response.content.decode()


def test_ten_thousand_fields_are_refused_with_400(client):
    response = client.get("/publications/?" + "&".join(f"f{n}=1" for n in range(10_001)))
    assert response.status_code == 400

    response = client.post(reverse("admin:login"), {f"f{n}": "1" for n in range(10_001)})
    assert response.status_code == 400


def test_an_oversized_form_body_is_refused_with_400(client):
    response = client.post(
        reverse("admin:login"), data="username=" + "a" * 3_000_000, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


def test_five_megabytes_of_broken_html_render_as_a_page(client):
    broken = "<p><b><i>unclosed <table><tr><td>cell <a href='javascript:x'>" * 70_000
    piece = PublicationFactory(published=True, body=broken[:5_000_000])

    response = client.get(piece.get_absolute_url())

    assert response.status_code == 200
    assert b"javascript:x" not in response.content


@pytest.mark.parametrize(
    "name",
    [
        "مؤسسة كارنيغي",
        "Nguyễn Khắc Giang",
        "👩‍👩‍👧 Family",
        "Z\u0335\u0321a\u0336lgo",
        "\u202eevil",
        "ﷺ",
        "日本語の名前",
    ],
)
def test_names_in_any_script_round_trip_with_a_usable_address(client, name):
    person = PersonFactory(name=name)
    piece = PublicationFactory(published=True, title=name, authors=[person])

    assert person.slug and piece.slug
    html = client.get(piece.get_absolute_url()).content.decode()
    assert name in html and 'dir="auto"' in html
    assert client.get(person.get_absolute_url()).status_code == 200
