"""A work (an original and its editions) is one card on every listing, in the reader's language (issue 15).

The home page, the publications listing, the center, topic and region pages and the expert page
show each work once: its public edition in the reader's language, else its original, with the
other public editions linked from the card ("Also in …"). Drafts, scheduled pieces and pending
changes of editions are never shown or linked.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cms.sitesettings.models import current
from publications.models import Status
from publications.queries.listings import ListingFilters, publication_listing
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    EditionFactory,
    PersonFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PREFIXES = {"en": "", "ar": "/ar", "zh-hans": "/zh-hans", "ru": "/ru"}
TITLES = {
    "en": "Lebanon’s Reform Window Is Closing",
    "ar": "نافذة الإصلاح في لبنان تضيق",
    "zh-hans": "黎巴嫩的改革窗口正在关闭",
    "ru": "Окно реформ в Ливане закрывается",
}
NAMES = {code: translation.get_language_info(code)["name_local"] for code in ("en", "ar", "zh-hans", "ru")}
START = datetime.date(2025, 3, 1)


def day(n: int) -> datetime.date:
    return START + datetime.timedelta(days=n)


def cards(html: str) -> list[dict]:
    """Each card of the page in order: its title, link, and its "Also in" links as (hreflang, lang, href, name)."""
    found = []
    for chunk in html.split('<article class="card">')[1:]:
        chunk = chunk[: chunk.index("</article>")]
        title = re.search(r'class="card__title"><a href="([^"]*)" lang="([^"]*)" dir="auto">([^<]*)</a>', chunk)
        editions = re.search(r'<p class="meta card__editions">(.*?)</p>', chunk, re.DOTALL)
        links = re.findall(
            r'<a href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)" dir="auto" title="[^"]*">([^<]*)</a>',
            editions.group(1) if editions else "",
        )
        found.append(
            {
                "href": title.group(1),
                "lang": title.group(2),
                "title": title.group(3),
                "also_in": [(hreflang, lang, href, name) for href, hreflang, lang, name in links],
                "also_in_label": editions.group(1).split("<a", 1)[0].strip() if editions else "",
            }
        )
    return found


def card_titles(html: str) -> list[str]:
    return [card["title"] for card in cards(html)]


def address(piece, language: str) -> str:
    with translation.override(language):
        return piece.get_absolute_url()


@pytest.fixture
def kerr():
    """The Beirut center: a work in four languages, an English piece, an Arabic original, and hidden editions."""
    w = type("Kerr", (), {})()
    w.center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center", slug="middle-east")
    w.topic = TopicFactory(name="Political Reform", slug="political-reform")
    w.region = RegionFactory(name="Levant", slug="levant")
    w.author = PersonFactory(name="Maha Yahya", slug="maha-yahya", has_profile=True)
    AffiliationFactory(person=w.author, center=w.center)

    def filed(piece):
        piece.centers.set([w.center])
        piece.topics.set([w.topic])
        piece.regions.set([w.region])
        return piece

    w.original = filed(
        PublicationFactory(
            title=TITLES["en"],
            slug="lebanon-reform-window",
            primary_center=w.center,
            authors=[w.author],
            publication_date=day(10),
            published=True,
        )
    )
    w.editions = {
        language: filed(
            EditionFactory(
                translation_of=w.original,
                language=language,
                title=TITLES[language],
                authors=[w.author],
                publication_date=day(10),
                published=True,
            )
        )
        for language in ("ar", "zh-hans", "ru")
    }
    now = timezone.now()
    w.hidden = [
        filed(
            EditionFactory(translation_of=w.original, language="fr", title="Hidden French draft", authors=[w.author])
        ),
        filed(
            EditionFactory(
                translation_of=w.original,
                language="de",
                title="Hidden German scheduled",
                authors=[w.author],
                published=True,
                go_live_at=now + datetime.timedelta(days=2),
            )
        ),
        filed(
            EditionFactory(
                translation_of=w.original,
                language="es",
                title="Hidden Spanish unpublished",
                authors=[w.author],
                status=Status.UNPUBLISHED,
            )
        ),
        # A pending change of the Arabic edition, even one marked published, is never public.
        filed(
            PublicationFactory(
                draft_of=w.editions["ar"],
                translation_of=w.original,
                language="ar",
                title="Hidden pending Arabic change",
                primary_center=w.center,
                authors=[w.author],
                publication_date=day(10),
                status=Status.PUBLISHED,
            )
        ),
    ]
    w.english_only = filed(
        PublicationFactory(
            title="Beirut’s Banks After the Crash",
            primary_center=w.center,
            authors=[w.author],
            publication_date=day(5),
            published=True,
        )
    )
    w.arabic_original = filed(
        PublicationFactory(
            title="الانتخابات البلدية في لبنان",
            language="ar",
            primary_center=w.center,
            authors=[w.author],
            publication_date=day(3),
            published=True,
        )
    )
    return w


LISTINGS = {
    "home": "/",
    "listing": "/publications/",
    "center": "/centers/middle-east/",
    "topic": "/topics/political-reform/",
    "region": "/regions/levant/",
    "expert": "/experts/maha-yahya/",
}


def listing_html(client, language: str, page: str) -> str:
    response = client.get(f"{PREFIXES[language]}{LISTINGS[page]}")
    assert response.status_code == 200
    html = response.content.decode()
    if page == "home":  # the latest work; the center's own section is checked below
        start = html.index('aria-labelledby="latest"')
        html = html[start : html.index("</section>", start)]
    return html


@pytest.mark.parametrize("page", LISTINGS)
@pytest.mark.parametrize("language", PREFIXES)
def test_a_work_in_four_languages_shows_once_in_the_readers_language(client, kerr, language, page):
    html = listing_html(client, language, page)

    shown = cards(html)
    assert [card["title"] for card in shown] == [
        TITLES[language],
        "Beirut’s Banks After the Crash",
        "الانتخابات البلدية في لبنان",
    ]
    edition = kerr.original if language == "en" else kerr.editions[language]
    assert shown[0]["href"] == address(edition, language)
    assert shown[0]["lang"] == language
    assert shown[2]["lang"] == "ar"  # an Arabic original is itself in every language
    assert "Hidden" not in html


@pytest.mark.parametrize("language", PREFIXES)
def test_also_in_links_each_other_public_edition_in_its_own_language(client, kerr, language):
    html = listing_html(client, language, "listing")

    work, english_only, arabic_original = cards(html)

    pieces = {"en": kerr.original, **kerr.editions}
    expected = [
        (code, code, address(pieces[code], code), NAMES[code])
        for code in ("en", "ru", "zh-hans", "ar")
        if code != language
    ]
    assert work["also_in"] == expected
    assert english_only["also_in"] == [] and arabic_original["also_in"] == []


def test_the_also_in_label_speaks_the_readers_language(client, kerr):
    labels = {language: cards(listing_html(client, language, "listing"))[0]["also_in_label"] for language in PREFIXES}

    assert labels["en"] == "Also in:"
    assert len(set(labels.values())) == 4  # translated in each language


def test_every_also_in_link_opens_a_public_edition(client, kerr):
    for language in PREFIXES:
        for _hreflang, _lang, href, _name in cards(listing_html(client, language, "center"))[0]["also_in"]:
            assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("language", PREFIXES)
def test_unpublished_editions_are_neither_shown_nor_linked(client, kerr, language):
    for page in LISTINGS:
        html = client.get(f"{PREFIXES[language]}{LISTINGS[page]}").content.decode()
        assert "Hidden" not in html, page
        for hidden in kerr.hidden:
            assert f"/publications/{hidden.slug}/" not in html, (page, hidden.title)


def test_a_work_whose_edition_in_the_readers_language_is_a_draft_shows_its_original(client):
    original = PublicationFactory(title="Syria’s Refugees Weigh the Return", published=True)
    EditionFactory(translation_of=original, language="ar", title="مسودة لم تنشر")

    shown = cards(client.get("/ar/publications/").content.decode())

    assert [card["title"] for card in shown] == ["Syria’s Refugees Weigh the Return"]
    assert shown[0]["also_in"] == []


def test_a_work_whose_original_is_not_public_shows_a_public_edition(client):
    """The reader's edition first; without one, the edition added first stands for the work."""
    original = PublicationFactory(title="Hidden original draft")
    arabic = EditionFactory(translation_of=original, language="ar", title="الطبعة العربية", published=True)
    russian = EditionFactory(translation_of=original, language="ru", title="Русское издание", published=True)

    english = cards(client.get("/publications/").content.decode())
    in_russian = cards(client.get("/ru/publications/").content.decode())

    assert [card["title"] for card in english] == ["الطبعة العربية"]
    assert [link[0] for link in english[0]["also_in"]] == ["ru"]
    assert [card["title"] for card in in_russian] == ["Русское издание"]
    assert in_russian[0]["also_in"] == [("ar", "ar", address(arabic, "ar"), NAMES["ar"])]
    assert in_russian[0]["href"] == address(russian, "ru")


