"""Values the CMS derives (sort names, slugs, plural labels) always fit their columns, and the
legacy importer names the field and line of a value that is too long."""

import pytest

from cms.taxonomies.models import Topic
from people.models import Person
from publications.legacy.importer import import_legacy_file
from publications.models import Publication, PublicationType
from tests.factories import PersonFactory, PublicationFactory, TopicFactory, UserFactory
from tests.factories.legacy import legacy_page_text

pytestmark = pytest.mark.django_db

LONGEST_TWO_WORD_NAME = "A" * 100 + " " + "B" * 99  # 200 characters, the column's limit


def test_a_person_whose_two_word_name_fills_its_column_is_saved_with_a_sort_name_that_fits():
    person = Person.objects.create(name=LONGEST_TWO_WORD_NAME)

    person.refresh_from_db()
    assert len(person.sort_name) <= Person._meta.get_field("sort_name").max_length
    assert person.sort_name.startswith("B" * 99 + ", A")
    assert len(person.slug) <= Person._meta.get_field("slug").max_length


def test_a_manager_adding_a_person_with_a_200_character_name_in_the_admin_gets_the_person_not_a_500(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        "/admin/people/person/add/",
        {
            "name": LONGEST_TWO_WORD_NAME,
            "kind": "expert",
            "is_current": "on",
            "has_profile": "on",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Person.objects.get().name == LONGEST_TWO_WORD_NAME


def test_slugs_of_names_that_fill_their_column_stay_within_it_with_their_uniqueness_suffix():
    name = "x" * 200
    topics = [TopicFactory(name=name, slug="") for _ in range(3)]
    people = [PersonFactory(name=name, slug="") for _ in range(11)]

    for row in (*topics, *people):
        row.refresh_from_db()
        assert len(row.slug) <= 200
    assert len({topic.slug for topic in topics}) == 3
    assert len({person.slug for person in people}) == 11
    assert people[10].slug.endswith("-11")


def test_a_publication_with_the_longest_title_gets_a_slug_that_fits_and_so_does_its_pending_change():
    from publications.workflow.review import start_change

    title = "Why " + "very " * 58 + "long!!"  # 300 characters
    assert len(title) == 300
    live = PublicationFactory(title=title, slug="", status="published")
    manager = UserFactory(is_superuser=True, is_staff=True)

    copy = start_change(publication=live, by=manager)

    assert len(live.slug) <= 200
    copy.refresh_from_db()
    assert len(copy.slug) <= 200 and copy.slug != live.slug


def test_a_content_type_whose_label_fills_its_column_gets_a_plural_label_that_fits():
    content_type = PublicationType.objects.create(label="Review" + "w" * 94)

    content_type.refresh_from_db()
    assert len(content_type.plural_label) <= 100
    assert len(content_type.slug) <= 100


@pytest.mark.parametrize(
    ("changes", "field", "limit"),
    [
        ({"title": "Global Insider: " + "Envoy " * 60}, "title", 300),
        ({"image_credit": "Source: " + "Getty " * 50}, "image credit", 255),
        ({"topics": ["EU", "Foreign " * 30]}, "topics", 200),
        ({"authors": [("Stefan " * 30 + "Lehne", "Senior Fellow, Carnegie Europe", "A bio.")]}, "authors", 200),
        ({"authors": [("Stefan Lehne", "Senior Fellow, " * 25, "A bio.")]}, "title line of Stefan Lehne", 300),
    ],
    ids=["title", "image credit", "a topic", "an author's name", "a title line"],
)
def test_the_importer_names_the_field_and_line_of_a_value_too_long_for_its_column(changes, field, limit):
    text = legacy_page_text(**changes)
    value = next(iter(changes.values()))
    if isinstance(value, list):
        value = value[-1][0 if field == "authors" else 1] if isinstance(value[-1], tuple) else value[-1]
    value = " ".join(value.split())
    line = text[: text.index(value)].count("\n") + 1

    result = import_legacy_file(path="legacy/page.txt", content=text.encode())

    assert result.status == "failed"
    assert result.errors == [f"line {line}: field {field} is {len(value)} characters, at most {limit}"]
    assert not Publication.objects.exists() and not Person.objects.exists() and not Topic.objects.exists()


def test_a_keyword_too_long_for_its_column_is_a_form_error_not_a_500(client):
    from django.urls import reverse

    from tests.factories import PublicationTypeFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    keyword = "the consequences of " * 6  # 120 characters

    response = client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "Envoys",
            "slug": "envoys",
            "publication_type": PublicationTypeFactory().pk,
            "language": "en",
            "body": "<p>Text</p>",
            "keywords": f"Balkans, {keyword}",
            "authorships-TOTAL_FORMS": "0",
            "authorships-INITIAL_FORMS": "0",
            "collection_items-TOTAL_FORMS": "0",
            "collection_items-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "A keyword is at most 90 characters" in errors["keywords"][0]
    assert not Publication.objects.exists()
