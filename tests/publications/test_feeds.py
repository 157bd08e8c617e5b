"""RSS and Atom feeds: valid XML whatever editors typed, public pieces only, a fixed query count."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from publications.feeds import xml_text
from publications.models import Status
from tests.factories import (
    AuthorshipFactory,
    CenterFactory,
    EditionFactory,
    PersonFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
NOW = datetime.datetime.now(datetime.UTC)
KINDS = ["expert", "topic", "region", "center"]


def fetch(client, name, *args):
    response = client.get(reverse(f"feeds:{name}", args=args))
    assert response.status_code == 200, name
    return response


def rss_items(client, name, *args) -> list[ET.Element]:
    response = fetch(client, name, *args)
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def atom_entries(client, name, *args) -> list[ET.Element]:
    response = fetch(client, name, *args)
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def rss_titles(client, name, *args) -> list[str]:
    return [item.findtext("title") for item in rss_items(client, name, *args)]


def atom_titles(client, name, *args) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in atom_entries(client, name, *args)]


def hidden_pieces(**kwargs):
    """One piece in every state a reader must not see, all titled "Hidden …"."""
    return [
        PublicationFactory(status=Status.DRAFT, title="Hidden draft", **kwargs),
        PublicationFactory(status=Status.APPROVED, title="Hidden approved", **kwargs),
        PublicationFactory(status=Status.UNPUBLISHED, title="Hidden unpublished", **kwargs),
        PublicationFactory(
            published=True, go_live_at=NOW + datetime.timedelta(days=1), title="Hidden scheduled", **kwargs
        ),
        PublicationFactory(
            published=True, expire_at=NOW - datetime.timedelta(days=1), title="Hidden expired", **kwargs
        ),
    ]


def test_the_latest_feeds_list_public_pieces_newest_first_with_their_details(client):
    lehne, dempsey = PersonFactory(name="Stefan Lehne"), PersonFactory(name="Judy Dempsey")
    older = PublicationFactory(published=True, title="Older", publication_date=datetime.date(2023, 1, 1))
    newer = PublicationFactory(
        published=True,
        title="Newer",
        dek="Why it matters & what comes next.",
        publication_date=datetime.date(2025, 6, 30),
        authors=[lehne, dempsey],
    )
    newer.topics.set([TopicFactory(name="EU"), TopicFactory(name="Security")])
    hidden_pieces()

    items = rss_items(client, "latest_rss")
    entries = atom_entries(client, "latest_atom")

    assert [item.findtext("title") for item in items] == ["Newer", "Older"]
    item = items[0]
    assert item.findtext("link") == f"http://testserver{newer.get_absolute_url()}"
    assert item.findtext("description") == "Why it matters &amp; what comes next."  # HTML, as RSS readers expect
    assert item.findtext("pubDate") == "Mon, 30 Jun 2025 00:00:00 +0000"
    assert [creator.text for creator in item.findall(f"{DC}creator")] == ["Stefan Lehne", "Judy Dempsey"]
    assert sorted(category.text for category in item.findall("category")) == ["EU", "Security"]
    assert item.findtext("guid") != items[1].findtext("guid")

    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer", "Older"]
    entry = entries[0]
    assert [name.text for name in entry.findall(f"{ATOM}author/{ATOM}name")] == ["Stefan Lehne", "Judy Dempsey"]
    assert entry.findtext(f"{ATOM}published").startswith("2025-06-30T00:00:00")
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}summary") == "Why it matters &amp; what comes next."
    assert entry.findtext(f"{ATOM}id") != entries[1].findtext(f"{ATOM}id")
    assert sorted(c.get("term") for c in entry.findall(f"{ATOM}category")) == ["EU", "Security"]
    assert older.get_absolute_url() in entries[1].find(f"{ATOM}link").get("href")


def test_the_feeds_hold_the_thirty_newest_pieces(client):
    for day in range(32):
        PublicationFactory(
            published=True,
            title=f"Day {day}",
            publication_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day),
        )

    titles = rss_titles(client, "latest_rss")

    assert len(titles) == 30
    assert titles[0] == "Day 31" and titles[-1] == "Day 2"
    assert len(atom_titles(client, "latest_atom")) == 30


def test_an_undated_piece_is_listed_last_without_a_date(client):
    PublicationFactory(published=True, title="Legacy piece", publication_date=None)
    PublicationFactory(published=True, title="Dated piece")

    items = rss_items(client, "latest_rss")
    entries = atom_entries(client, "latest_atom")

    assert [item.findtext("title") for item in items] == ["Dated piece", "Legacy piece"]
    assert items[1].find("pubDate") is None
    assert entries[1].find(f"{ATOM}published") is None
    assert entries[1].findtext(f"{ATOM}updated")  # Atom requires it: the last edit


def test_cdata_ends_control_characters_and_markup_in_titles_and_deks_stay_valid_xml(client):
    nasty = "Deal ]]> done \x01\x02\x03\x04\x05\x06\x07\x08 <b>now</b> & then"
    PublicationFactory(published=True, title=nasty, dek=nasty)
    topic = TopicFactory(name="Trade ]]> \x07policy", slug="trade")
    PublicationFactory(published=True, title="Tagged").topics.set([topic])

    rss = ET.fromstring(fetch(client, "latest_rss").content)
    atom = ET.fromstring(fetch(client, "latest_atom").content)
    topic_feed = ET.fromstring(fetch(client, "topic_atom", "trade").content)

    rss_item = next(item for item in rss.iter("item") if "Deal" in item.findtext("title"))
    atom_entry = next(entry for entry in atom.iter(f"{ATOM}entry") if "Deal" in entry.findtext(f"{ATOM}title"))
    # RSS titles and both summaries are HTML: the text is escaped once more, like Django's default.
    assert rss_item.findtext("title") == "Deal ]]&gt; done  &lt;b&gt;now&lt;/b&gt; &amp; then"
    assert rss_item.findtext("description") == "Deal ]]&gt; done  &lt;b&gt;now&lt;/b&gt; &amp; then"
    # An Atom title is plain text.
    assert atom_entry.findtext(f"{ATOM}title") == "Deal ]]> done  <b>now</b> & then"
    assert topic_feed.findtext(f"{ATOM}title").startswith("Trade ]]> policy")
    assert [c.get("term") for c in atom.iter(f"{ATOM}category")] == ["Trade ]]> policy"]


def test_xml_text_drops_every_character_xml_cannot_carry():
    assert xml_text("a\x00b\x08c\x0bd\x1fe\ufffef\tg\nh") == "abcdef\tg\nh"
    assert xml_text(None) == ""


def test_an_experts_feeds_list_their_public_pieces_in_any_role(client):
    expert = PersonFactory(name="Alexander Gabuev", slug="gabuev")
    authored = PublicationFactory(published=True, title="By Gabuev", authors=[expert])
    edited = PublicationFactory(published=True, title="Edited by Gabuev")
    AuthorshipFactory(publication=edited, person=expert, role="editor")
    PublicationFactory(published=True, title="By someone else")
    hidden_pieces(authors=[expert])

    assert sorted(rss_titles(client, "expert_rss", "gabuev")) == sorted([authored.title, edited.title])
    assert sorted(atom_titles(client, "expert_atom", "gabuev")) == sorted([authored.title, edited.title])
    channel = ET.fromstring(fetch(client, "expert_rss", "gabuev").content).find("channel")
    assert channel.findtext("title").startswith("Alexander Gabuev")
    assert channel.findtext("link") == f"http://testserver{expert.get_absolute_url()}"


def test_a_topic_feed_lists_pieces_on_that_topic(client):
    eu = TopicFactory(name="EU", slug="eu")
    on_eu = PublicationFactory(published=True, title="On the EU")
    on_eu.topics.set([eu])
    PublicationFactory(published=True, title="On China").topics.set([TopicFactory()])
    for piece in hidden_pieces():
        piece.topics.set([eu])

    assert rss_titles(client, "topic_rss", "eu") == ["On the EU"]
    assert atom_titles(client, "topic_atom", "eu") == ["On the EU"]


def test_a_region_feed_includes_its_sub_regions_at_any_depth(client):
    europe = RegionFactory(name="Europe", slug="europe")
    eastern = RegionFactory(name="Eastern Europe", parent=europe)
    baltics = RegionFactory(name="Baltic States", parent=eastern)
    for title, region in [
        ("Europe-wide", europe),
        ("In the Baltics", baltics),
        ("In Asia", RegionFactory(name="Asia")),
    ]:
        PublicationFactory(published=True, title=title).regions.set([region])
    both = PublicationFactory(published=True, title="Tagged twice")
    both.regions.set([europe, eastern])
    for piece in hidden_pieces():
        piece.regions.set([baltics])

    assert sorted(rss_titles(client, "region_rss", "europe")) == ["Europe-wide", "In the Baltics", "Tagged twice"]
    assert sorted(atom_titles(client, "region_atom", "europe")) == ["Europe-wide", "In the Baltics", "Tagged twice"]
    assert rss_titles(client, "region_rss", baltics.slug) == ["In the Baltics"]


def test_a_center_feed_lists_its_primary_and_tagged_pieces(client):
    beirut = CenterFactory(name="Carnegie Middle East Center", slug="beirut")
    PublicationFactory(published=True, title="Primary", primary_center=beirut)
    PublicationFactory(published=True, title="Tagged").centers.set([beirut])
    PublicationFactory(published=True, title="Elsewhere")
    hidden_pieces(primary_center=beirut)

    assert sorted(rss_titles(client, "center_rss", "beirut")) == ["Primary", "Tagged"]
    assert sorted(atom_titles(client, "center_atom", "beirut")) == ["Primary", "Tagged"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_an_unknown_slug_is_404(client, kind, flavour):
    assert client.get(reverse(f"feeds:{kind}_{flavour}", args=["no-such-slug"])).status_code == 404


def test_a_person_without_a_public_profile_has_no_feed(client):
    hidden = PersonFactory(has_profile=False, slug="hidden-person")
    PublicationFactory(published=True, authors=[hidden])

    assert client.get(reverse("feeds:expert_rss", args=["hidden-person"])).status_code == 404
    assert client.get(reverse("feeds:expert_atom", args=["hidden-person"])).status_code == 404


def build_feeds(*, pieces: int, authors: int, topics: int):
    people = [PersonFactory() for _ in range(authors)]
    people[0].slug = "prolific"
    people[0].save()
    tags = [TopicFactory() for _ in range(topics)]
    tags[0].slug = "busy"
    tags[0].save()
    europe = RegionFactory(slug="europe")
    sub_regions = [RegionFactory(parent=europe) for _ in range(topics)]
    center = CenterFactory(slug="busy-center")
    for _ in range(pieces):
        piece = PublicationFactory(published=True, authors=people, primary_center=center)
        piece.topics.set(tags)
        piece.regions.set(sub_regions)
        piece.centers.set([center, CenterFactory()])


@pytest.mark.parametrize(("pieces", "authors", "topics"), [(2, 1, 1), (40, 6, 8)])
def test_every_feed_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, pieces, authors, topics):
    build_feeds(pieces=pieces, authors=authors, topics=topics)
    # rows, bylines, topics; plus the expert, topic, region or center; plus the region tree.
    budgets = {
        "latest": ([], 3),
        "expert": (["prolific"], 4),
        "topic": (["busy"], 4),
        "region": (["europe"], 5),
        "center": (["busy-center"], 4),
    }

    for kind, (args, budget) in budgets.items():
        for flavour in ["rss", "atom"]:
            with django_assert_max_num_queries(budget):
                response = client.get(reverse(f"feeds:{kind}_{flavour}", args=args))
            root = ET.fromstring(response.content)
            assert len(root.findall("./channel/item") or root.findall(f"{ATOM}entry")) == min(pieces, 30)


# -- languages ------------------------------------------------------------------------------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def get_xml(client, path) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200, path
    return ET.fromstring(response.content)


@pytest.fixture
def beirut():
    """The Middle East Center's work: an English original with an Arabic edition, an Arabic original, drafts."""
    center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center", slug="middle-east")
    topic = TopicFactory(name="Political Reform", slug="reform")
    expert = PersonFactory(name="Maha Yahya", slug="maha-yahya")
    original = PublicationFactory(
        published=True, title="Lebanon’s Reform Window", primary_center=center, authors=[expert]
    )
    pieces = [
        original,
        EditionFactory(
            translation_of=original, published=True, title="نافذة الإصلاح في لبنان", language="ar", authors=[expert]
        ),
        PublicationFactory(
            published=True, title="الانتخابات البلدية", language="ar", primary_center=center, authors=[expert]
        ),
        EditionFactory(translation_of=original, published=True, title="Окно реформ в Ливане", language="ru"),
        PublicationFactory(published=True, title="La fenêtre des réformes", language="fr", primary_center=center),
    ]
    for piece in pieces:
        piece.topics.set([topic])
    for hidden in hidden_pieces(language="ar", primary_center=center, authors=[expert]):
        hidden.topics.set([topic])
    # An English piece only (the English feeds list it) whose Arabic edition is still a draft.
    other = PublicationFactory(published=True, title="Beirut’s Port", primary_center=center, authors=[expert])
    other.topics.set([topic])
    draft_edition = EditionFactory(
        translation_of=other, title="Hidden Arabic draft edition", language="ar", authors=[expert]
    )
    draft_edition.topics.set([topic])
    return center


