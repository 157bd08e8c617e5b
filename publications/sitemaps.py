"""The sitemap: every public page a search engine should find, and nothing that is not public.

Publications start from `published()` and people from `public()`, like every other public
surface. Each section is one query per sitemap page (50,000 URLs).
"""

from django.contrib.sitemaps import Sitemap

from cms.models import Center, Collection, Program, Project, Region, Topic
from people.models import Person
from publications.models import Publication


class PublicationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Publication.objects.published().only("pk", "slug", "updated_at").order_by("-pk")

    def lastmod(self, item):
        return item.updated_at


class ExpertSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
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
        return self.model.objects.only("pk", "slug").order_by("pk")


SITEMAPS = {
    "publications": PublicationSitemap(),
    "experts": ExpertSitemap(),
    "centers": TaxonomySitemap(Center),
    "topics": TaxonomySitemap(Topic),
    "regions": TaxonomySitemap(Region),
    "programs": TaxonomySitemap(Program),
    "projects": TaxonomySitemap(Project),
    "collections": TaxonomySitemap(Collection),
}
