import re

import pytest
from django.urls import reverse

from people.models import Person
from people.queries import ExpertCriteria, expert_directory, letter_of
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    ImageFactory,
    PersonFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("people:list")


def get(client, **params):
    response = client.get(DIRECTORY, params)
    return response, response.content.decode()


def listed_names(html: str) -> list[str]:
    return re.findall(r'class="person-card__name"><a href="[^"]+" dir="auto">([^<]+)</a>', html)


def test_experts_are_listed_a_to_z_by_sort_name_ignoring_case(client):
    PersonFactory(name="Ana Zeta", sort_name="Zeta, Ana")
    PersonFactory(name="Thomas de Waal", sort_name="de Waal, Thomas")
    PersonFactory(name="Bob Alpha", sort_name="Alpha, Bob")

    response, html = get(client)

    assert response.status_code == 200
    assert listed_names(html) == ["Bob Alpha", "Thomas de Waal", "Ana Zeta"]
    assert html.count("<h1") == 1


def test_each_card_shows_headshot_name_linked_to_the_profile_and_main_title_only(client):
    person = PersonFactory(name="Stefan Lehne", headshot=ImageFactory(alt_text="Stefan Lehne smiling"))
    AffiliationFactory(person=person, title_line="Nonresident Scholar, Carnegie China", position=1)
    AffiliationFactory(person=person, title_line="Senior Fellow, Carnegie Europe", position=0)

    _, html = get(client)

    assert f'href="{person.get_absolute_url()}"' in html
    assert 'alt="Stefan Lehne smiling"' in html
    assert "Senior Fellow, Carnegie Europe" in html
    assert "Nonresident Scholar" not in html


def test_people_without_a_public_profile_are_never_listed(client):
    PersonFactory(name="Hidden Person", has_profile=False)
    PersonFactory(name="Visible Person")

    _, html = get(client)

    assert listed_names(html) == ["Visible Person"]
    assert "Hidden Person" not in get(client, alumni="on", contributors="on")[1]


def test_alumni_and_outside_contributors_appear_only_when_asked_for(client):
    PersonFactory(name="Current Expert")
    PersonFactory(name="Former Expert", is_current=False, title_line="Senior Fellow, Carnegie Europe")
    PersonFactory(name="Guest Writer", kind=Person.Kind.CONTRIBUTOR)

    assert listed_names(get(client)[1]) == ["Current Expert"]
    assert sorted(listed_names(get(client, alumni="on")[1])) == ["Current Expert", "Former Expert"]
    assert sorted(listed_names(get(client, contributors="on")[1])) == ["Current Expert", "Guest Writer"]
    html = get(client, alumni="on", contributors="on")[1]
    assert len(listed_names(html)) == 3
    assert "Senior Fellow, Carnegie Europe (former)" in html


def test_the_center_filter_lists_someone_with_two_titles_there_once(client):
    europe, china = CenterFactory(name="Carnegie Europe", slug="europe"), CenterFactory(slug="china")
    both = PersonFactory(name="Two Titles")
    AffiliationFactory(person=both, center=europe, position=0)
    AffiliationFactory(person=both, center=europe, position=1)
    AffiliationFactory(person=PersonFactory(name="China Only"), center=china)

    _, html = get(client, center="europe")

    assert listed_names(html) == ["Two Titles"]
    assert '<option value="europe" selected>Carnegie Europe</option>' in html


def test_the_topic_filter_lists_experts_on_that_topic(client):
    eu, climate = TopicFactory(name="EU", slug="eu"), TopicFactory(name="Climate")
    PersonFactory(name="Eu Expert").topics.set([eu])
    PersonFactory(name="Climate Expert").topics.set([climate])

    assert listed_names(get(client, topic="eu")[1]) == ["Eu Expert"]


def test_the_region_filter_includes_experts_on_its_sub_regions(client):
    europe = RegionFactory(name="Europe", slug="europe")
    eastern = RegionFactory(name="Eastern Europe", parent=europe)
    balkans = RegionFactory(name="Balkans", parent=eastern)
    PersonFactory(name="Balkans Expert", sort_name="B").regions.set([balkans])
    PersonFactory(name="Europe Expert", sort_name="E").regions.set([europe])
    PersonFactory(name="Asia Expert", sort_name="A").regions.set([RegionFactory(name="Asia")])

    _, html = get(client, region="europe")

    assert listed_names(html) == ["Balkans Expert", "Europe Expert"]
    assert listed_names(get(client, region=balkans.slug)[1]) == ["Balkans Expert"]
    # Sub-regions are indented under their parent in the select.
    assert html.index(">Europe<") < html.index(">\u2003Eastern Europe<") < html.index(">\u2003\u2003Balkans<")


def test_the_letter_filter_keeps_names_whose_sort_name_starts_with_it(client):
    PersonFactory(name="Stefan Lehne")
    PersonFactory(name="Anna Lee", sort_name="lee, anna")
    PersonFactory(name="Rosa Balfour")

    assert listed_names(get(client, letter="L")[1]) == ["Anna Lee", "Stefan Lehne"]
    assert listed_names(get(client, letter="l")[1]) == ["Anna Lee", "Stefan Lehne"]


def test_letters_with_nobody_are_shown_but_not_linked_and_follow_the_other_filters(client):
    europe = CenterFactory(slug="europe")
    AffiliationFactory(person=PersonFactory(name="Stefan Lehne"), center=europe)
    PersonFactory(name="Rosa Balfour")

    _, html = get(client, center="europe")

    index = html[
        html.index('aria-label="Browse by last name"') : html.index("</nav>", html.index("Browse by last name"))
    ]
    assert 'href="?center=europe&amp;letter=L"' in index
    assert '<span class="az__empty">B</span>' in index
    assert '<span class="az__empty">Q</span>' in index