ARABIC = ["الانتخابات البلدية", "نافذة الإصلاح في لبنان"]


@pytest.mark.parametrize(
    "path",
    [
        "/ar/feeds/latest/rss/",
        "/ar/feeds/centers/middle-east/rss/",
        "/ar/feeds/topics/reform/rss/",
        "/ar/feeds/experts/maha-yahya/rss/",
    ],
)
def test_an_arabic_feed_is_in_arabic_and_lists_only_public_arabic_work(client, beirut, path):
    channel = get_xml(client, path).find("channel")

    assert channel.findtext("language") == "ar"
    assert sorted(item.findtext("title") for item in channel.findall("item")) == ARABIC
    for item in channel.findall("item"):
        assert item.findtext("link").startswith("http://testserver/ar/publications/")
        assert item.find(f"{DC}language") is None  # the channel's language says it
    assert channel.findtext("link").startswith("http://testserver/ar/")


@pytest.mark.parametrize(
    "path", ["/ar/feeds/latest/atom/", "/ar/feeds/centers/middle-east/atom/", "/ar/feeds/experts/maha-yahya/atom/"]
)
def test_an_arabic_atom_feed_declares_its_language(client, beirut, path):
    feed = get_xml(client, path)

    assert feed.get(XML_LANG) == "ar"
    entries = feed.findall(f"{ATOM}entry")
    assert sorted(entry.findtext(f"{ATOM}title") for entry in entries) == ARABIC
    assert all(entry.get(XML_LANG) is None for entry in entries)


