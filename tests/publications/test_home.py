import datetime
import re

import pytest

from publications.queries.listings import home_page
from tests.factories import AffiliationFactory, CenterFactory, PersonFactory, PublicationFactory
from tests.publications.test_listings import hidden_pieces

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 1, 1)


def day(n: int) -> datetime.date:
    return START + datetime.timedelta(days=n)


def section(html: str, section_id: str) -> str:
    start = html.index(f'aria-labelledby="{section_id}"')
    return html[start : html.index("</section>", start)]


def titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a [^>]*>([^<]*)</a>', html)


def test_the_home_page_has_one_heading_one_and_the_site_name(client):
    html = client.get("/").content.decode()

    assert html.count("<h1") == 1
    assert "Carnegie Endowment for International Peace</h1>" in html
    assert '<link rel="canonical" href="http://testserver/">' in html


def test_featured_work_shows_the_four_newest_featured_pieces(client):
    for n in range(6):
        PublicationFactory(published=True, is_featured=True, title=f"Featured {n}", publication_date=day(n))
    PublicationFactory(published=True, title="Not featured", publication_date=day(10))

    html = client.get("/").content.decode()

    assert titles(section(html, "featured")) == ["Featured 5", "Featured 4", "Featured 3", "Featured 2"]


def test_without_featured_work_the_featured_section_is_left_out(client):
    PublicationFactory(published=True)

    html = client.get("/").content.decode()

    assert 'aria-labelledby="featured"' not in html


def test_latest_work_shows_the_ten_newest_pieces_and_links_to_all_publications(client):
    for n in range(12):
        PublicationFactory(published=True, title=f"Piece {n}", publication_date=day(n))

    html = client.get("/").content.decode()
    latest = section(html, "latest")

    assert titles(latest) == [f"Piece {n}" for n in range(11, 1, -1)]
    assert '<a href="/publications/">All publications</a>' in latest


def test_each_center_has_a_section_of_its_three_newest_pieces_in_center_order(client):
    china = CenterFactory(name="Carnegie China", slug="carnegie-china", order=2)
    europe = CenterFactory(name="Carnegie Europe", slug="carnegie-europe", order=1)
    CenterFactory(name="Carnegie India", slug="carnegie-india", order=3)
    for n in range(5):
        PublicationFactory(published=True, primary_center=europe, title=f"Europe {n}", publication_date=day(n))
    PublicationFactory(published=True, primary_center=china, title="China 0", publication_date=day(20))
    tagged_only = PublicationFactory(
        published=True, primary_center=china, title="China tagged Europe", publication_date=day(30)
    )
    tagged_only.centers.set([europe])

    html = client.get("/").content.decode()

    assert html.index('aria-labelledby="center-carnegie-europe"') < html.index(
        'aria-labelledby="center-carnegie-china"'
    )
    assert titles(section(html, "center-carnegie-europe")) == ["Europe 4", "Europe 3", "Europe 2"]
    assert titles(section(html, "center-carnegie-china")) == ["China tagged Europe", "China 0"]
    assert 'href="/centers/carnegie-europe/" dir="auto">Carnegie Europe</a></h2>' in html
    assert "More from Carnegie Europe" in html
    assert "center-carnegie-india" not in html


def test_undated_pieces_come_last_in_every_section():
    center = CenterFactory()
    undated = PublicationFactory(published=True, primary_center=center, publication_date=None, is_featured=True)
    dated = PublicationFactory(published=True, primary_center=center, publication_date=day(0), is_featured=True)

    page = home_page()

    assert page.featured == [dated, undated]
    assert page.latest == [dated, undated]
    assert page.centers[0].publications == [dated, undated]


def test_cards_show_their_bylines(client):
    author = PersonFactory(name="Stefan Lehne")
    PublicationFactory(published=True, is_featured=True, authors=[author])

    html = client.get("/").content.decode()

    assert html.count(f'href="{author.get_absolute_url()}"') == 3


def test_hidden_pieces_never_appear_on_the_home_page(client):
    center = CenterFactory(name="Carnegie Europe")
    hidden_pieces(primary_center=center, is_featured=True, publication_date=day(400))
    PublicationFactory(published=True, primary_center=center, title="Visible")

    html = client.get("/").content.decode()

    assert "Hidden" not in html
    assert titles(section(html, f"center-{center.slug}")) == ["Visible"]


def build_home(*, centers: int, per_center: int):
    people = [PersonFactory() for _ in range(3)]
    for person in people:
        AffiliationFactory(person=person)
    for c in range(centers):
        center = CenterFactory(order=c)
        for n in range(per_center):
            PublicationFactory(
                published=True, primary_center=center, is_featured=n % 2 == 0, authors=people[: 1 + n % 3]
            )
        hidden_pieces(primary_center=center, is_featured=True)


@pytest.mark.parametrize(("centers", "per_center"), [(1, 2), (9, 8)])
def test_the_home_page_takes_four_queries_whatever_the_number_of_centers(
    client, django_assert_max_num_queries, centers, per_center
):
    build_home(centers=centers, per_center=per_center)

    with django_assert_max_num_queries(4):
        response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('aria-labelledby="center-') == centers
