import datetime

import pytest
from django.urls import reverse

from publications.models import Status
from publications.queries.publication_page import publication_page
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article():
    europe = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    endowment = CenterFactory(name="Carnegie Endowment for International Peace", slug="endowment")
    in_the_media = PublicationTypeFactory(label="In the Media")
    lehne = PersonFactory(
        name="Stefan Lehne",
        title_line="Senior Fellow, Carnegie Europe",
        short_bio="Stefan Lehne is a senior fellow at Carnegie Europe in Brussels.",
    )
    DisclaimerFactory(name="Default", text="<p>Carnegie does not take institutional positions.</p>")
    article = PublicationFactory(
        published=True,
        title="Global Insider: Envoy Exchange Part of Promising Shift in Serbia-Kosovo Relations",
        dek="Serbia and Kosovo agreed last month to exchange envoys for the first time.",
        body="<p>WPR: What were the factors?</p><p>Stefan Lehne: Whatever their differences…</p>",
        publication_type=in_the_media,
        primary_center=europe,
        source_name="World Politics Review",
        source_url="https://www.worldpoliticsreview.com/envoy-exchange",
        lead_image_credit="Source: Getty",
        authors=[lehne],
    )
    article.centers.set([europe, endowment])
    article.topics.set([TopicFactory(name="EU")])
    article.regions.set([RegionFactory(name="Eastern Europe")])
    return article


def test_the_page_shows_everything_the_seed_page_shows(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    for expected in [
        "In the Media",
        "Global Insider: Envoy Exchange Part of Promising Shift in Serbia-Kosovo Relations",
        "Serbia and Kosovo agreed last month",
        "Source: Getty",
        'Source: <a href="https://www.worldpoliticsreview.com/envoy-exchange"',
        "World Politics Review",
        "WPR: What were the factors?",
        "About the Author<",
        "Senior Fellow, Carnegie Europe",
        "Stefan Lehne is a senior fellow at Carnegie Europe in Brussels.",
        "Carnegie does not take institutional positions.",
        'href="/centers/carnegie-europe/"',
        'href="/topics/eu/"',
    ]:
        assert expected in html, expected
    assert html.count("<h1") == 1


def test_the_byline_links_every_author_in_order_and_says_about_the_authors(client):
    first, second, third = (PersonFactory(name=n) for n in ["Rick Waters", "Sheena Chestnut Greitens", "Elina Noor"])
    piece = PublicationFactory(published=True, authors=[first, second, third])

    html = client.get(piece.get_absolute_url()).content.decode()

    byline = html[html.index('class="byline"') :]
    positions = [byline.index(person.get_absolute_url()) for person in (first, second, third)]
    assert positions == sorted(positions)
    assert "About the Authors" in html


def test_an_old_piece_keeps_the_title_its_author_held_then(client):
    author = PersonFactory(name="Stefan Lehne", title_line="Visiting Scholar, Carnegie Europe")
    piece = PublicationFactory(published=True, authors=[author])
    affiliation = author.affiliations.get()
    affiliation.title_line = "Senior Fellow, Carnegie Europe"
    affiliation.save()

    html = client.get(piece.get_absolute_url()).content.decode()

    assert "Visiting Scholar, Carnegie Europe" in html
    assert "at the time of publication; now Senior Fellow, Carnegie Europe" in html
    assert f'href="{author.get_absolute_url()}"' in html


def test_recent_work_lists_each_authors_newest_other_public_pieces():
    author = PersonFactory()
    piece = PublicationFactory(published=True, authors=[author], publication_date=datetime.date(2013, 5, 1))
    older = PublicationFactory(published=True, authors=[author], publication_date=datetime.date(2020, 1, 1))
    newest = PublicationFactory(published=True, authors=[author], publication_date=datetime.date(2025, 1, 1))
    PublicationFactory(status=Status.DRAFT, authors=[author], publication_date=datetime.date(2026, 1, 1))

    page = publication_page(slug=piece.slug)

    assert page.contributors[0].recent_work == [newest, older]


def test_the_center_rail_follows_the_primary_center():
    europe, china = CenterFactory(name="Carnegie Europe"), CenterFactory(name="Carnegie China")
    piece = PublicationFactory(published=True, primary_center=europe)
    from_europe = PublicationFactory(published=True, primary_center=europe)
    PublicationFactory(published=True, primary_center=china)
    PublicationFactory(primary_center=europe, status=Status.DRAFT)

    page = publication_page(slug=piece.slug)

    assert page.center_rail == [from_europe]


def test_related_work_puts_most_shared_topics_and_regions_first_then_newest():
    eu, security = TopicFactory(name="EU"), TopicFactory(name="Security")
    balkans = RegionFactory(name="Balkans")
    piece = PublicationFactory(published=True)
    piece.topics.set([eu, security])
    piece.regions.set([balkans])
    one_shared_new = PublicationFactory(published=True, publication_date=datetime.date(2026, 1, 1))
    one_shared_new.topics.set([eu])
    one_shared_old = PublicationFactory(published=True, publication_date=datetime.date(2015, 1, 1))
    one_shared_old.regions.set([balkans])
    three_shared = PublicationFactory(published=True, publication_date=datetime.date(2010, 1, 1))
    three_shared.topics.set([eu, security])
    three_shared.regions.set([balkans])
    hidden = PublicationFactory(status=Status.DRAFT)
    hidden.topics.set([eu, security])
    PublicationFactory(published=True).topics.set([TopicFactory(name="Climate")])

    page = publication_page(slug=piece.slug)

    assert page.related == [three_shared, one_shared_new, one_shared_old]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED])
def test_an_unpublished_piece_answers_404_without_its_title(client, status):
    piece = PublicationFactory(status=status, title="Secret draft about envoys")

    response = client.get(piece.get_absolute_url())

    assert response.status_code == 404
    assert "Secret draft" not in response.content.decode()


def test_a_scheduled_piece_answers_404_until_it_goes_live(client):
    piece = PublicationFactory(
        published=True, go_live_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    )

    assert client.get(piece.get_absolute_url()).status_code == 404


def test_hidden_pieces_never_appear_in_rails_or_recent_work(client):
    author = PersonFactory()
    topic = TopicFactory()
    center = CenterFactory()
    piece = PublicationFactory(published=True, authors=[author], primary_center=center)
    piece.topics.set([topic])
    for status in [Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED]:
        hidden = PublicationFactory(status=status, title=f"Hidden {status}", authors=[author], primary_center=center)
        hidden.topics.set([topic])

    html = client.get(piece.get_absolute_url()).content.decode()

    assert "Hidden" not in html


def build_piece(*, authors: int, topics: int):
    center = CenterFactory()
    people = [PersonFactory() for _ in range(authors)]
    for person in people:
        AffiliationFactory(person=person)
    piece = PublicationFactory(published=True, authors=people, primary_center=center)
    tags = [TopicFactory() for _ in range(topics)]
    piece.topics.set(tags)
    piece.regions.set([RegionFactory() for _ in range(topics)])
    piece.centers.set([center, CenterFactory()])
    for person in people:
        for _ in range(4):
            other = PublicationFactory(published=True, primary_center=center, authors=[person, PersonFactory()])
            other.topics.set(tags[:2])
    DisclaimerFactory()
    return piece


@pytest.mark.parametrize(("authors", "topics"), [(1, 2), (10, 30)])
def test_the_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, authors, topics):
    piece = build_piece(authors=authors, topics=topics)

    with django_assert_max_num_queries(11):
        response = client.get(reverse("publications:detail", args=[piece.slug]))

    assert response.status_code == 200
