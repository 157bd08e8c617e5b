import datetime
import json
import re

import pytest
from django.urls import reverse

from people.models import Person
from publications.models import Status
from publications.queries.experts import expert_profile
from tests.factories import (
    AffiliationFactory,
    AuthorshipFactory,
    CenterFactory,
    ImageFactory,
    PersonFactory,
    PersonLinkFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime.now(datetime.UTC)


def page_html(client, person, **params):
    response = client.get(person.get_absolute_url(), params)
    return response, response.content.decode()


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', html)


@pytest.fixture
def lehne():
    europe = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    endowment = CenterFactory(name="Carnegie Endowment for International Peace", slug="endowment")
    person = PersonFactory(
        name="Stefan Lehne",
        short_bio="Stefan Lehne is a senior fellow at Carnegie Europe in Brussels.",
        bio="<p>Stefan Lehne is a senior fellow at <strong>Carnegie Europe</strong>.</p>",
        languages="English, German, Serbian",
        headshot=ImageFactory(alt_text="Stefan Lehne in his office", credit="Photo: Carnegie"),
    )
    AffiliationFactory(person=person, title_line="Senior Fellow, Carnegie Europe", center=europe, position=0)
    AffiliationFactory(person=person, title_line="Member, Balkans Task Force", center=endowment, position=1)
    AffiliationFactory(person=person, title_line="Board member, Austrian Institute", center=None, position=2)
    person.topics.set([TopicFactory(name="EU", slug="eu"), TopicFactory(name="Security", slug="security")])
    person.regions.set([RegionFactory(name="Western Balkans", slug="western-balkans")])
    PersonLinkFactory(person=person, label="Bluesky", url="https://bsky.app/profile/lehne", position=0)
    PersonLinkFactory(person=person, label="Sneaky", url="javascript:alert(1)", position=1)
    return person


def test_the_profile_shows_name_titles_bio_expertise_languages_and_links(client, lehne):
    response, html = page_html(client, lehne)

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<h1 id="profile-name" dir="auto">Stefan Lehne</h1>' in html
    for expected in [
        'Senior Fellow, <a href="/centers/carnegie-europe/">Carnegie Europe</a>',
        'Member, Balkans Task Force · <a href="/centers/endowment/">Carnegie Endowment for International Peace</a>',
        "Board member, Austrian Institute",
        "<p>Stefan Lehne is a senior fellow at <strong>Carnegie Europe</strong>.</p>",
        'alt="Stefan Lehne in his office"',
        "Photo: Carnegie",
        'href="/topics/eu/"',
        'href="/topics/security/"',
        'href="/regions/western-balkans/"',
        "English, German, Serbian",
        '<a href="https://bsky.app/profile/lehne" rel="me noopener">Bluesky</a>',
    ]:
        assert expected in html, expected
    titles = [html.index(text) for text in ["Senior Fellow, <a", "Member, Balkans", "Board member"]]
    assert titles == sorted(titles)
    assert "(former)" not in html


def test_a_link_that_is_not_a_web_address_is_never_shown(client, lehne):
    _, html = page_html(client, lehne)

    assert "javascript:" not in html
    assert "Sneaky" not in html


def test_the_short_bio_stands_in_when_there_is_no_full_bio(client):
    person = PersonFactory(bio="", short_bio="Writes on <Serbia> & Kosovo.")

    _, html = page_html(client, person)

    assert "Writes on &lt;Serbia&gt; &amp; Kosovo." in html


def test_alumni_are_marked_as_former(client):
    person = PersonFactory(is_current=False, title_line="Senior Fellow, Carnegie Europe")

    _, html = page_html(client, person)

    assert "Former Carnegie expert" in html
    assert "(former)" in html


def test_a_person_without_a_public_profile_answers_404(client):
    person = PersonFactory(name="Hidden Person", has_profile=False)
    PublicationFactory(published=True, authors=[person])

    response, html = page_html(client, person)

    assert response.status_code == 404
    assert "Hidden Person" not in html


def test_an_unknown_slug_answers_404(client):
    assert client.get(reverse("people:detail", args=["nobody-here"])).status_code == 404


def test_the_head_has_canonical_open_graph_feeds_and_person_structured_data(client, lehne):
    _, html = page_html(client, lehne)

    assert '<link rel="canonical" href="http://testserver/experts/stefan-lehne/">' in html
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:title" content="Stefan Lehne">' in html
    rss, atom = reverse("feeds:expert_rss", args=[lehne.slug]), reverse("feeds:expert_atom", args=[lehne.slug])
    assert f'type="application/rss+xml" title="Stefan Lehne (RSS)" href="{rss}"' in html
    assert f'type="application/atom+xml" title="Stefan Lehne (Atom)" href="{atom}"' in html
    data = structured_data(html)
    assert data["@type"] == "Person"
    assert data["name"] == "Stefan Lehne"
    assert data["jobTitle"] == "Senior Fellow, Carnegie Europe"
    assert data["url"] == "http://testserver/experts/stefan-lehne/"
    assert data["image"].startswith("http://testserver/")
    assert [org["name"] for org in data["worksFor"]] == [
        "Carnegie Europe",
        "Carnegie Endowment for International Peace",
    ]
    assert data["sameAs"] == ["https://bsky.app/profile/lehne"]


def structured_data(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_alumni_structured_data_names_their_centers_as_former(client):
    person = PersonFactory(is_current=False, title_line="Senior Fellow, Carnegie Europe")

    data = structured_data(page_html(client, person)[1])

    assert "worksFor" not in data and "jobTitle" not in data
    assert len(data["alumniOf"]) == 1


def test_a_name_cannot_break_out_of_the_structured_data(client):
    person = PersonFactory(name='Eve </script><script>alert("x")</script>', slug="eve")

    _, html = page_html(client, person)

    head = html[: html.index("</head>")]
    assert head.count("</script>") == 1
    assert "<script>alert" not in html
    assert structured_data(html)["name"] == 'Eve </script><script>alert("x")</script>'


def test_publications_are_listed_newest_first_in_any_role(client):
    person = PersonFactory()
    PublicationFactory(published=True, title="Old", authors=[person], publication_date=datetime.date(2019, 1, 1))
    PublicationFactory(
        published=True,
        title="Co-written",
        authors=[PersonFactory(), person],
        publication_date=datetime.date(2024, 1, 1),
    )
    PublicationFactory(published=True, title="Undated", authors=[person], publication_date=None)
    PublicationFactory(published=True, title="Someone else's")

    _, html = page_html(client, person)

    assert card_titles(html) == ["Co-written", "Old", "Undated"]


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.APPROVED},
        {"status": Status.UNPUBLISHED},
        {"status": Status.PUBLISHED, "go_live_at": NOW + datetime.timedelta(days=1)},
        {"status": Status.PUBLISHED, "expire_at": NOW - datetime.timedelta(days=1)},
    ],
    ids=["draft", "in-review", "approved", "unpublished", "scheduled", "expired"],
)
def test_pieces_readers_may_not_see_never_appear_or_count(client, hidden):
    person = PersonFactory()
    commentary = PublicationTypeFactory(label="Commentary")
    paper = PublicationTypeFactory(label="Research Paper")
    PublicationFactory(published=True, title="Visible piece", publication_type=commentary, authors=[person])
    PublicationFactory(published=True, title="Visible paper", publication_type=paper, authors=[person])
    PublicationFactory(title="Secret piece", publication_type=commentary, authors=[person], **hidden)
    book = PublicationTypeFactory(label="Book")
    PublicationFactory(title="Secret book", publication_type=book, authors=[person], **hidden)

    _, html = page_html(client, person)

    assert "Secret" not in html
    assert "All (2)" in html
    profile = expert_profile(slug=person.slug)
    assert {(t.label, t.count) for t in profile.types} == {("Commentary", 1), ("Research Paper", 1)}
    assert profile.publication_count == 2
    assert client.get(person.get_absolute_url(), {"type": "book"}).status_code == 404


