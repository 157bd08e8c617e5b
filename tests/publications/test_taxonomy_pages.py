import datetime
import re

import pytest

from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    CollectionFactory,
    CollectionItemFactory,
    NewsletterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)
from tests.publications.test_listings import hidden_pieces

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 1, 1)


def day(n: int) -> datetime.date:
    return START + datetime.timedelta(days=n)


def titles(response) -> list[str]:
    return re.findall(r'class="card__title"><a [^>]*>([^<]*)</a>', response.content.decode())


def people(response) -> list[str]:
    return re.findall(r'class="person-card__name"><a [^>]*>([^<]*)</a>', response.content.decode())


def head(response) -> str:
    html = response.content.decode()
    return html[: html.index("</head>")]


def piece(title: str, n: int, **tags):
    """A public piece dated START + n days, tagged through the given many-to-many relations."""
    primary_center = tags.pop("primary_center", None) or CenterFactory(slug="elsewhere", name="Elsewhere")
    publication = PublicationFactory(
        published=True, title=title, publication_date=day(n), primary_center=primary_center
    )
    for relation, rows in tags.items():
        getattr(publication, relation).set(rows)
    return publication


# Indexes


def test_the_centers_index_lists_every_center_in_their_order(client):
    CenterFactory(name="Carnegie China", slug="carnegie-china", order=2, city="Singapore")
    CenterFactory(
        name="Carnegie Europe", slug="carnegie-europe", order=1, description="<p>Analysis of <em>Europe</em>.</p>"
    )

    response = client.get("/centers/")
    html = response.content.decode()

    assert response.status_code == 200
    assert html.index('href="/centers/carnegie-europe/"') < html.index('href="/centers/carnegie-china/"')
    assert "<p>Analysis of <em>Europe</em>.</p>" in html
    assert "Singapore" in html
    assert html.count("<h1") == 1
    assert '<link rel="canonical" href="http://testserver/centers/">' in html


def test_the_topics_index_lists_every_topic_a_to_z(client):
    for name in ["Security", "Climate", "EU"]:
        TopicFactory(name=name)

    html = client.get("/topics/").content.decode()

    assert re.findall(r'<a href="/topics/[^"]*" dir="auto">([^<]*)</a>', html) == ["Climate", "EU", "Security"]


def test_the_regions_index_nests_sub_regions_under_their_region(client):
    europe = RegionFactory(name="Europe")
    eastern = RegionFactory(name="Eastern Europe", parent=europe)
    RegionFactory(name="Western Balkans", parent=eastern)
    RegionFactory(name="Asia")

    html = client.get("/regions/").content.decode()

    assert re.sub(
        r"\s+", "", html[html.index('<ul class="region-tree">') : html.index("</nav>", html.index("region-tree"))]
    ) == (
        '<ulclass="region-tree"><li><ahref="/regions/asia/"dir="auto">Asia</a></li>'
        '<li><ahref="/regions/europe/"dir="auto">Europe</a><ulclass="region-tree">'
        '<li><ahref="/regions/eastern-europe/"dir="auto">EasternEurope</a><ulclass="region-tree">'
        '<li><ahref="/regions/western-balkans/"dir="auto">WesternBalkans</a></li></ul></li></ul></li></ul>'
    )


def test_a_loop_in_the_region_tree_does_not_hang_the_region_pages(client):
    europe = RegionFactory(name="Europe", slug="europe")
    eastern = RegionFactory(name="Eastern Europe", slug="eastern-europe", parent=europe)
    type(europe).objects.filter(pk=europe.pk).update(parent=eastern)  # only possible behind the admin's back
    piece("On Eastern Europe", 1, regions=[eastern])

    assert client.get("/regions/").status_code == 200
    assert titles(client.get("/regions/europe/")) == ["On Eastern Europe"]
    assert client.get("/publications/", {"region": "europe"}).status_code == 200


