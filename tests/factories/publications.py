import datetime

import factory
from factory.django import DjangoModelFactory

from publications import models
from tests.factories.cms import CenterFactory, CollectionFactory, PublicationTypeFactory
from tests.factories.people import PersonFactory


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = models.Publication
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Serbia and Kosovo, part {n}")
    dek = "Why the envoy exchange matters for the Western Balkans."
    body = "<p>Serbia and Kosovo will always be neighbors.</p>"
    publication_type = factory.SubFactory(PublicationTypeFactory)
    publication_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    primary_center = factory.SubFactory(CenterFactory)
    status = models.Status.DRAFT

    class Params:
        published = factory.Trait(status=models.Status.PUBLISHED)

    @factory.post_generation
    def authors(publication, create, extracted, **kwargs):
        """`PublicationFactory(authors=[alice, bob])` adds them in byline order."""
        if create and extracted:
            for position, person in enumerate(extracted):
                AuthorshipFactory(publication=publication, person=person, position=position)


class AuthorshipFactory(DjangoModelFactory):
    class Meta:
        model = models.Authorship

    publication = factory.SubFactory(PublicationFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(int)


class CollectionItemFactory(DjangoModelFactory):
    class Meta:
        model = models.CollectionItem

    collection = factory.SubFactory(CollectionFactory)
    publication = factory.SubFactory(PublicationFactory)
    position = factory.Sequence(int)


class EditionFactory(PublicationFactory):
    """An edition of `translation_of` (an original made for it unless given), in Arabic unless told.

    `EditionFactory(tracked=True)` records the original's current revision as its source, as
    `create_edition` does, so the edition tracker follows it.
    """

    translation_of = factory.SubFactory(PublicationFactory)
    language = "ar"
    title = factory.Sequence(lambda n: f"صربيا وكوسوفو، الجزء {n}")
    publication_type = factory.LazyAttribute(lambda edition: edition.translation_of.publication_type)
    primary_center = factory.LazyAttribute(lambda edition: edition.translation_of.primary_center)

    @factory.post_generation
    def tracked(edition, create, extracted, **kwargs):
        if create and extracted:
            from publications.workflow.editions import source_revision_of

            edition.source_revision = source_revision_of(edition.translation_of, by=None)
            edition.save(update_fields=["source_revision"])
