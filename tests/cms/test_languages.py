"""The interface's languages: addresses, lang and dir, the switcher, old ?lang= links, and the page cache."""

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece():
    return PublicationFactory(title="A piece in four languages", slug="four-languages", published=True)


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("prefix", "tag"),
    [
        ("", '<html lang="en" dir="ltr">'),
        ("/ar", '<html lang="ar" dir="rtl">'),
        ("/zh-hans", '<html lang="zh-hans" dir="ltr">'),
        ("/ru", '<html lang="ru" dir="ltr">'),
    ],
)
def test_every_page_declares_the_language_and_direction_its_address_names(client, piece, prefix, tag):
    expert = PersonFactory(name="Amr Hamzawy")
    for path in ("/", "/publications/", piece.get_absolute_url(), expert.get_absolute_url(), "/centers/"):
        response = client.get(f"{prefix}{path}")
        assert response.status_code == 200, path
        assert html_tag(response) == tag, path
        assert response["Content-Language"] == tag.split('"')[1]


def test_english_keeps_todays_addresses_and_has_no_prefix(client, piece):
    assert piece.get_absolute_url() == "/publications/four-languages/"
    assert client.get("/en/publications/four-languages/").status_code == 404
    assert client.get("/fr/publications/").status_code == 404


def test_links_on_a_page_stay_in_its_language(client, piece):
    html = client.get("/ru/publications/").content.decode()
    assert 'href="/ru/publications/four-languages/"' in html
    assert 'href="/ru/experts/"' in html


def test_the_switcher_leads_to_the_same_page_in_each_language(client, piece):
    html = client.get("/ar/publications/four-languages/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/publications/four-languages/" lang="en" hreflang="en">English</a>' in switcher
    assert 'href="/zh-hans/publications/four-languages/" lang="zh-hans" hreflang="zh-hans">简体中文</a>' in switcher
    assert 'href="/ru/publications/four-languages/" lang="ru" hreflang="ru">Русский</a>' in switcher
    assert '<span aria-current="true" lang="ar">العربيّة</span>' in switcher


def test_a_view_may_give_the_switcher_its_own_addresses(rf):
    from django.template.loader import render_to_string

    from cms.kit.languages import Alternate

    request = rf.get("/publications/four-languages/")
    html = render_to_string(
        "base.html",
        {"language_alternates": [Alternate("en", "English", "/x/"), ("ar", "العربية", "/ar/y/")]},
        request=request,
    )
    assert 'href="/ar/y/" lang="ar"' in html


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/publications/four-languages/?lang=ar", "/ar/publications/four-languages/"),
        ("/publications/four-languages/?lang=zh-CN", "/zh-hans/publications/four-languages/"),
        ("/publications/?lang=RU&type=article&page=2", "/ru/publications/?type=article&page=2"),
        ("/ar/publications/?lang=en", "/publications/"),
        ("/ru/?lang=ar", "/ar/"),
        ("/?lang=fr", "/"),
        ("/publications/?lang=", "/publications/"),
        ("/publications/?lang=%00ar", "/publications/"),
        ("/publications/?lang=" + "a" * 5000, "/publications/"),
        ("/publications/?lang=ru&lang=ar", "/ar/publications/"),
    ],
)
def test_the_old_sites_lang_links_are_redirected_for_good(client, piece, address, target):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == target


def test_lang_on_an_address_without_languages_is_left_alone(admin_client):
    assert admin_client.get("/admin/?lang=ar").status_code == 200


