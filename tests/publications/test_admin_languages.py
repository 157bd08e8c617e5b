"""The editors' desk in their own language: the admin header's selector, Arabic right to left, plurals and formats."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from publications.models import Status
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db

LANGUAGE_URL = "/admin/language/"


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


def choose(client, language, next_url="/admin/", **extra):
    return client.post(LANGUAGE_URL, {"language": language, "next": next_url}, **extra)


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_an_editor_switches_the_admin_to_arabic_and_gets_it_right_to_left(editor_client):
    piece = PublicationFactory(title="Envoys in the Balkans", authors=[PersonFactory()])
    assert 'name="language"' in editor_client.get(change_url(piece)).content.decode()

    response = choose(editor_client, "ar", change_url(piece))

    assert response.status_code == 302 and response["Location"] == change_url(piece)
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ar" and cookie["path"] == "/admin/" and cookie["httponly"]
    assert int(cookie["max-age"]) >= 365 * 24 * 3600  # kept after the browser closes
    page = editor_client.get(change_url(piece))
    assert html_tag(page) == '<html lang="ar" dir="rtl">'
    html = page.content.decode()
    assert "admin/css/rtl.css" in html
    assert "سير العمل" in html  # Workflow
    assert ">إرسال للمراجعة</button>" in html  # Submit for review
    assert "أدوات الكتابة" in html  # Writing aids
    assert '<option value="ar" lang="ar" selected>العربيّة</option>' in html


def test_the_workflow_answers_an_arabic_editor_in_arabic(editor_client):
    piece = PublicationFactory(authors=[PersonFactory()])
    choose(editor_client, "ar")

    response = editor_client.post(
        reverse("admin:publications_publication_workflow", args=[piece.pk, "submit"]), follow=True
    )

    html = response.content.decode()
    assert "أُرسلت للمراجعة، وأُبلغ المديرون بذلك." in html
    assert "قيد المراجعة" in html  # the status, "In review"


def test_a_refusal_from_the_workflow_is_in_the_editors_language(editor_client):
    piece = PublicationFactory(status=Status.IN_REVIEW, title="Envoys", authors=[PersonFactory()])
    choose(editor_client, "ru")

    response = editor_client.post(
        reverse("admin:publications_publication_workflow", args=[piece.pk, "submit"]), follow=True
    )

    assert "«Envoys»: статус «на проверке», сейчас её нельзя отправить на проверку." in response.content.decode()


def test_a_manager_works_the_review_queue_in_arabic(manager_client):
    for title in ("First piece", "Second piece"):
        PublicationFactory(
            title=title, status=Status.IN_REVIEW, submitted_at=timezone.now() - datetime.timedelta(hours=3)
        )
    choose(manager_client, "ar")

    html = manager_client.get(reverse("admin:publications_publication_review_queue")).content.decode()

    assert "<title>قائمة المراجعة" in html
    assert "منشوران بانتظار المراجعة، الأقدم أولًا" in html  # the dual, not "2 publications"
    assert ">اعتماد</button>" in html and "طلب تعديلات" in html
    assert "منذ 3\xa0ساعات" in html  # Django's timesince in Arabic, in our sentence


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "<strong>1</strong> публикация ждёт проверки"),
        (3, "<strong>3</strong> публикации ждут проверки"),
        (5, "<strong>5</strong> публикаций ждут проверки"),
        (21, "<strong>21</strong> публикация ждёт проверки"),
    ],
)
def test_the_dashboard_counts_in_russian_with_russian_plurals(manager_client, count, words):
    PublicationFactory.create_batch(count, status=Status.IN_REVIEW)
    choose(manager_client, "ru")

    html = manager_client.get(reverse("admin:index")).content.decode()

    assert words in html
    assert "Редакционный стол" in html  # Editorial desk


@pytest.mark.parametrize(
    ("language", "number"),
    [("en", "1,234"), ("ru", "1\xa0234"), ("ar", "1.234"), ("zh-hans", "1234")],
)
def test_counts_are_written_with_the_languages_thousands_separator(rf, language, number):
    request = rf.get("/admin/")
    panel = {"counts": dict.fromkeys(["in_review", "changes_requested", "approved", "scheduled", "my_drafts"], 1234)}
    with translation.override(language):
        html = render_to_string("admin/publications/desk_counts_panel.html", {"panel": panel}, request=request)
    assert f"<strong>{number}</strong>" in html


def test_dates_in_the_admin_follow_the_language(editor, editor_client):
    moment = timezone.make_aware(datetime.datetime(2026, 11, 25, 14, 30))
    piece = PublicationFactory(
        status=Status.IN_REVIEW, submitted_at=moment, submitted_by=editor, authors=[PersonFactory()]
    )
    choose(editor_client, "ru")
    assert "25.11.2026 14:30" in editor_client.get(change_url(piece)).content.decode()
    choose(editor_client, "zh-hans")
    assert "2026年11月25日 14:30" in editor_client.get(change_url(piece)).content.decode()


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/admin/",
        "//evil.example/admin/",
        "http:///evil.example/",
        "/\\evil.example/",
        "/publications/",  # this site, but not the admin
        "",
    ],
)
def test_the_language_selector_never_leads_off_the_admin(editor_client, next_url):
    response = choose(editor_client, "ru", next_url, HTTP_REFERER="https://evil.example/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_the_selector_takes_only_a_post_and_only_the_interfaces_languages(editor_client):
    assert editor_client.get(LANGUAGE_URL, {"language": "ar", "next": "/admin/"}).status_code == 405
    response = choose(editor_client, "xx")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx-not-a-language"
    assert html_tag(editor_client.get("/admin/")) == '<html lang="en" dir="ltr">'


def test_the_admins_language_never_reaches_public_pages(editor_client):
    piece = PublicationFactory(published=True)
    choose(editor_client, "ar")

    assert html_tag(editor_client.get("/admin/")) == '<html lang="ar" dir="rtl">'
    public = editor_client.get(piece.get_absolute_url())
    assert '<html lang="en" dir="ltr">' in public.content.decode()


def test_the_desks_script_gets_its_words_from_the_admins_catalog(editor_client):
    choose(editor_client, "ar")

    catalog = editor_client.get(reverse("admin:jsi18n"))

    assert catalog.status_code == 200
    text = catalog.content.decode()  # the catalog is JSON in a script: non-ASCII text as \\u escapes
    assert json.dumps("Readers see this address once it is published.") in text
    assert json.dumps("يرى القرّاء هذا العنوان بعد نشره.") in text


def test_the_selector_needs_no_inline_script(editor_client):
    html = editor_client.get("/admin/").content.decode()
    selector = re.search(r'<form class="admin-language".*?</form>', html, re.S).group(0)
    assert "onchange" not in selector and "<script" not in selector
    assert 'type="submit"' in selector


def test_the_list_and_the_form_name_the_content_languages_in_the_editors_language(manager_client):
    piece = PublicationFactory(title="Envoys")
    choose(manager_client, "ru")

    listing = manager_client.get(reverse("admin:publications_publication_changelist")).content.decode()
    form = manager_client.get(change_url(piece)).content.decode()

    for html in (listing, form):
        assert "Китайский (упрощённый)" in html and "Chinese (Simplified)" not in html
    assert '<option value="en" selected>Английский</option>' in form