def test_an_arabic_feeds_title_and_description_are_arabic(client, beirut):
    latest = get_xml(client, "/ar/feeds/latest/rss/").find("channel")
    center = get_xml(client, "/ar/feeds/centers/middle-east/rss/").find("channel")

    assert latest.findtext("title").startswith("أحدث الإصدارات | ")
    assert latest.findtext("description").startswith("أحدث منشورات ")
    assert center.findtext("description") == "أحدث منشورات Malcolm H. Kerr Carnegie Middle East Center."


def test_the_russian_and_chinese_feeds_list_their_languages_work_with_a_bcp47_tag(client, beirut):
    russian = get_xml(client, "/ru/feeds/centers/middle-east/rss/").find("channel")
    chinese = get_xml(client, "/zh-hans/feeds/latest/rss/").find("channel")
    chinese_atom = get_xml(client, "/zh-hans/feeds/latest/atom/")

    assert russian.findtext("language") == "ru"
    assert [item.findtext("title") for item in russian.findall("item")] == ["Окно реформ в Ливане"]
    assert russian.findtext("description").startswith("Новые публикации")
    assert chinese.findtext("language") == "zh-Hans"
    assert chinese.findall("item") == []
    assert chinese_atom.get(XML_LANG) == "zh-Hans"


def test_the_english_feeds_keep_work_in_languages_with_no_feed_of_their_own_marked_as_such(client, beirut):
    channel = get_xml(client, "/feeds/centers/middle-east/rss/").find("channel")
    atom = get_xml(client, "/feeds/latest/atom/")

    assert channel.findtext("language") == "en"
    items = {item.findtext("title"): item for item in channel.findall("item")}
    assert sorted(items) == ["Beirut’s Port", "La fenêtre des réformes", "Lebanon’s Reform Window"]
    assert items["La fenêtre des réformes"].findtext(f"{DC}language") == "fr"
    assert items["Lebanon’s Reform Window"].find(f"{DC}language") is None
    assert atom.get(XML_LANG) == "en"
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in atom.findall(f"{ATOM}entry")}
    assert sorted(entries) == ["Beirut’s Port", "La fenêtre des réformes", "Lebanon’s Reform Window"]
    assert entries["La fenêtre des réformes"].get(XML_LANG) == "fr"


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/ar/", "/ar/feeds/latest/rss/"),
        ("/ar/centers/middle-east/", "/ar/feeds/centers/middle-east/rss/"),
        ("/ru/topics/reform/", "/ru/feeds/topics/reform/rss/"),
        ("/zh-hans/experts/maha-yahya/", "/zh-hans/feeds/experts/maha-yahya/rss/"),
    ],
)
def test_a_page_links_its_languages_feeds(client, beirut, path, feed):
    head = client.get(path).content.decode().split("</head>")[0]

    rss = re.findall(r'<link rel="alternate" type="application/rss\+xml" title="[^"]*" href="([^"]+)">', head)
    atom = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', head)
    assert feed in rss
    assert feed.replace("/rss/", "/atom/") in atom
    assert all(url.startswith(path[: path.index("/", 1) + 1]) for url in rss + atom)


@pytest.mark.parametrize("pieces", [2, 31])
def test_a_feed_takes_the_same_queries_in_every_language(client, django_assert_max_num_queries, pieces):
    center = CenterFactory(slug="busy-center")
    for language in ("en", "ar", "zh-hans", "ru"):
        for _ in range(pieces):
            piece = PublicationFactory(
                published=True, language=language, primary_center=center, authors=[PersonFactory()]
            )
            piece.topics.set([TopicFactory()])

    # rows, bylines, topics; plus the center.
    for prefix in ("", "/ar", "/zh-hans", "/ru"):
        for path, budget in (("/feeds/latest/rss/", 3), ("/feeds/centers/busy-center/atom/", 4)):
            with django_assert_max_num_queries(budget):
                root = get_xml(client, f"{prefix}{path}")
            assert len(root.findall("./channel/item") or root.findall(f"{ATOM}entry")) == min(pieces, 30)