def test_neither_cookie_nor_accept_language_changes_a_page(client, piece):
    english = client.get(piece.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar")
    assert html_tag(english) == '<html lang="en" dir="ltr">'
    assert "Accept-Language" not in english.get("Vary", "")
    client.cookies["django_language"] = "ru"
    arabic = client.get(f"/ar{piece.get_absolute_url()}", HTTP_ACCEPT_LANGUAGE="ru")
    assert html_tag(arabic) == '<html lang="ar" dir="rtl">'


def test_the_page_cache_never_serves_a_page_in_the_wrong_language(client, piece, django_assert_num_queries):
    english = client.get(piece.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content
    arabic = client.get(f"/ar{piece.get_absolute_url()}").content
    with django_assert_num_queries(0):
        assert client.get(f"/ar{piece.get_absolute_url()}", HTTP_ACCEPT_LANGUAGE="en").content == arabic
        assert client.get(piece.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content == english
    assert english != arabic


def test_robots_healthz_sitemap_and_admin_stay_where_they_are(client, piece):
    for path in ("/robots.txt", "/healthz", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path
    for path in ("/ar/robots.txt", "/ar/sitemap.xml", "/ar/admin/"):
        assert client.get(path).status_code == 404, path
    sitemap = client.get("/sitemap.xml").content.decode()
    # An English piece at its English address only; pages that exist in every language at each.
    assert "<loc>http://testserver/publications/four-languages/</loc>" in sitemap
    assert "/ar/publications/four-languages/" not in sitemap
    assert "<loc>http://testserver/ar/publications/</loc>" in sitemap


def test_feeds_exist_in_each_language(client, piece):
    PublicationFactory(title="نافذة الإصلاح", slug="reform-window-ar", language="ar", published=True)
    assert "/publications/four-languages/" in client.get("/feeds/latest/rss/").content.decode()
    response = client.get("/ar/feeds/latest/rss/")
    assert response.status_code == 200
    assert "/ar/publications/reform-window-ar/" in response.content.decode()


def test_an_error_page_offers_no_switcher(client):
    response = client.get("/ar/publications/no-such-piece/")
    assert response.status_code == 404
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "language-switcher" not in response.content.decode()


# -- the translations ---------------------------------------------------------------------------

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture
def compiled_translations():
    missing = [po for po in LOCALE.glob("*/LC_MESSAGES/*.po") if not po.with_suffix(".mo").exists()]
    if missing:
        pytest.fail(f"{missing[0]}: not compiled; `make install` compiles the translations (needs msgfmt)")


@pytest.mark.parametrize("language", ["ar", "ru", "zh_Hans"])
# djangojs: the desk's scripts, served by the admin's JavaScript catalog (admin:jsi18n).
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_is_translated_and_compiles(language, domain):
    po = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    entries = po.read_text(encoding="utf-8").split("\n\n")[1:]
    # An empty msgstr with no continuation line: makemessages writes a long translation as `msgstr ""` + lines.
    untranslated = [
        entry.splitlines()[0] for entry in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', entry, re.M)
    ]
    assert untranslated == []
    assert [entry.splitlines()[0] for entry in entries if re.search(r"^#,.*\bfuzzy\b", entry, re.M)] == []
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=True)


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("/ar", ["المنشورات", "منشوران", "25 نوفمبر 2026", "تصفية المنشورات"]),
        ("/ru", ["Публикации", "2 публикации", "25 ноября 2026", "Фильтр публикаций"]),
        ("/zh-hans", ["出版物", "2 篇出版物", "2026年11月25日", "筛选出版物"]),
        ("", ["Publications", "2 publications", "November 25, 2026", "Filter publications"]),
    ],
)
def test_the_listing_speaks_its_language_with_its_plurals_and_dates(client, compiled_translations, prefix, words):
    for day in (24, 25):
        PublicationFactory(published=True, publication_date=datetime.date(2026, 11, day))
    html = client.get(f"{prefix}/publications/").content.decode()
    for word in words:
        assert word in html, word


@pytest.mark.parametrize(
    ("count", "arabic", "russian"),
    [
        (1, "منشور واحد", "1 публикация"),
        (3, "3 منشورات", "3 публикации"),
        (11, "11 منشورًا", "11 публикаций"),
        (21, "21 منشورًا", "21 публикация"),
    ],
)
def test_plural_forms_follow_each_languages_rules(client, compiled_translations, count, arabic, russian):
    PublicationFactory.create_batch(count, published=True)
    assert arabic in client.get("/ar/publications/").content.decode()
    assert russian in client.get("/ru/publications/").content.decode()


def test_a_feed_in_a_language_is_titled_and_declared_in_it(client, compiled_translations, piece):
    feed = client.get("/ru/feeds/latest/rss/").content.decode()
    assert "<language>ru</language>" in feed
    assert "<title>Новые работы |" in feed
