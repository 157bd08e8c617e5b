"""The sitemap: every public page a search engine should find, and nothing that is not public.

Publications start from `published()` and people from `public()`, like every other public
surface. Each section is one query per sitemap page (50,000 URLs).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Person
from publications.models import Publication


class PublicationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        depends_on(model_tag(Publication))
        return Publication.objects.published().only("pk", "slug", "updated_at").order_by("-pk")

    def lastmod(self, item):
        return item.updated_at


class ExpertSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        depends_on(model_tag(Person))
        return Person.objects.public().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class TaxonomySitemap(Sitemap):
    """Centers, topics, regions, programs, projects or collections: every row has a public page."""

    changefreq = "daily"
    priority = 0.5

    def __init__(self, model):
        self.model = model

    def items(self):
        depends_on(model_tag(self.model))
        return self.model.objects.only("pk", "slug").order_by("pk")


class SectionSitemap(Sitemap):
    """The pages that list everything else: home, listings, the expert directory, the indexes."""

    changefreq = "daily"
    priority = 0.9

    def items(self):
        return ["home", "publications:list", "people:list", "taxonomy:centers", "taxonomy:topics", "taxonomy:regions"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "sections": SectionSitemap(),
    "publications": PublicationSitemap(),
    "experts": ExpertSitemap(),
    "centers": TaxonomySitemap(Center),
    "topics": TaxonomySitemap(Topic),
    "regions": TaxonomySitemap(Region),
    "programs": TaxonomySitemap(Program),
    "projects": TaxonomySitemap(Project),
    "collections": TaxonomySitemap(Collection),
    "newsletters": TaxonomySitemap(Newsletter),
}
