"""People in the reader's language: names in their script, title lines and bios, English marked where missing (issue 15)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.sitesettings.models import current
from tests.factories import AffiliationFactory, CenterFactory, PersonFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db

MARKERS = {"ar": "(بالإنجليزية)", "zh-hans": "（英文）", "ru": "(на английском)"}


@pytest.fixture
def middle_east():
    return CenterFactory(
        name="Malcolm H. Kerr Carnegie Middle East Center",
        slug="middle-east",
        translations={"ar": {"name": "مركز مالكوم كير–كارنيغي للشرق الأوسط"}},
    )


@pytest.fixture
def tabbara(middle_east):
    person = PersonFactory(
        name="Yasmine Tabbara",
        sort_name="Tabbara, Yasmine",
        short_bio="Yasmine Tabbara studies political reform.",
        bio="<p>Yasmine Tabbara is a senior fellow.</p>",
        translations={
            "ar": {
                "name": "ياسمين طبارة",
                "title_line": "باحثة أولى، مركز مالكوم كير–كارنيغي للشرق الأوسط",
                "short_bio": "تدرس ياسمين طبارة الإصلاح السياسي.",
                "bio": "<p>ياسمين طبارة باحثة أولى.</p>",
            }
        },
    )
    AffiliationFactory(
        person=person, title_line="Senior Fellow, Malcolm H. Kerr Carnegie Middle East Center", center=middle_east
    )
    return person


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_an_arabic_expert_page_shows_the_arabic_name_title_line_and_bio(client, tabbara):
    html = page(client, f"/ar{tabbara.get_absolute_url()}")

    assert '<h1 id="profile-name" dir="auto">ياسمين طبارة</h1>' in html
    # The center inside the Arabic title line is the link, under its Arabic name.
    assert 'باحثة أولى، <a href="/ar/centers/middle-east/">مركز مالكوم كير–كارنيغي للشرق الأوسط</a>' in html
    assert "<p>ياسمين طبارة باحثة أولى.</p>" in html
    assert "<title>ياسمين طبارة" in html
    assert "Yasmine Tabbara is a senior fellow" not in html
    assert MARKERS["ar"] not in html.split("<main", 1)[1].split("profile__work", 1)[0]


def test_an_untranslated_expert_page_shows_the_english_marked_with_lang_en(client, tabbara):
    html = page(client, f"/ru{tabbara.get_absolute_url()}")

    name = re.search(r'<h1 id="profile-name" dir="auto">(.*?)</h1>', html).group(1)
    assert name == (
        '<span class="lang-fallback"><span lang="en" dir="ltr">Yasmine Tabbara</span> '
        f'<span class="lang-fallback__mark">{MARKERS["ru"]}</span></span>'
    )
    assert '<div class="lang-fallback" lang="en" dir="ltr"><p>Yasmine Tabbara is a senior fellow.</p></div>' in html
    assert '<span lang="en" dir="ltr">Senior Fellow, ' in html
    # Plain-text places say it in words.
    assert f"<title>Yasmine Tabbara {MARKERS['ru']}" in html


def test_the_english_page_is_as_it_was(client, tabbara):
    html = page(client, tabbara.get_absolute_url())

    assert '<h1 id="profile-name" dir="auto">Yasmine Tabbara</h1>' in html
    assert "lang-fallback" not in html
    assert "ياسمين" not in html


def test_bylines_and_author_bios_speak_the_pages_language(client, tabbara):
    stefan = PersonFactory(name="Stefan Lehne", short_bio="Stefan Lehne studies the EU.")
    AffiliationFactory(person=stefan, title_line="Senior Fellow, Carnegie Europe")
    piece = PublicationFactory(title="Lebanon’s Reform Window", authors=[tabbara, stefan], published=True)

    html = page(client, f"/ar{piece.get_absolute_url()}")

    byline = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    assert 'dir="auto">ياسمين طبارة</a>' in byline
    assert '<span lang="en" dir="ltr">Stefan Lehne</span>' in byline and MARKERS["ar"] in byline
    assert '<p dir="auto">تدرس ياسمين طبارة الإصلاح السياسي.</p>' in html
    assert (
        '<p dir="auto"><span class="lang-fallback"><span lang="en" dir="ltr">Stefan Lehne studies the EU.</span>'
        in html
    )


def test_a_title_at_publication_that_has_since_changed_stays_english_and_marked(client, tabbara):
    piece = PublicationFactory(title="Old piece", published=True)
    piece.authorships.create(person=tabbara, position=0, title_line="Fellow, Middle East Program")

    html = page(client, f"/ar{piece.get_absolute_url()}")

    title = re.search(r'<p class="author-bio__title">(.*?)</p>', html, re.S).group(1)
    assert '<span lang="en" dir="ltr">Fellow, Middle East Program</span>' in title
    assert "باحثة أولى" in title  # "now …" names today's title in Arabic


def directory_names(html: str) -> list[str]:
    return re.findall(r'class="person-card__name"><a href="[^"]+" dir="auto">(.*?)</a>', html)


def test_the_directory_in_any_language_sorts_by_the_latin_transliteration(client):
    PersonFactory(
        name="Ekaterina Belyaeva", sort_name="Belyaeva, Ekaterina", translations={"ru": {"name": "Екатерина Беляева"}}
    )
    PersonFactory(name="Mikhail Zarubin", sort_name="Zarubin, Mikhail", translations={"ru": {"name": "Михаил Зарубин"}})
    PersonFactory(
        name="Andrei Kolesnikov", sort_name="Kolesnikov, Andrei", translations={"ru": {"name": "Андрей Колесников"}}
    )

    names = directory_names(page(client, "/ru/experts/"))

    # Cyrillic order would be Андрей, Екатерина, Михаил; the Latin sort names give B, K, Z.
    assert names == ["Екатерина Беляева", "Андрей Колесников", "Михаил Зарубин"]
    letters = page(client, "/ru/experts/?letter=K")
    assert directory_names(letters) == ["Андрей Колесников"]


def test_the_directory_cards_and_filters_use_the_translated_names(client, tabbara, middle_east):
    TopicFactory(name="Security", slug="security", translations={"ar": {"name": "الأمن"}})
    TopicFactory(name="Climate", slug="climate")

    html = page(client, "/ar/experts/")

    assert directory_names(html) == ["ياسمين طبارة"]
    assert "باحثة أولى، مركز مالكوم كير–كارنيغي للشرق الأوسط" in html
    assert '<option value="security">الأمن</option>' in html
    assert f'<option value="climate">Climate {MARKERS["ar"]}</option>' in html
    assert '<option value="middle-east">مركز مالكوم كير–كارنيغي للشرق الأوسط</option>' in html


def test_the_expert_page_and_directory_take_the_same_queries_with_translations(client, tabbara):
    current()  # read once per cache life in production; not the page's cost
    for path in (tabbara.get_absolute_url(), "/experts/"):  # and each page's next go-live, read once per cache life
        client.get(f"{path}?page=1")
    counts = {}
    for prefix in ("", "/ar", "/ru"):
        for path in (tabbara.get_absolute_url(), "/experts/"):
            with CaptureQueriesContext(connection) as context:
                assert client.get(prefix + path).status_code == 200
            counts[prefix + path] = len(context.captured_queries)

    expert = tabbara.get_absolute_url()
    assert counts[f"/ar{expert}"] == counts[expert] == counts[f"/ru{expert}"] <= 8, counts
    assert counts["/ar/experts/"] == counts["/experts/"] == counts["/ru/experts/"] <= 7, counts
