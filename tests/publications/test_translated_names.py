"""Centers, topics and regions in the reader's language, English marked where missing, at no extra query (issue 15)."""

import re

import pytest

from cms.sitesettings.models import current
from tests.factories import (
    CenterFactory,
    PersonFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)
from tests.publications.test_budgets_in_every_language import BUDGETS, PREFIXES, queries_of, site  # noqa: F401

pytestmark = pytest.mark.django_db

ARABIC_MARK = "(بالإنجليزية)"


@pytest.fixture
def middle_east():
    center = CenterFactory(
        name="Malcolm H. Kerr Carnegie Middle East Center",
        slug="middle-east",
        description="<p>In-depth analysis of the Middle East.</p>",
        translations={
            "ar": {
                "name": "مركز مالكوم كير–كارنيغي للشرق الأوسط",
                "description": "<p>تحليلات معمّقة للشرق الأوسط.</p>",
            }
        },
    )
    piece = PublicationFactory(title="Lebanon’s Reform Window", primary_center=center, published=True)
    piece.centers.set([center])
    return center


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_an_arabic_center_page_shows_the_arabic_name_and_description(client, middle_east):
    html = page(client, "/ar/centers/middle-east/")

    assert '<h1 dir="auto">مركز مالكوم كير–كارنيغي للشرق الأوسط</h1>' in html
    assert "<p>تحليلات معمّقة للشرق الأوسط.</p>" in html
    assert "<title>مركز مالكوم كير–كارنيغي للشرق الأوسط" in html
    assert '<meta name="description" content="تحليلات معمّقة للشرق الأوسط.">' in html
    assert "In-depth analysis" not in html and ARABIC_MARK not in html


def test_an_untranslated_center_shows_its_english_name_and_description_marked(client, middle_east):
    html = page(client, "/ru/centers/middle-east/")

    assert (
        '<h1 dir="auto"><span class="lang-fallback"><span lang="en" dir="ltr">Malcolm H. Kerr Carnegie Middle East '
        'Center</span> <span class="lang-fallback__mark">(на английском)</span></span></h1>'
    ) in html
    assert '<div class="lang-fallback" lang="en" dir="ltr"><p>In-depth analysis of the Middle East.</p></div>' in html
    assert "<title>Malcolm H. Kerr Carnegie Middle East Center (на английском)" in html


def test_a_topic_without_a_description_is_never_an_empty_marked_block(client):
    TopicFactory(name="Security", slug="security", description="", translations={"ar": {"name": "الأمن"}})

    html = page(client, "/ar/topics/security/")

    assert '<h1 dir="auto">الأمن</h1>' in html
    assert "lang-fallback" not in html


def test_indexes_tags_rails_and_home_sections_use_the_translated_names(client, middle_east):
    topic = TopicFactory(
        name="Political Reform", slug="political-reform", translations={"ar": {"name": "الإصلاح السياسي"}}
    )
    climate = TopicFactory(name="Climate", slug="climate")
    europe = RegionFactory(name="Europe", slug="europe", translations={"ar": {"name": "أوروبا"}})
    piece = PublicationFactory(title="Reform", primary_center=middle_east, published=True, is_featured=True)
    piece.centers.set([middle_east])
    piece.topics.set([topic, climate])
    piece.regions.set([europe])

    centers = page(client, "/ar/centers/")
    assert 'dir="auto">مركز مالكوم كير–كارنيغي للشرق الأوسط</a></h2>' in centers
    topics = page(client, "/ar/topics/")
    assert 'dir="auto">الإصلاح السياسي</a>' in topics
    assert f'<span lang="en" dir="ltr">Climate</span> <span class="lang-fallback__mark">{ARABIC_MARK}</span>' in topics
    assert 'dir="auto">أوروبا</a>' in page(client, "/ar/regions/")

    detail = page(client, f"/ar{piece.get_absolute_url()}")
    footer = detail.split("<footer>", 1)[1]
    assert 'dir="auto">الإصلاح السياسي</a>' in footer and 'dir="auto">أوروبا</a>' in footer
    assert "مركز مالكوم كير–كارنيغي للشرق الأوسط" in detail.split("publication__aside", 1)[1]

    home = page(client, "/ar/")
    assert re.search(
        r'<h2 id="center-middle-east"><a href="[^"]+" dir="auto">مركز مالكوم كير–كارنيغي للشرق الأوسط</a>', home
    )


def test_the_listing_filters_offer_the_translated_names_and_mark_the_others(client, middle_east):
    TopicFactory(name="Security", slug="security", translations={"zh-hans": {"name": "安全"}})
    TopicFactory(name="Climate", slug="climate")

    html = page(client, "/zh-hans/publications/")

    assert '<option value="security">安全</option>' in html
    assert '<option value="climate">Climate （英文）</option>' in html


def test_names_are_escaped_in_every_language(client):
    TopicFactory(name="Security", slug="security", translations={"ar": {"name": "<b>الأمن</b>"}})

    html = page(client, "/ar/topics/security/")

    assert "&lt;b&gt;الأمن&lt;/b&gt;" in html and "<b>الأمن</b>" not in html


@pytest.fixture
def translated_site(site):  # noqa: F811 (the fixture imported above)
    """The budgets' site with every name, title line and bio translated into Arabic only."""
    from cms.taxonomies.models import Center, Topic
    from people.models import Person

    for center in Center.objects.all():
        center.translations = {"ar": {"name": f"مركز {center.pk}", "description": "<p>وصف</p>"}}
        center.save()
    for topic in Topic.objects.all():
        topic.translations = {"ar": {"name": f"موضوع {topic.pk}"}}
        topic.save()
    for person in Person.objects.all():
        person.translations = {"ar": {"name": f"شخص {person.pk}", "title_line": "باحث", "bio": "<p>سيرة</p>"}}
        person.save()
    PersonFactory(name="Untranslated Person")
    return site


@pytest.mark.parametrize("page_name", BUDGETS)
def test_translations_cost_no_query_in_any_language(client, translated_site, page_name):
    current()  # read once per cache life in production; not the page's cost
    counts = {prefix or "/": queries_of(client, f"{prefix}{translated_site[page_name]}") for prefix in PREFIXES}

    assert len(set(counts.values())) == 1, counts
    assert counts["/"] <= BUDGETS[page_name], counts