def test_the_type_filter_lists_only_types_with_public_pieces_and_filters_the_list(client):
    person = PersonFactory()
    commentary = PublicationTypeFactory(label="Commentary", plural_label="Commentaries")
    paper = PublicationTypeFactory(label="Research Paper", slug="research-paper")
    PublicationTypeFactory(label="Podcast")
    PublicationFactory(published=True, title="Comment A", publication_type=commentary, authors=[person])
    PublicationFactory(published=True, title="Comment B", publication_type=commentary, authors=[person])
    PublicationFactory(published=True, title="The Paper", publication_type=paper, authors=[person])

    _, html = page_html(client, person)
    nav = html[html.index('aria-label="Publications by type"') :]
    nav = nav[: nav.index("</nav>")]
    assert '<span aria-current="page">All (3)</span>' in nav
    assert '<a href="?type=commentary">Commentaries (2)</a>' in nav
    assert '<a href="?type=research-paper">Research Papers (1)</a>' in nav
    assert "Podcast" not in nav

    response, html = page_html(client, person, type="research-paper")
    assert response.status_code == 200
    assert card_titles(html) == ["The Paper"]
    assert '<span aria-current="page">Research Papers (1)</span>' in html
    assert '<link rel="canonical" href="http://testserver/experts/' + person.slug + '/?type=research-paper">' in html