def test_a_filter_one_edition_fails_leaves_the_work_to_the_editions_that_pass_it(client):
    """The Arabic edition was filed under another topic: the topic's Arabic page still lists the work."""
    energy = TopicFactory(name="Energy", slug="energy")
    original = PublicationFactory(title="Gas Off Lebanon’s Coast", published=True)
    original.topics.set([energy])
    EditionFactory(translation_of=original, language="ar", title="الغاز قبالة سواحل لبنان", published=True)

    shown = cards(client.get("/ar/topics/energy/").content.decode())

    assert [card["title"] for card in shown] == ["Gas Off Lebanon’s Coast"]
    assert [link[0] for link in shown[0]["also_in"]] == ["ar"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_counts_and_pages_count_works_not_editions(client, language):
    for n in range(25):
        original = PublicationFactory(title=f"Work {n}", publication_date=day(n), published=True)
        EditionFactory(
            translation_of=original, language="ar", title=f"العمل {n}", publication_date=day(n), published=True
        )
        EditionFactory(
            translation_of=original, language="ru", title=f"Работа {n}", publication_date=day(n), published=True
        )

    listing = publication_listing(filters=ListingFilters(), page="2", language=language)
    first = cards(client.get(f"{PREFIXES[language]}/publications/").content.decode())
    second = cards(client.get(f"{PREFIXES[language]}/publications/?page=2").content.decode())

    assert listing.count == 25
    assert len(first) == 20 and len(second) == 5
    expected = [f"Work {n}" if language == "en" else f"العمل {n}" for n in range(24, -1, -1)]
    assert [card["title"] for card in first + second] == expected
    assert client.get(f"{PREFIXES[language]}/publications/?page=3").status_code == 404


def test_the_kerr_centers_arabic_home_is_all_arabic_when_its_work_is(client):
    """Most of the Beirut center's work is Arabic: its Arabic page and home section read as Arabic pages."""
    center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center", slug="middle-east")
    titles = []
    for n in range(5):
        titles.append(f"مقالة عربية {n}")
        PublicationFactory(
            title=titles[-1], language="ar", primary_center=center, publication_date=day(n), published=True
        )
    for n in range(5, 8):
        original = PublicationFactory(
            title=f"English original {n}", primary_center=center, publication_date=day(n), published=True
        )
        titles.append(f"ترجمة عربية {n}")
        EditionFactory(
            translation_of=original, language="ar", title=titles[-1], publication_date=day(n), published=True
        )
    PublicationFactory(title="Only in English", primary_center=center, publication_date=day(8), published=True)

    center_html = client.get("/ar/centers/middle-east/").content.decode()
    home_html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in center_html
    shown = cards(center_html)
    assert [card["title"] for card in shown] == ["Only in English", *reversed(titles)]
    assert [card["lang"] for card in shown] == ["en"] + ["ar"] * 8
    assert re.search(r'class="result-count">[^<]*9', center_html)
    section_start = home_html.index('aria-labelledby="center-middle-east"')
    section = home_html[section_start : home_html.index("</section>", section_start)]
    assert card_titles(section) == ["Only in English", "ترجمة عربية 7", "ترجمة عربية 6"]
    english = cards(client.get("/centers/middle-east/").content.decode())
    assert [card["title"] for card in english][:4] == [
        "Only in English",
        "English original 7",
        "English original 6",
        "English original 5",
    ]
    assert [card["lang"] for card in english][4:] == ["ar"] * 5  # Arabic originals, with no English edition


def test_the_publication_page_rails_leave_out_its_own_work_and_show_others_in_the_readers_language(client, kerr):
    other = PublicationFactory(
        title="Lebanon’s Banks Reopen", primary_center=kerr.center, publication_date=day(20), published=True
    )
    other.topics.set([kerr.topic])
    EditionFactory(
        translation_of=other,
        language="ar",
        title="المصارف اللبنانية تعيد فتح أبوابها",
        publication_date=day(20),
        published=True,
    ).topics.set([kerr.topic])

    html = client.get(address(kerr.editions["ar"], "ar")).content.decode()
    rails = html[html.index('class="rail"') :]

    assert "المصارف اللبنانية تعيد فتح أبوابها" in rails
    assert "Lebanon’s Banks Reopen" not in rails
    for title in TITLES.values():
        assert title not in card_titles(rails)


def add_works(n, kerr):
    """`n` more works of the Kerr center by its author, each in English, Arabic, Chinese and Russian."""
    for i in range(n):
        original = PublicationFactory(
            title=f"Work {i}",
            primary_center=kerr.center,
            authors=[kerr.author],
            publication_date=day(30 + i),
            published=True,
        )
        original.centers.set([kerr.center])
        for language in ("ar", "zh-hans", "ru"):
            EditionFactory(
                translation_of=original,
                language=language,
                authors=[kerr.author],
                publication_date=day(30 + i),
                published=True,
            ).centers.set([kerr.center])


# Pinned: with a work in four languages on the page, one query more than the same page without
# editions (the other editions of every card at once), in every language.
BUDGETS = {"home": 5, "listing": 11, "center": 7, "expert": 9}


@pytest.mark.parametrize("page", BUDGETS)
def test_the_query_count_does_not_grow_with_the_cards_or_their_editions(
    client, kerr, page, django_assert_max_num_queries
):
    current()  # read once per cache life in production; not the page's cost
    # A parameter no page reads: the page cache lets the request through, so each one renders.
    path = {language: f"{PREFIXES[language]}{LISTINGS[page]}?uncached=1" for language in PREFIXES}

    def count(language):
        with CaptureQueriesContext(connection) as context:
            assert client.get(path[language]).status_code == 200
        return len(context.captured_queries)

    few = {language: count(language) for language in PREFIXES}
    add_works(12, kerr)
    many = {}
    for language in PREFIXES:
        with django_assert_max_num_queries(BUDGETS[page]) as captured:
            assert client.get(path[language]).status_code == 200
        many[language] = len(captured.captured_queries)
    assert len(cards(client.get(path["ar"]).content.decode())) > 12

    assert few == many
    assert len(set(many.values())) == 1, many
