import factory
from factory.django import DjangoModelFactory

from people import models
from tests.factories.cms import CenterFactory


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Expert Number{n}")
    short_bio = factory.LazyAttribute(lambda person: f"{person.name} studies European foreign policy.")
    bio = factory.LazyAttribute(lambda person: f"<p>{person.name} is a senior fellow.</p>")

    @factory.post_generation
    def title_line(person, create, extracted, **kwargs):
        """`PersonFactory(title_line="Senior Fellow, Carnegie Europe")` adds a first affiliation."""
        if create and extracted:
            AffiliationFactory(person=person, title_line=extracted, position=0)


class AffiliationFactory(DjangoModelFactory):
    class Meta:
        model = models.Affiliation

    person = factory.SubFactory(PersonFactory)
    title_line = "Senior Fellow, Carnegie Europe"
    center = factory.SubFactory(CenterFactory)
    position = factory.Sequence(int)


class PersonLinkFactory(DjangoModelFactory):
    class Meta:
        model = models.PersonLink

    person = factory.SubFactory(PersonFactory)
    label = "Website"
    url = "https://example.org/"