def test_names_that_do_not_start_with_a_latin_letter_are_grouped_under_other(client):
    PersonFactory(name="王毅", sort_name="王毅")
    PersonFactory(name="Sinan Ülgen", sort_name="Ülgen, Sinan")
    PersonFactory(name="Jonas Ørsted", sort_name="Ørsted, Jonas")
    PersonFactory(name="Ahmed Nagi")

    _, html = get(client)

    assert 'href="?letter=other"' in html
    assert 'href="?letter=U"' in html
    assert listed_names(get(client, letter="other")[1]) == ["王毅"]
    assert listed_names(get(client, letter="U")[1]) == ["Sinan Ülgen"]
    assert listed_names(get(client, letter="O")[1]) == ["Jonas Ørsted"]


@pytest.mark.parametrize(
    ("initial", "letter"),
    [
        ("a", "A"),
        ("É", "E"),
        ("ü", "U"),
        ("Ł", "L"),
        ("ß", "S"),
        ("ø", "O"),
        ("王", "other"),
        ("'", "other"),
        ("", "other"),
    ],
)
def test_initials_fall_into_the_letter_a_reader_expects(initial, letter):
    assert letter_of(initial) == letter


def test_filters_combine(client):
    europe = CenterFactory(slug="europe")
    eu = TopicFactory(slug="eu")
    for name, center, topic in [
        ("Stefan Lehne", europe, eu),
        ("Rosa Balfour", europe, eu),
        ("Lisa Other", europe, None),
        ("Lars Elsewhere", CenterFactory(), eu),
    ]:
        person = PersonFactory(name=name)
        AffiliationFactory(person=person, center=center)
        if topic:
            person.topics.set([topic])

    assert listed_names(get(client, center="europe", topic="eu", letter="L")[1]) == ["Stefan Lehne"]
    assert listed_names(get(client, center="europe", topic="eu")[1]) == ["Rosa Balfour", "Stefan Lehne"]


def test_the_filter_form_is_a_labelled_get_form_that_keeps_the_chosen_letter(client):
    CenterFactory(name="Carnegie Europe", slug="europe")
    PersonFactory(name="Stefan Lehne")

    _, html = get(client, letter="L")

    form = html[html.index('<form class="filters"') : html.index("</form>", html.index('<form class="filters"'))]
    assert 'method="get"' in form
    for name in ["center", "topic", "region", "alumni", "contributors"]:
        assert f'for="id_{name}"' in form
        assert f'id="id_{name}"' in form
    assert '<input type="hidden" name="letter" value="L"' in form


def test_pages_hold_48_people_and_page_two_the_rest(client):
    for number in range(49):
        PersonFactory(name=f"Person {number:02d}", sort_name=f"Person {number:02d}")

    first = listed_names(get(client)[1])
    response, html = get(client, page="2")

    assert len(first) == 48
    assert response.status_code == 200
    assert listed_names(html) == ["Person 48"]
    assert 'rel="prev"' in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "3", "99999", str(10**20)])
def test_pages_that_do_not_exist_answer_404(client, page):
    PersonFactory()

    assert get(client, page=page)[0].status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "center=nowhere",
        "center=a&center=b&topic=x&topic=y",
        "topic=%3Cscript%3E",
        "region=" + "x" * 5000,
        "letter=AB",
        "letter=%25",
        "letter=%00",
        "letter=L&letter=M",
        "alumni=maybe&contributors=0",
        "unknown=1",
        "center[]=europe",
    ],
)
def test_odd_query_strings_show_a_sensible_page(client, query):
    PersonFactory(name="Stefan Lehne")

    response = client.get(f"{DIRECTORY}?{query}")

    assert response.status_code == 200
    assert "<h1>Experts</h1>" in response.content.decode()


def test_an_unknown_filter_value_is_ignored_rather_than_showing_nobody(client):
    PersonFactory(name="Stefan Lehne")

    assert listed_names(get(client, center="gone", topic="gone", region="gone")[1]) == ["Stefan Lehne"]


def test_an_empty_result_says_so_and_offers_the_full_list(client):
    CenterFactory(slug="europe")
    PersonFactory()

    _, html = get(client, center="europe")

    assert "No one matches these filters." in html
    assert f'<a href="{DIRECTORY}">See all experts</a>' in html


def build_directory(*, people: int, titles: int):
    europe = RegionFactory(name="Europe", slug="europe")
    region = RegionFactory(parent=europe)
    topic = TopicFactory(slug="eu")
    center = CenterFactory(slug="europe")
    for _ in range(people):
        person = PersonFactory(headshot=ImageFactory())
        for position in range(titles):
            AffiliationFactory(person=person, center=center, position=position)
        person.topics.set([topic, TopicFactory()])
        person.regions.set([region])


@pytest.mark.parametrize(("people", "titles"), [(1, 1), (60, 4)])
@pytest.mark.parametrize("query", [{}, {"center": "europe", "topic": "eu", "region": "europe", "letter": "N"}])
def test_the_directory_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, people, titles, query):
    build_directory(people=people, titles=titles)

    with django_assert_max_num_queries(8):
        response = client.get(DIRECTORY, query)

    assert response.status_code == 200
    assert len(listed_names(response.content.decode())) == min(people, 48)


def test_expert_directory_loads_main_titles_without_further_queries(django_assert_num_queries):
    build_directory(people=3, titles=2)

    with django_assert_num_queries(4):
        directory = expert_directory(criteria=ExpertCriteria(), page=None)
        titles = [person.title_line for person in directory.page.object_list]

    assert titles == ["Senior Fellow, Carnegie Europe"] * 3
