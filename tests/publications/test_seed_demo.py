"""The demo content command: idempotent, deterministic, and faithful to the seed page."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F

from cms.media.models import Image
from cms.taxonomies.models import Center
from people.models import Person
from publications.demo.editions import EDITIONS_BEHIND
from publications.management.commands.seed_demo import summary_counts
from publications.models import Authorship, Disclaimer, Publication, Revision
from publications.queries.conditions import LISTING_PAGE_SIZE

pytestmark = pytest.mark.django_db

SEED_LEGACY_ID = "9b75ff939e830440"


def seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo seeded once for the tests that only read it (a seed takes seconds; these tests
    once seeded eight times a run). Each test runs in a savepoint inside this transaction, and the
    whole seed is rolled back after the module, so the next module starts from an empty database."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


def test_running_twice_creates_nothing_new():
    seed_demo()
    first = summary_counts()
    titles = dict(Publication.objects.values_list("legacy_id", "title"))

    revisions = Revision.objects.count()

    output = seed_demo()

    assert summary_counts() == first
    assert Revision.objects.count() == revisions
    assert dict(Publication.objects.values_list("legacy_id", "title")) == titles
    assert "0 rows created, 0 publications updated" in output


def test_the_site_is_big_enough_to_demo(demo):

    assert Center.objects.count() >= 7
    assert Center.objects.filter(is_global=True).get().short_name == "Carnegie Endowment"
    assert Person.objects.count() >= 40
    assert Publication.objects.count() >= 500
    assert Publication.objects.exclude(status="published").exists()
    assert Publication.objects.filter(is_featured=True).count() >= 5
    assert set(get_user_model().objects.values_list("username", flat=True)) >= {"admin", "editor", "manager"}
    assert get_user_model().objects.get(username="admin").check_password("admin")


def test_every_piece_is_consistent(demo):

    # The primary center is always one of the piece's centers.
    assert not Publication.objects.exclude(centers=F("primary_center")).exists()
    # Everyone has a byline, and every byline has the title the person held then.
    assert not Publication.objects.annotate(n=Count("authorships")).filter(n=0).exists()
    assert not Authorship.objects.filter(title_line="").exists()
    assert Publication.objects.values("slug").distinct().count() == Publication.objects.count()


def test_the_seed_article_is_as_on_the_real_page(demo):

    piece = Publication.objects.get(legacy_id=SEED_LEGACY_ID)
    assert piece.title == "Global Insider: Envoy Exchange Part of Promising Shift in Serbia-Kosovo Relations"
    assert piece.dek.startswith("Serbia and Kosovo agreed last month to exchange envoys")
    assert piece.publication_type.label == "In the Media"
    assert piece.publication_type.shows_source
    assert piece.source_name == "World Politics Review"
    assert piece.source_url.startswith("https://www.worldpoliticsreview.com/")
    assert piece.lead_image_credit == "Source: Getty"
    assert piece.status == "published"
    assert piece.publication_date == datetime.date(2013, 5, 8)
    assert piece.body.startswith(
        "<p>WPR: What were the factors that drove Serbia and Kosovo to exchange envoys for the first time?</p>"
    )
    assert piece.body.count("<p>") == 6

    (authorship,) = piece.authorships.select_related("person")
    assert authorship.person.name == "Stefan Lehne"
    assert authorship.title_line == "Senior Fellow, Carnegie Europe"
    assert authorship.person.title_line == "Senior Fellow, Carnegie Europe"
    assert authorship.person.short_bio.startswith("Stefan Lehne is a senior fellow at Carnegie Europe in Brussels")

    assert piece.primary_center.name == "Carnegie Europe"
    assert set(piece.centers.values_list("name", flat=True)) == {
        "Carnegie Endowment for International Peace",
        "Carnegie Europe",
    }
    assert set(piece.regions.values_list("name", flat=True)) == {"Europe", "Eastern Europe", "Western Europe"}
    assert set(piece.topics.values_list("name", flat=True)) == {"Foreign Policy", "EU", "Political Reform"}
    assert set(piece.collections.values_list("name", flat=True)) == {
        "Europe’s Eastern Neighborhood",
        "EU Integration and Enlargement",
    }
    for collection in piece.collections.all():
        assert 8 <= collection.items.count() <= 15


def test_the_seed_page_rails_can_be_filled(demo):

    lehne = Person.objects.get(slug="stefan-lehne")
    recent = Publication.objects.published().filter(contributors=lehne).newest_first()
    assert [(p.title, p.publication_type.label) for p in recent[:2]] == [
        ("What Can the EU Do About Trump 2.0?", "Article"),
        ("Can the EU Meet the Trump Moment?", "Commentary"),
    ]

    china = Publication.objects.published().filter(centers__name="Carnegie China").newest_first()
    assert [p.title for p in china[:5]] == [
        "Malaysia’s Year as ASEAN Chair: Managing Disorder",
        "When It Comes to Superpower Geopolitics, Malaysia Is Staunchly Nonpartisan",
        "Neither Comrade nor Ally: Decoding Vietnam’s First Army Drill with China",
        "China’s Mediation Offer in the Thailand-Cambodia Border Dispute Sheds Light on Beijing’s Security "
        "Role in Southeast Asia",
        "China Is Determined to Hold Firm Against Trump’s Pressure",
    ]
    assert [a.person.name for a in china[4].authorships.all()] == ["Rick Waters", "Sheena Chestnut Greitens"]

    site_default = Disclaimer.objects.get(center=None, publication_type=None)
    assert site_default.text == (
        "<p>Carnegie does not take institutional positions on public policy issues; the views represented "
        "herein are those of the author(s) and do not necessarily reflect the views of Carnegie, its staff, "
        "or its trustees.</p>"
    )


def test_the_demo_makes_no_library_images_so_it_leaves_no_renditions_to_make(demo):
    """The demo's pieces and people carry credits but no pictures (publications/demo/): no Image is
    created, so the loader has no renditions to make; one that added pictures would call
    cms.media.renditions.make_renditions for them at the end of its batch."""

    assert Publication.objects.exists() and not Image.objects.exists()


def demo_editions():
    return Publication.objects.filter(legacy_id__startswith="demo-", translation_of__isnull=False)


def blocks(html: str) -> list[str]:
    return re.findall(r"<(p|h2)>", html)


# A letter of each edition language's script: a title "translated" by copying the English would fail.
SCRIPTS = {"ar": "[\u0600-\u06ff]", "zh-hans": "[\u4e00-\u9fff]", "ru": "[\u0400-\u04ff]", "en": "[A-Za-z]"}


def test_the_demo_has_thirty_works_translated_into_arabic_chinese_or_russian(client, demo):
    """One seed for the whole check: the seed is the slow part of these tests."""

    works = (
        Publication.objects.filter(translations__language__in=["ar", "zh-hans", "ru"], translations__status="published")
        .distinct()
        .count()
    )
    assert works >= 30
    # Several works have two or three editions, never two in one language or in the original's.
    per_work = (
        demo_editions().values("translation_of").annotate(n=Count("pk"), languages=Count("language", distinct=True))
    )
    assert all(row["n"] == row["languages"] for row in per_work)
    assert sum(1 for row in per_work if row["n"] >= 2) >= 5
    assert not demo_editions().filter(language=F("translation_of__language")).exists()

    # Each is translated, block for block (an edition behind lacks its original's last paragraph),
    # and credits its translator, a contributor, after the original's byline.
    behind = {slug for slug, _on, _note in EDITIONS_BEHIND}
    for edition in demo_editions().select_related("translation_of").prefetch_related("authorships__person"):
        original = edition.translation_of
        assert re.search(SCRIPTS[edition.language], edition.title), edition.legacy_id
        assert edition.title != original.title and edition.dek != original.dek and edition.body != original.body
        expected = blocks(original.body)[:-1] if edition.legacy_id in behind else blocks(original.body)
        assert blocks(edition.body) == expected, edition.legacy_id
        assert edition.publication_date > original.publication_date
        roles = [(a.role, a.person.kind) for a in edition.authorships.all()]
        assert roles[-1] == ("translator", "contributor"), edition.legacy_id
    translators = Person.objects.filter(authorships__role="translator").distinct()
    assert translators.count() >= 4
    assert not translators.filter(authorships__role="author").exists()

    edition = Publication.objects.get(legacy_id="demo-kerr-red-sea-trade-zh")
    html = client.get(edition.get_absolute_url()).content.decode()
    assert "Chen Wanru" in html.split('class="byline byline--translators"')[1].split("</p>")[0]


def test_some_editions_are_behind_their_original_and_say_so(client, demo):
    from publications.editions import editions_behind

    admin = get_user_model().objects.get(username="admin")

    assert not demo_editions().filter(source_revision__isnull=True).exists()
    behind = editions_behind(admin)
    assert {edition.legacy_id for edition in behind} == {slug for slug, _on, _note in EDITIONS_BEHIND}
    assert 3 <= behind.count() <= 4
    for slug, changed_on, _note in EDITIONS_BEHIND:
        edition = Publication.objects.get(legacy_id=slug)
        html = client.get(edition.get_absolute_url()).content.decode()
        note = html.split('class="edition-note"')[1].split("</p>")[0]
        assert f'<time datetime="{changed_on.isoformat()}">' in note, slug
        assert edition.translation_of.get_absolute_url() in note

    # The original's other editions were translated from its updated text.
    sibling = Publication.objects.get(legacy_id="demo-russia-shadow-fleet-zh")
    assert sibling not in behind
    assert 'class="edition-note"' not in client.get(sibling.get_absolute_url()).content.decode()


def test_the_kerr_center_publishes_in_arabic(demo):
    kerr = Center.objects.get(name="Malcolm H. Kerr Carnegie Middle East Center")

    # Enough for a full page of the center's work in Arabic.
    arabic = Publication.objects.published().filter(centers=kerr, language="ar")
    assert arabic.count() >= LISTING_PAGE_SIZE
    # Arabic originals, some of them with an English edition.
    originals = arabic.filter(translation_of__isnull=True)
    assert originals.count() >= 10
    assert Publication.objects.published().filter(language="en", translation_of__in=originals).count() >= 4


def test_the_demo_names_its_centers_topics_and_main_people_in_arabic_chinese_and_russian(client, demo):
    seed_demo()  # a rerun leaves the translations as they were

    middle_east = Center.objects.get(name="Malcolm H. Kerr Carnegie Middle East Center")
    assert middle_east.translations["ar"]["name"] == "مركز مالكوم كير–كارنيغي للشرق الأوسط"
    assert set(middle_east.translations) == {"ar", "zh-hans", "ru"}
    zarubin = Person.objects.get(slug="mikhail-zarubin")
    assert zarubin.translations["ru"]["name"] == "Михаил Зарубин"
    assert "<p>" in zarubin.translations["ru"]["bio"]
    # Some are left in English on purpose, so a newcomer sees a marked fallback.
    assert Person.objects.get(slug="caleb-ishikawa").translations == {}

    html = client.get(f"/ru{zarubin.get_absolute_url()}").content.decode()
    assert "Михаил Зарубин" in html and "Центр Карнеги по изучению России и Евразии</a>" in html
