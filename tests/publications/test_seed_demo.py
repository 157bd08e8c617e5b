"""The demo content command: idempotent, deterministic, and faithful to the seed page."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, F

from cms.media.models import Image
from cms.taxonomies.models import Center
from people.models import Person
from publications.management.commands.seed_demo import summary_counts
from publications.models import Authorship, Disclaimer, Publication

pytestmark = pytest.mark.django_db

SEED_LEGACY_ID = "9b75ff939e830440"


def seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_running_twice_creates_nothing_new():
    seed_demo()
    first = summary_counts()
    titles = dict(Publication.objects.values_list("legacy_id", "title"))

    output = seed_demo()

    assert summary_counts() == first
    assert dict(Publication.objects.values_list("legacy_id", "title")) == titles
    assert "0 rows created, 0 publications updated" in output


def test_the_site_is_big_enough_to_demo():
    seed_demo()

    assert Center.objects.count() >= 7
    assert Center.objects.filter(is_global=True).get().short_name == "Carnegie Endowment"
    assert Person.objects.count() >= 40
    assert Publication.objects.count() >= 500
    assert Publication.objects.exclude(status="published").exists()
    assert Publication.objects.filter(is_featured=True).count() >= 5
    assert set(get_user_model().objects.values_list("username", flat=True)) >= {"admin", "editor", "manager"}
    assert get_user_model().objects.get(username="admin").check_password("admin")


def test_every_piece_is_consistent():
    seed_demo()

    # The primary center is always one of the piece's centers.
    assert not Publication.objects.exclude(centers=F("primary_center")).exists()
    # Everyone has a byline, and every byline has the title the person held then.
    assert not Publication.objects.annotate(n=Count("authorships")).filter(n=0).exists()
    assert not Authorship.objects.filter(title_line="").exists()
    assert Publication.objects.values("slug").distinct().count() == Publication.objects.count()


def test_the_seed_article_is_as_on_the_real_page():
    seed_demo()

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


def test_the_seed_page_rails_can_be_filled():
    seed_demo()

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


def test_the_demo_makes_no_library_images_so_it_leaves_no_renditions_to_make():
    """The demo's pieces and people carry credits but no pictures (publications/demo/): no Image is
    created, so the loader has no renditions to make; one that added pictures would call
    cms.media.renditions.make_renditions for them at the end of its batch."""
    seed_demo()

    assert Publication.objects.exists() and not Image.objects.exists()


def test_the_demo_has_tracked_editions_and_one_behind_its_original(client):
    from publications.editions import editions_behind

    seed_demo()
    admin = get_user_model().objects.get(username="admin")

    editions = Publication.objects.filter(legacy_id__startswith="demo-", translation_of__isnull=False)
    assert editions.count() >= 4 and not editions.filter(source_revision__isnull=True).exists()
    behind = editions_behind(admin).get()
    assert behind.legacy_id == "demo-lebanon-reform-window-ar"
    html = client.get(behind.get_absolute_url()).content.decode()
    assert 'was updated on <time datetime="2026-06-03">3 June 2026</time> after this translation was made.' in html


def test_the_demo_names_its_centers_topics_and_main_people_in_arabic_chinese_and_russian(client):
    seed_demo()
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
