import factory
from factory.django import DjangoModelFactory

from cms.media.models import Image
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from publications.models import Disclaimer, PublicationType


class CenterFactory(DjangoModelFactory):
    class Meta:
        model = Center
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Carnegie Center {n}")
    slug = factory.Sequence(lambda n: f"center-{n}")
    city = "Brussels"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    parent = None


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Program {n}")


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Project {n}")


class CollectionFactory(DjangoModelFactory):
    class Meta:
        model = Collection

    name = factory.Sequence(lambda n: f"Collection {n}")


class NewsletterFactory(DjangoModelFactory):
    class Meta:
        model = Newsletter

    name = factory.Sequence(lambda n: f"Newsletter {n}")


class PublicationTypeFactory(DjangoModelFactory):
    class Meta:
        model = PublicationType
        django_get_or_create = ["label"]

    label = "Commentary"


class DisclaimerFactory(DjangoModelFactory):
    class Meta:
        model = Disclaimer

    name = factory.Sequence(lambda n: f"Disclaimer {n}")
    text = "<p>Carnegie does not take institutional positions on public policy issues.</p>"


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = Image
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal")
    alt_text = "Delegates at a summit table"
    credit = "Source: Getty"

    @factory.post_generation
    def renditions(image, create, extracted, **kwargs):
        """Make the renditions, as the upload's task does in production; `renditions=False` leaves
        them missing (the page then shows the original file)."""
        if create and extracted is not False:
            from cms.media.renditions import make_renditions

            make_renditions(image)
