"""The editors' admin: every screen opens, and an editor can write a publication in it."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.sitesettings.models import SiteSettings
from publications.models import Publication
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    CollectionItemFactory,
    DisclaimerFactory,
    ImageFactory,
    NewsletterFactory,
    PersonFactory,
    PersonLinkFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_everything():
    person = PersonFactory(name="Stefan Lehne")
    AffiliationFactory(person=person)
    PersonLinkFactory(person=person)
    publication = PublicationFactory(authors=[person], lead_image=ImageFactory())
    CollectionItemFactory(publication=publication)
    RegionFactory(parent=RegionFactory())
    for factory in [TopicFactory, ProgramFactory, ProjectFactory, NewsletterFactory, DisclaimerFactory]:
        factory()
    record_audit(actor=None, action=AuditEntry.Action.EDIT, obj=publication)


def admin_urls(model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    return reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_every_changelist_add_and_change_form_opens_for_staff(admin_client, one_of_everything, model):
    changelist, add = admin_urls(model)
    # The site settings are one row: their list opens it, defaults shown before the first save.
    one_row = model is SiteSettings
    listed = admin_client.get(changelist)
    assert listed.status_code == (302 if one_row else 200)
    if one_row:
        assert admin_client.get(listed.url).status_code == 200
    # The audit log is written only by the services, django-axes' sign-in records only by
    # django-axes, and queued tasks only by the code that enqueues them: nobody adds them by hand.
    read_only = one_row or model is AuditEntry or model._meta.app_label in {"axes", "django_tasks_database"}
    assert admin_client.get(add).status_code == (403 if read_only else 200)
    obj = model._default_manager.first()
    if obj is not None:
        change = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        assert admin_client.get(change).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "status=published",
        "publication_type__id__exact=1",
        "region=1",
        "region=abc",
        "q=Lehne",
        "publication_date__year=2024",
    ],
)
def test_publication_changelist_filters_and_search_work(admin_client, one_of_everything, query):
    response = admin_client.get(reverse("admin:publications_publication_changelist") + "?" + query)

    assert response.status_code == 200


def test_the_changelist_lists_each_byline_in_order(admin_client):
    first, second = PersonFactory(name="Yuri Baker"), PersonFactory(name="Zoe Adams")
    PublicationFactory(title="Envoy exchange", authors=[first, second])

    response = admin_client.get(reverse("admin:publications_publication_changelist"))

    assert "Yuri Baker, Zoe Adams" in response.content.decode()


def test_the_people_autocomplete_finds_experts_by_name(admin_client):
    PersonFactory(name="Stefan Lehne")
    PersonFactory(name="Elina Noor")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "lehn", "app_label": "publications", "model_name": "authorship", "field_name": "person"},
    )

    assert [item["text"] for item in response.json()["results"]] == ["Stefan Lehne"]


def inline_management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_an_editor_writes_a_publication_with_two_ordered_authors_and_taxonomies(admin_client):
    europe_center = CenterFactory(name="Carnegie Europe")
    endowment = CenterFactory(name="Carnegie Endowment for International Peace")
    commentary = PublicationTypeFactory(label="Commentary")
    topic = TopicFactory(name="EU")
    region = RegionFactory(name="Eastern Europe", parent=RegionFactory(name="Europe"))
    lehne = PersonFactory(name="Stefan Lehne", title_line="Senior Fellow, Carnegie Europe")
    noor = PersonFactory(name="Elina Noor")

    response = admin_client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "Serbia and Kosovo Exchange Envoys",
            "slug": "serbia-and-kosovo-exchange-envoys",
            "dek": "A small step with large consequences.",
            "publication_type": commentary.pk,
            "publication_date": "2026-11-20",
            "language": "en",
            "status": "draft",
            "body": "<p>Serbia and Kosovo will always be neighbors.</p>",
            "primary_center": europe_center.pk,
            "centers": [endowment.pk],
            "topics": [topic.pk],
            "regions": [region.pk],
            "keywords": "envoys, Balkans",
            **inline_management("authorships", 2),
            "authorships-0-position": "1",
            "authorships-0-person": noor.pk,
            "authorships-0-role": "author",
            "authorships-1-position": "0",
            "authorships-1-person": lehne.pk,
            "authorships-1-role": "author",
            **inline_management("collection_items", 0),
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    publication = Publication.objects.get(slug="serbia-and-kosovo-exchange-envoys")
    byline = publication.authorships.select_related("person").order_by("position")
    assert [row.person.name for row in byline] == ["Stefan Lehne", "Elina Noor"]
    assert byline[0].title_line == "Senior Fellow, Carnegie Europe"
    assert set(publication.centers.all()) == {europe_center, endowment}
    assert list(publication.topics.all()) == [topic]
    assert list(publication.regions.all()) == [region]
    assert sorted(publication.keywords.names()) == ["Balkans", "envoys"]


def test_a_publication_without_title_or_type_gives_form_errors_not_a_crash(admin_client):
    response = admin_client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "",
            "language": "en",
            "status": "draft",
            **inline_management("authorships", 0),
            **inline_management("collection_items", 0),
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title" in errors and "publication_type" in errors
    assert Publication.objects.count() == 0


def test_the_same_person_twice_in_a_byline_is_a_form_error(admin_client):
    lehne = PersonFactory(name="Stefan Lehne")

    response = admin_client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "Twice",
            "publication_type": PublicationTypeFactory().pk,
            "language": "en",
            "status": "draft",
            **inline_management("authorships", 2),
            "authorships-0-position": "0",
            "authorships-0-person": lehne.pk,
            "authorships-0-role": "author",
            "authorships-1-position": "1",
            "authorships-1-person": lehne.pk,
            "authorships-1-role": "author",
            **inline_management("collection_items", 0),
        },
    )

    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert Publication.objects.count() == 0