@pytest.mark.parametrize("url", ["/centers/", "/topics/", "/regions/"])
def test_an_empty_index_says_so(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


# Center pages


@pytest.fixture
def europe_center():
    return CenterFactory(
        name="Carnegie Europe",
        slug="carnegie-europe",
        city="Brussels",
        description="<p>Analysis of the EU &amp; NATO from <em>Brussels</em>.</p>",
    )


def test_a_center_page_shows_its_name_description_and_work_newest_first(client, europe_center):
    piece("Older from Europe", 1, primary_center=europe_center)
    piece("Tagged with Europe", 2, centers=[europe_center])
    piece("Newer from Europe", 3, primary_center=europe_center)
    piece("From elsewhere", 4)

    response = client.get("/centers/carnegie-europe/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<h1 dir="auto">Carnegie Europe</h1>' in html
    assert html.count("<h1") == 1
    assert "<p>Analysis of the EU &amp; NATO from <em>Brussels</em>.</p>" in html
    assert titles(response) == ["Newer from Europe", "Tagged with Europe", "Older from Europe"]
    assert "3 publications" in html


def test_a_center_page_lists_its_current_public_people_with_their_title_there(client, europe_center):
    fellow = PersonFactory(name="Stefan Lehne")
    AffiliationFactory(person=fellow, title_line="Nonresident Scholar, Carnegie Endowment", center=None, position=0)
    AffiliationFactory(person=fellow, title_line="Senior Fellow, Carnegie Europe", center=europe_center, position=1)
    AffiliationFactory(person=PersonFactory(name="No Profile", has_profile=False), center=europe_center)
    AffiliationFactory(person=PersonFactory(name="Alumna Former", is_current=False), center=europe_center)
    AffiliationFactory(person=PersonFactory(name="Elsewhere Fellow"), center=CenterFactory())

    response = client.get("/centers/carnegie-europe/")
    html = response.content.decode()

    assert people(response) == ["Stefan Lehne"]
    assert '<p class="person-card__title">Senior Fellow, Carnegie Europe' in html
    assert "No Profile" not in html


def test_center_topic_and_region_pages_advertise_their_feeds_a_canonical_link_and_open_graph(client, europe_center):
    TopicFactory(name="EU", slug="eu", description="<p>The <b>European Union</b>.</p>")
    RegionFactory(name="Europe", slug="europe")

    for url, kind in [
        ("/centers/carnegie-europe/", "centers"),
        ("/topics/eu/", "topics"),
        ("/regions/europe/", "regions"),
    ]:
        meta = head(client.get(url))
        slug = url.split("/")[2]
        assert '<link rel="alternate" type="application/rss+xml" title="' in meta
        assert f'href="/feeds/{kind}/{slug}/rss/">' in meta
        assert '<link rel="alternate" type="application/atom+xml"' in meta
        assert f'href="/feeds/{kind}/{slug}/atom/">' in meta
        assert f'<link rel="canonical" href="http://testserver{url}">' in meta
        assert '<meta property="og:title" content="' in meta

    assert '<meta property="og:description" content="Analysis of the EU &amp; NATO from Brussels.">' in head(
        client.get("/centers/carnegie-europe/")
    )
    assert '<meta property="og:description" content="The European Union.">' in head(client.get("/topics/eu/"))


def test_a_page_without_a_description_still_describes_itself_to_search_engines(client):
    ProgramFactory(name="Africa Program", slug="africa")

    meta = head(client.get("/programs/africa/"))

    assert '<meta property="og:description" content="Program: Africa Program. Publications and experts' in meta
    assert '<meta name="description" content="Program: Africa Program.' in meta


def test_later_pages_keep_their_number_in_the_canonical_link(client, europe_center):
    for n in range(25):
        piece(f"Piece {n}", n, primary_center=europe_center)

    meta = head(client.get("/centers/carnegie-europe/", {"page": "2", "utm_source": "x"}))

    assert '<link rel="canonical" href="http://testserver/centers/carnegie-europe/?page=2">' in meta


# Topic pages


def test_a_topic_page_shows_its_experts_and_work(client):
    eu = TopicFactory(name="EU", slug="eu", description="<p>Enlargement and institutions.</p>")
    expert = PersonFactory(name="Judy Dempsey", title_line="Nonresident Senior Fellow, Carnegie Europe")
    expert.topics.set([eu])
    PersonFactory(name="Hidden Profile", has_profile=False).topics.set([eu])
    PersonFactory(name="Former Expert", is_current=False).topics.set([eu])
    PersonFactory(name="Climate Expert").topics.set([TopicFactory(name="Climate")])
    piece("Enlargement", 2, topics=[eu])
    piece("Institutions", 3, topics=[eu, TopicFactory(name="Security")])
    piece("Off topic", 4)

    response = client.get("/topics/eu/")
    html = response.content.decode()

    assert '<h1 dir="auto">EU</h1>' in html
    assert "<p>Enlargement and institutions.</p>" in html
    assert people(response) == ["Judy Dempsey"]
    assert "Nonresident Senior Fellow, Carnegie Europe" in html
    assert titles(response) == ["Institutions", "Enlargement"]


# Region pages


@pytest.fixture
def europe_tree():
    europe = RegionFactory(name="Europe", slug="europe")
    eastern = RegionFactory(name="Eastern Europe", slug="eastern-europe", parent=europe)
    balkans = RegionFactory(name="Western Balkans", slug="western-balkans", parent=eastern)
    nordics = RegionFactory(name="Nordics", slug="nordics", parent=europe)
    return europe, eastern, balkans, nordics


def test_a_region_page_includes_the_work_of_its_sub_regions_at_any_depth_once_each(client, europe_tree):
    europe, eastern, balkans, nordics = europe_tree
    piece("On Europe", 1, regions=[europe])
    piece("On the Balkans", 2, regions=[balkans])
    piece("On Eastern Europe and the Balkans", 3, regions=[eastern, balkans])
    piece("On Asia", 4, regions=[RegionFactory(name="Asia")])

    assert titles(client.get("/regions/europe/")) == [
        "On Eastern Europe and the Balkans",
        "On the Balkans",
        "On Europe",
    ]
    assert titles(client.get("/regions/eastern-europe/")) == ["On Eastern Europe and the Balkans", "On the Balkans"]
    assert titles(client.get("/regions/nordics/")) == []


def test_a_region_page_shows_its_parent_and_its_sub_regions(client, europe_tree):
    html = client.get("/regions/eastern-europe/").content.decode()

    assert 'Part of <a href="/regions/europe/" dir="auto">Europe</a>' in html
    assert '<a href="/regions/western-balkans/" dir="auto">Western Balkans</a>' in html
    assert "Nordics" not in html

    top = client.get("/regions/europe/").content.decode()
    assert "Part of" not in top
    assert top.index("Eastern Europe</a>") < top.index("Nordics</a>")


def test_a_region_page_lists_experts_on_it_and_its_sub_regions(client, europe_tree):
    europe, eastern, balkans, _ = europe_tree
    PersonFactory(name="Balkans Expert").regions.set([balkans])
    PersonFactory(name="Europe Expert").regions.set([europe, eastern])
    PersonFactory(name="Asia Expert").regions.set([RegionFactory(name="Asia")])
    PersonFactory(name="Hidden Expert", has_profile=False).regions.set([europe])

    assert people(client.get("/regions/europe/")) == ["Balkans Expert", "Europe Expert"]
    assert people(client.get("/regions/western-balkans/")) == ["Balkans Expert"]


# Programs, projects, newsletters


def test_a_program_page_shows_its_work_and_its_most_frequent_public_contributors(client):
    program = ProgramFactory(name="Democracy, Conflict, and Governance", slug="democracy")
    frequent, occasional = PersonFactory(name="Frequent Author"), PersonFactory(name="Occasional Author")
    no_profile = PersonFactory(name="Profileless Author", has_profile=False)
    for n in range(3):
        piece(f"Democracy {n}", n, programs=[program]).authorships.create(person=frequent, position=0)
    piece("Democracy 9", 9, programs=[program]).authorships.create(person=occasional, position=0)
    piece("Other program", 10, programs=[ProgramFactory()]).authorships.create(person=occasional)
    piece("With a profileless author", 11, programs=[program]).authorships.create(person=no_profile)

    response = client.get("/programs/democracy/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<p class="label">Program</p>' in html
    assert titles(response) == ["With a profileless author", "Democracy 9", "Democracy 2", "Democracy 1", "Democracy 0"]
    assert people(response) == ["Frequent Author", "Occasional Author"]
    assert "Contributors</h2>" in html
    assert head(response).count("application/rss+xml") == 1  # the site-wide feed only


def test_a_project_page_links_to_its_program(client):
    program = ProgramFactory(name="Democracy", slug="democracy")
    ProjectFactory(name="Civic Research Network", slug="civic", program=program)

    html = client.get("/projects/civic/").content.decode()

    assert '<h1 dir="auto">Civic Research Network</h1>' in html
    assert 'Part of the <a href="/programs/democracy/" dir="auto">Democracy</a> program' in html


def test_project_and_newsletter_pages_show_their_work(client):
    project = ProjectFactory(slug="civic")
    newsletter = NewsletterFactory(name="Carnegie Europe Weekly", slug="weekly")
    piece("In the project", 1, projects=[project])
    piece("In the newsletter", 2, newsletters=[newsletter])
    piece("In neither", 3)

    assert titles(client.get("/projects/civic/")) == ["In the project"]
    assert titles(client.get("/newsletters/weekly/")) == ["In the newsletter"]


# Collections


def test_a_collection_shows_its_pieces_in_the_curated_order_not_by_date(client):
    collection = CollectionFactory(name="Ukraine at war", slug="ukraine")
    other = CollectionFactory(slug="other")
    newest, oldest, middle = piece("Newest", 30), piece("Oldest", 1), piece("Middle", 15)
    CollectionItemFactory(collection=collection, publication=middle, position=2)
    CollectionItemFactory(collection=collection, publication=newest, position=3)
    CollectionItemFactory(collection=collection, publication=oldest, position=1)
    CollectionItemFactory(collection=other, publication=newest, position=0)
    CollectionItemFactory(collection=other, publication=oldest, position=9)

    response = client.get("/collections/ukraine/")

    assert titles(response) == ["Oldest", "Middle", "Newest"]
    assert "In this collection</h2>" in response.content.decode()
    assert titles(client.get("/collections/other/")) == ["Newest", "Oldest"]


def test_a_long_collection_keeps_the_curated_order_across_pages(client):
    collection = CollectionFactory(slug="long")
    for n in range(25):
        CollectionItemFactory(collection=collection, publication=piece(f"Item {n:02d}", 100 - n), position=25 - n)

    first, second = client.get("/collections/long/"), client.get("/collections/long/", {"page": "2"})

    assert titles(first) + titles(second) == [f"Item {n:02d}" for n in range(24, -1, -1)]
    assert len(titles(second)) == 5


# Rules every taxonomy page follows


@pytest.fixture
def every_page():
    """One of each taxonomy, each with one public piece, and their URLs."""
    center = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    topic = TopicFactory(slug="eu")
    europe = RegionFactory(slug="europe")
    eastern = RegionFactory(slug="eastern-europe", parent=europe)
    program = ProgramFactory(slug="democracy")
    project = ProjectFactory(slug="civic", program=program)
    collection = CollectionFactory(slug="ukraine")
    newsletter = NewsletterFactory(slug="weekly")
    tags = {
        "topics": [topic],
        "regions": [eastern],
        "programs": [program],
        "projects": [project],
        "newsletters": [newsletter],
    }
    visible = piece("Visible piece", 1, primary_center=center, **tags)
    CollectionItemFactory(collection=collection, publication=visible, position=0)
    for hidden in hidden_pieces(primary_center=center):
        for relation, rows in tags.items():
            getattr(hidden, relation).set(rows)
        CollectionItemFactory(collection=collection, publication=hidden, position=0)
        hidden.centers.set([center])
    return [
        "/centers/carnegie-europe/",
        "/topics/eu/",
        "/regions/europe/",
        "/regions/eastern-europe/",
        "/programs/democracy/",
        "/projects/civic/",
        "/collections/ukraine/",
        "/newsletters/weekly/",
    ]


def test_hidden_pieces_never_appear_or_count_on_any_taxonomy_page(client, every_page):
    for url in every_page:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert titles(response) == ["Visible piece"], url
        assert "Hidden" not in html, url
        assert '<p class="result-count">1 publication</p>' in html, url
        assert html.count("<h1") == 1, url


@pytest.mark.parametrize(
    "url",
    [
        "/centers/atlantis/",
        "/topics/atlantis/",
        "/regions/atlantis/",
        "/programs/atlantis/",
        "/projects/atlantis/",
        "/collections/atlantis/",
        "/newsletters/atlantis/",
        "/topics/%00/",
        "/topics/" + "x" * 3000 + "/",
    ],
)
def test_an_unknown_slug_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "3", "99999", str(10**20), ""])
def test_a_taxonomy_page_refuses_pages_that_do_not_exist(client, page):
    topic = TopicFactory(slug="eu")
    for n in range(21):
        piece(f"Piece {n}", n, topics=[topic])

    response = client.get("/topics/eu/", {"page": page})

    assert response.status_code == (200 if page == "" else 404)


def test_the_last_page_of_a_taxonomy_page_holds_the_rest_and_repeated_pages_use_the_first(client):
    topic = TopicFactory(slug="eu")
    for n in range(21):
        piece(f"Piece {n:02d}", n, topics=[topic])

    last = client.get("/topics/eu/?page=2&page=1")

    assert titles(last) == ["Piece 00"]
    assert "21 publications, showing 21–21" in last.content.decode()
    assert 'href="?page=1" rel="prev"' in last.content.decode()


# Query budgets


def build_taxonomy(*, pieces: int, people: int) -> None:
    """The every_page taxonomies, with `pieces` public pieces and `people` experts on each."""
    center = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    topic = TopicFactory(slug="eu")
    europe = RegionFactory(slug="europe")
    sub_regions = [RegionFactory(parent=europe) for _ in range(3)]
    program = ProgramFactory(slug="democracy")
    project = ProjectFactory(slug="civic", program=program)
    collection = CollectionFactory(slug="ukraine")
    newsletter = NewsletterFactory(slug="weekly")
    experts = [PersonFactory() for _ in range(people)]
    for expert in experts:
        AffiliationFactory(person=expert, center=center)
        AffiliationFactory(person=expert, center=None)
        expert.topics.set([topic])
        expert.regions.set(sub_regions[:2])
    for n in range(pieces):
        publication = piece(
            f"Piece {n}",
            n,
            primary_center=center,
            topics=[topic],
            regions=sub_regions,
            programs=[program],
            projects=[project],
            newsletters=[newsletter],
        )
        for position, expert in enumerate(experts[n % people : n % people + 2]):
            publication.authorships.create(person=expert, position=position)
        CollectionItemFactory(collection=collection, publication=publication, position=n)
    hidden_pieces(primary_center=center)


BUDGETS = {
    "/centers/": 1,
    "/topics/": 1,
    "/regions/": 1,
    "/centers/carnegie-europe/": 6,
    "/topics/eu/": 6,
    "/regions/europe/": 8,
    "/programs/democracy/": 6,
    "/projects/civic/": 6,
    "/collections/ukraine/": 6,
    "/newsletters/weekly/": 6,
}


@pytest.mark.parametrize(("pieces", "people"), [(3, 2), (45, 15)])
@pytest.mark.parametrize("url", BUDGETS)
def test_each_taxonomy_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, pieces, people, url):
    build_taxonomy(pieces=pieces, people=people)

    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url)

    assert response.status_code == 200
