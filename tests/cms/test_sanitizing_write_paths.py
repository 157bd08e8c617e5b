"""Every way of writing a rich-text field stores sanitized HTML, not only Model.save()."""

import pytest

from cms.taxonomies.models import Topic
from people.models import Person
from publications.models import Disclaimer, Publication
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<p onclick="alert(1)">Hi<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>'
RICH_TEXT_FIELDS = [
    (Publication, "body", PublicationFactory),
    (Publication, "disclaimer_override", PublicationFactory),
    (Person, "bio", PersonFactory),
    (Topic, "description", TopicFactory),
    (Disclaimer, "text", DisclaimerFactory),
]


def assert_clean(value):
    assert "script" not in value and "onclick" not in value and "javascript:" not in value
    assert "Hi" in value


@pytest.mark.parametrize("model, field, factory", RICH_TEXT_FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_queryset_update_sanitizes(model, field, factory):
    obj = factory()

    model.objects.filter(pk=obj.pk).update(**{field: HOSTILE})

    assert_clean(model.objects.values_list(field, flat=True).get(pk=obj.pk))


@pytest.mark.parametrize("model, field, factory", RICH_TEXT_FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_bulk_update_and_bulk_create_sanitize(model, field, factory):
    obj = factory()
    setattr(obj, field, HOSTILE)

    model.objects.bulk_update([obj], [field])

    assert_clean(model.objects.values_list(field, flat=True).get(pk=obj.pk))


def test_bulk_create_sanitizes():
    [topic] = Topic.objects.bulk_create([Topic(name="Bulk", slug="bulk", description=HOSTILE)])

    assert_clean(Topic.objects.get(slug="bulk").description)