@pytest.mark.parametrize("type_slug", ["podcast", "nope", "x" * 3000])
def test_a_type_they_have_not_published_in_answers_404(client, type_slug):
    person = PersonFactory()
    PublicationTypeFactory(label="Podcast")
    PublicationFactory(published=True, authors=[person])

    assert page_html(client, person, type=type_slug)[0].status_code == 404


def test_publications_come_20_a_page(client):
    person = PersonFactory()
    for day in range(21):
        PublicationFactory(
            published=True, title=f"Piece {day:02d}", authors=[person], publication_date=datetime.date(2024, 1, 1 + day)
        )

    first = card_titles(page_html(client, person)[1])
    response, html = page_html(client, person, page="2")

    assert len(first) == 20
    assert first[0] == "Piece 20"
    assert card_titles(html) == ["Piece 00"]
    assert f'<link rel="canonical" href="http://testserver{person.get_absolute_url()}?page=2">' in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2", "99999", str(10**20)])
def test_pages_that_do_not_exist_answer_404(client, page):
    person = PersonFactory()
    PublicationFactory(published=True, authors=[person])

    assert page_html(client, person, page=page)[0].status_code == 404


def test_someone_with_no_public_work_still_has_a_page(client):
    person = PersonFactory()
    PublicationFactory(status=Status.DRAFT, authors=[person])

    response, html = page_html(client, person)

    assert response.status_code == 200
    assert "No publications yet." in html


@pytest.mark.parametrize(
    "query", ["type=&page=", "page=1&page=1", "type=a&type=b", "unknown=1", "page=%00", "type=%3Cscript%3E"]
)
def test_odd_query_strings_never_cause_a_server_error(client, query):
    person = PersonFactory()
    PublicationFactory(published=True, authors=[person])

    response = client.get(f"{person.get_absolute_url()}?{query}")

    assert response.status_code in (200, 404)


def test_a_contributor_with_a_profile_is_labelled_as_such(client):
    person = PersonFactory(kind=Person.Kind.CONTRIBUTOR)

    assert "Outside contributor" in page_html(client, person)[1]


def build_expert(*, publications: int, titles: int, tags: int):
    person = PersonFactory(headshot=ImageFactory(), languages="English, French")
    for position in range(titles):
        AffiliationFactory(person=person, position=position)
    person.topics.set([TopicFactory() for _ in range(tags)])
    person.regions.set([RegionFactory() for _ in range(tags)])
    for position in range(tags):
        PersonLinkFactory(person=person, position=position)
    types = [PublicationTypeFactory(label=f"Type {n}") for n in range(min(publications, 4))]
    for number in range(publications):
        piece = PublicationFactory(published=True, publication_type=types[number % len(types)])
        AuthorshipFactory(publication=piece, person=person, position=0)
        AuthorshipFactory(publication=piece, position=1)
    PublicationFactory(status=Status.DRAFT, authors=[person])
    return person


@pytest.mark.parametrize(("publications", "titles", "tags"), [(1, 1, 1), (30, 5, 8)])
@pytest.mark.parametrize("params", [{}, {"type": "type-0"}])
def test_the_page_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, publications, titles, tags, params
):
    person = build_expert(publications=publications, titles=titles, tags=tags)

    with django_assert_max_num_queries(8):
        response = client.get(person.get_absolute_url(), params)

    assert response.status_code == 200
    shown = publications if not params else len(range(0, publications, min(publications, 4)))
    assert len(card_titles(response.content.decode())) == min(shown, 20)


def test_the_description_for_search_engines_is_the_bio_as_readers_read_it(client):
    person = PersonFactory(short_bio="", bio="<p>Leads <strong>R&amp;D</strong> policy work.</p>")

    response, html = page_html(client, person)

    assert '<meta name="description" content="Leads R&amp;D policy work.">' in html
