import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from publications.models import Status
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/publications/"


def hidden_pieces(**kwargs):
    """One piece in every state a reader must never see, each titled "Hidden …"."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    hidden = [
        PublicationFactory(status=status, title=f"Hidden {status}", **kwargs)
        for status in [Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED, Status.UNPUBLISHED]
    ]
    hidden.append(PublicationFactory(published=True, go_live_at=now + day, title="Hidden scheduled", **kwargs))
    hidden.append(PublicationFactory(published=True, expire_at=now - day, title="Hidden expired", **kwargs))
    return hidden


def titles(response) -> list[str]:
    """Card titles in page order."""
    return re.findall(r'class="card__title"><a [^>]*>([^<]*)</a>', response.content.decode())


def result_count(response) -> str:
    return re.search(r'class="result-count">([^<]*)<', response.content.decode()).group(1)


@pytest.fixture
def world():
    """Two types, two centers, topics, a three-level region tree, a program and project, and pieces."""
    w = type("World", (), {})()
    w.commentary = PublicationTypeFactory(label="Commentary")
    w.article = PublicationTypeFactory(label="Article")
    w.europe_center = CenterFactory(name="Carnegie Europe", slug="carnegie-europe", order=1)
    w.china_center = CenterFactory(name="Carnegie China", slug="carnegie-china", order=2)
    w.eu, w.security = TopicFactory(name="EU"), TopicFactory(name="Security")
    w.europe = RegionFactory(name="Europe")
    w.eastern = RegionFactory(name="Eastern Europe", parent=w.europe)
    w.balkans = RegionFactory(name="Western Balkans", parent=w.eastern)
    w.asia = RegionFactory(name="Asia")
    w.program = ProgramFactory(name="Democracy, Conflict, and Governance")
    w.project = ProjectFactory(name="Civic Research Network", program=w.program)

    def piece(title, date, **kwargs):
        tags = {
            key: kwargs.pop(key) for key in ["topics", "regions", "programs", "projects", "centers"] if key in kwargs
        }
        publication = PublicationFactory(published=True, title=title, publication_date=date, **kwargs)
        for relation, rows in tags.items():
            getattr(publication, relation).set(rows)
        return publication

    w.balkans_commentary = piece(
        "Serbia and Kosovo",
        datetime.date(2025, 3, 1),
        publication_type=w.commentary,
        primary_center=w.europe_center,
        topics=[w.eu],
        regions=[w.balkans],
        programs=[w.program],
    )
    w.europe_article = piece(
        "Europe's defense",
        datetime.date(2025, 2, 1),
        publication_type=w.article,
        primary_center=w.europe_center,
        topics=[w.security],
        regions=[w.europe, w.eastern],
        projects=[w.project],
    )
    w.asia_commentary = piece(
        "China and ASEAN",
        datetime.date(2024, 6, 1),
        publication_type=w.commentary,
        primary_center=w.china_center,
        topics=[w.eu, w.security],
        regions=[w.asia],
        centers=[w.europe_center],
    )
    w.old_article = piece(
        "An old article", datetime.date(2019, 1, 1), publication_type=w.article, primary_center=w.china_center
    )
    w.undated = piece("An undated legacy piece", None, publication_type=w.article, primary_center=w.china_center)
    return w


def test_the_listing_shows_every_public_piece_newest_first_with_a_count(client, world):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response) == [
        "Serbia and Kosovo",
        "Europe&#x27;s defense",
        "China and ASEAN",
        "An old article",
        "An undated legacy piece",
    ]
    assert result_count(response) == "5 publications"
    assert response.content.decode().count("<h1") == 1


def test_the_filter_bar_has_a_labelled_select_for_every_filter_a_submit_button_and_a_clear_link(client, world):
    html = client.get(LIST_URL).content.decode()

    form = html[html.index('<form class="filters"') : html.index("</form>", html.index('<form class="filters"'))]
    assert 'method="get"' in form
    assert f'action="{LIST_URL}"' in form
    for name in ["type", "center", "topic", "region", "program", "project", "year"]:
        assert f'<label for="filter-{name}">' in form
        assert f'<select name="{name}" id="filter-{name}">' in form
    assert '<button type="submit">' in form
    assert f'<a href="{LIST_URL}">Clear filters</a>' in form
    assert "<script" not in html


def test_the_filter_options_offer_every_type_center_and_taxonomy_by_slug_and_regions_as_a_tree(client, world):
    html = client.get(LIST_URL).content.decode()

    for value in ["commentary", "article", "carnegie-europe", "carnegie-china", "eu", "security", "europe", "asia"]:
        assert f'<option value="{value}">' in html
    assert f'<option value="{world.program.slug}">' in html
    assert f'<option value="{world.project.slug}">' in html
    europe, eastern, balkans = (
        html.index(f'<option value="{slug}">') for slug in ["europe", "eastern-europe", "western-balkans"]
    )
    assert europe < eastern < balkans
    assert '<option value="western-balkans">\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Western Balkans</option>' in html


def test_the_year_options_are_the_years_with_public_work_newest_first(client, world):
    PublicationFactory(status=Status.DRAFT, publication_date=datetime.date(2031, 1, 1))

    html = client.get(LIST_URL).content.decode()
    select = html[html.index('<select name="year"') : html.index("</select>", html.index('<select name="year"'))]

    assert re.findall(r'<option value="(\d+)"', select) == ["2025", "2024", "2019"]


def test_filtering_by_type_keeps_only_that_type(client, world):
    response = client.get(LIST_URL, {"type": "commentary"})

    assert titles(response) == ["Serbia and Kosovo", "China and ASEAN"]
    assert result_count(response) == "2 publications"
    assert '<option value="commentary" selected>' in response.content.decode()


def test_filtering_by_center_finds_its_primary_and_tagged_pieces(client, world):
    response = client.get(LIST_URL, {"center": "carnegie-europe"})

    assert titles(response) == ["Serbia and Kosovo", "Europe&#x27;s defense", "China and ASEAN"]


def test_filtering_by_topic(client, world):
    assert titles(client.get(LIST_URL, {"topic": "security"})) == ["Europe&#x27;s defense", "China and ASEAN"]


def test_filtering_by_region_includes_its_sub_regions_at_any_depth_once_each(client, world):
    response = client.get(LIST_URL, {"region": "europe"})

    assert titles(response) == ["Serbia and Kosovo", "Europe&#x27;s defense"]
    assert result_count(response) == "2 publications"


def test_filtering_by_a_sub_region_leaves_out_its_parent_region_pieces(client, world):
    world.europe_article.regions.set([world.europe])

    assert titles(client.get(LIST_URL, {"region": "eastern-europe"})) == ["Serbia and Kosovo"]
    assert titles(client.get(LIST_URL, {"region": "western-balkans"})) == ["Serbia and Kosovo"]


def test_filtering_by_program(client, world):
    assert titles(client.get(LIST_URL, {"program": world.program.slug})) == ["Serbia and Kosovo"]


def test_filtering_by_project(client, world):
    assert titles(client.get(LIST_URL, {"project": world.project.slug})) == ["Europe&#x27;s defense"]


def test_filtering_by_year(client, world):
    assert titles(client.get(LIST_URL, {"year": "2025"})) == ["Serbia and Kosovo", "Europe&#x27;s defense"]
    assert titles(client.get(LIST_URL, {"year": "2019"})) == ["An old article"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "commentary", "region": "europe", "year": "2025", "topic": "eu"}, ["Serbia and Kosovo"]),
        ({"type": "commentary", "center": "carnegie-europe"}, ["Serbia and Kosovo", "China and ASEAN"]),
        ({"topic": "security", "region": "europe"}, ["Europe&#x27;s defense"]),
        ({"type": "article", "year": "2024"}, []),
        ({"program": "democracy-conflict-and-governance", "project": "civic-research-network"}, []),
        ({"center": "carnegie-china", "type": "article"}, ["An old article", "An undated legacy piece"]),
    ],
)
def test_filters_combine_so_every_filter_must_match(client, world, query, expected):
    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert titles(response) == expected


def test_a_filter_with_no_match_says_so(client, world):
    response = client.get(LIST_URL, {"type": "article", "year": "2024"})

    assert result_count(response) == "0 publications"
    assert "No publications match these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "type=no-such-type",
        "center=atlantis",
        "topic=%00",
        "region=" + "x" * 5000,
        "program=%E2%80%AE",
        "project=%27%3B%20DROP%20TABLE",
        "year=abc",
        "year=1066",
        "year=2.5",
        "year=100000000000000000000",
        "year=-1",
        "type=article&year=nope",
    ],
)
def test_an_unknown_filter_value_shows_an_error_and_no_results_never_a_500(client, world, query):
    response = client.get(f"{LIST_URL}?{query}")
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response) == []
    assert result_count(response) == "0 publications"
    assert 'class="filters__error"' in html
    assert 'aria-invalid="true"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "DROP TABLE" not in html
    assert "x" * 100 not in html


def test_repeated_parameters_use_the_first_value(client, world):
    response = client.get(f"{LIST_URL}?type=commentary&type=no-such-type&year=2025&year=2019&page=1&page=9")

    assert response.status_code == 200
    assert titles(response) == ["Serbia and Kosovo"]


def test_unknown_parameters_are_ignored(client, world):
    response = client.get(f"{LIST_URL}?utm_source=newsletter&sort=oldest&q=")

    assert response.status_code == 200
    assert len(titles(response)) == 5


def test_empty_filter_values_mean_all(client, world):
    response = client.get(f"{LIST_URL}?type=&center=&topic=&region=&program=&project=&year=")

    assert len(titles(response)) == 5
    assert 'class="filters__error"' not in response.content.decode()


def test_hidden_pieces_never_appear_or_count_whatever_the_filters(client, world):
    for hidden in hidden_pieces(publication_type=world.commentary, primary_center=world.europe_center):
        hidden.topics.set([world.eu])
        hidden.regions.set([world.balkans])
        hidden.programs.set([world.program])

    for query in [{}, {"type": "commentary"}, {"region": "europe", "topic": "eu"}, {"program": world.program.slug}]:
        response = client.get(LIST_URL, query)
        assert "Hidden" not in response.content.decode()
    assert result_count(client.get(LIST_URL)) == "5 publications"
    assert result_count(client.get(LIST_URL, {"type": "commentary"})) == "2 publications"


@pytest.fixture
def many_pieces():
    commentary = PublicationTypeFactory(label="Commentary")
    start = datetime.date(2020, 1, 1)
    return [
        PublicationFactory(
            published=True,
            title=f"Piece {n:02d}",
            publication_type=commentary,
            publication_date=start + datetime.timedelta(days=n),
        )
        for n in range(45)
    ]


def test_the_listing_shows_twenty_per_page_and_the_last_page_holds_the_rest(client, many_pieces):
    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": "2"})
    last = client.get(LIST_URL, {"page": "3"})

    assert titles(first)[:2] == ["Piece 44", "Piece 43"]
    assert len(titles(first)) == 20
    assert titles(second)[0] == "Piece 24"
    assert titles(last) == [f"Piece {n:02d}" for n in range(4, -1, -1)]
    assert result_count(last) == "45 publications, showing 41–45"
    assert "Page 3 of 3" in last.content.decode()
    assert 'rel="next"' not in last.content.decode()


def test_page_links_keep_the_filters(client, many_pieces):
    html = client.get(LIST_URL, {"type": "commentary", "page": "2"}).content.decode()

    assert 'href="?type=commentary&amp;page=1" rel="prev"' in html
    assert 'href="?type=commentary&amp;page=3" rel="next"' in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "4", "99999", str(10**20), " 2", "1e3"])
def test_a_page_that_does_not_exist_is_not_found(client, many_pieces, page):
    assert client.get(LIST_URL, {"page": page}).status_code == 404


def test_an_empty_listing_is_a_page_not_an_error(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert result_count(response) == "0 publications"
    assert client.get(LIST_URL, {"page": "2"}).status_code == 404


def build_archive(*, pieces: int, tags: int) -> dict[str, str]:
    """A listing with `pieces` public pieces spread over `tags` of every taxonomy, authors included.

    Returns the slug of the first row of each taxonomy, for filtering.
    """
    types = [PublicationTypeFactory(label=f"Type {n}") for n in range(tags)]
    centers = [CenterFactory() for _ in range(tags)]
    topics = [TopicFactory() for _ in range(tags)]
    root = RegionFactory(name="Europe")
    regions = [RegionFactory(parent=root) for _ in range(tags)]
    programs = [ProgramFactory() for _ in range(tags)]
    projects = [ProjectFactory(program=programs[0]) for _ in range(tags)]
    people = [PersonFactory() for _ in range(tags)]
    for person in people:
        AffiliationFactory(person=person)
    for n in range(pieces):
        publication = PublicationFactory(
            published=True,
            publication_type=types[n % tags],
            primary_center=centers[n % tags],
            authors=[people[n % tags], people[(n + 1) % tags]],
            publication_date=datetime.date(2015 + n % 10, 1, 1 + n % 28),
        )
        publication.topics.set(topics[: 1 + n % tags])
        publication.regions.set([root, regions[n % tags]])
        publication.programs.set([programs[n % tags]])
        publication.projects.set([projects[n % tags]])
        publication.centers.set(centers[:2])
    hidden_pieces(publication_type=types[0], primary_center=centers[0])
    return {
        "type": types[0].slug,
        "center": centers[0].slug,
        "topic": topics[0].slug,
        "region": root.slug,
        "program": programs[0].slug,
        "project": projects[0].slug,
    }


FILTER_SETS = {
    "no filters": [],
    "region, type and year": ["region", "type", "year"],
    "every filter": ["type", "center", "topic", "region", "program", "project", "year"],
}


@pytest.mark.parametrize(("pieces", "tags"), [(25, 2), (70, 12)])
@pytest.mark.parametrize("filter_set", FILTER_SETS)
@pytest.mark.parametrize("page", ["1", "2"])
def test_the_listing_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, pieces, tags, filter_set, page
):
    slugs = build_archive(pieces=pieces, tags=tags) | {"year": "2015"}
    query = {name: slugs[name] for name in FILTER_SETS[filter_set]}
    if query:
        page = "1"

    with django_assert_max_num_queries(11):
        response = client.get(LIST_URL, query | {"page": page})

    assert response.status_code == 200


@pytest.mark.parametrize(("pieces", "tags"), [(25, 2), (70, 12)])
def test_invalid_filters_take_no_query_beyond_the_filter_options(client, django_assert_max_num_queries, pieces, tags):
    build_archive(pieces=pieces, tags=tags)

    with django_assert_max_num_queries(7):
        response = client.get(LIST_URL, {"type": "no-such-type", "region": "europe"})

    assert response.status_code == 200


def test_the_listing_url_is_named(client):
    assert reverse("publications:list") == LIST_URL
