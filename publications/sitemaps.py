"""The sitemap: every public page a search engine should find, and nothing that is not public.

Publications start from `published()` and people from `public()`, like every other public
surface. Each section is a fixed number of queries per sitemap page (50,000 URLs).

Languages (Google's sitemap format, `xhtml:link rel="alternate" hreflang`):
- a piece is listed once, at the address of its own language (an Arabic edition at /ar/…), with
  the same alternates its page declares (publications/editions.py:edition_links): every public
  edition of its work and x-default on the original. Drafts of a work are never named;
- pages that read the same in every interface language (home, listings, experts, centers, topics,
  regions…) are listed at each language's address, each with all of them and x-default on English.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Person
from publications.editions import SITEMAP_FIELDS, edition_links, edition_path, public_works_of
from publications.models import Publication


class PublicationSitemap(Sitemap):
    """Each public piece at its own language's address, with its work's public editions as alternates.

    3 queries a sitemap page: the count, the page's rows, the rest of their works' public pieces.
    """

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        depends_on(model_tag(Publication))
        return Publication.objects.published().only(*SITEMAP_FIELDS).order_by("-pk")

    def location(self, item):
        return edition_path(item)

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if not urls:
            return urls
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        pieces = [url["item"] for url in urls]
        # The page is every public piece between its lowest and highest pk (items() is ordered by pk).
        lowest, highest = min(piece.pk for piece in pieces), max(piece.pk for piece in pieces)
        works = public_works_of(pieces, self.items().filter(pk__range=(lowest, highest)))
        for url in urls:
            piece = url["item"]
            links = edition_links(works[piece.translation_of_id or piece.pk])
            url["alternates"] = [{"lang_code": language, "location": f"{base}{path}"} for language, path in links]
        return urls


class EveryLanguageSitemap(Sitemap):
    """Pages with an address in every interface language: each address listed, each naming all of them.

    Django's own `alternates` guesses the x-default address by deleting "/en/" from the URL (a slug
    "en" would lose it); here every address, x-default's too, is reversed in its language.
    Items are read once for all languages: 1 query a section, whatever the number of pages.
    """

    i18n = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            item, _language = url["item"]
            addresses = {code: f"{base}{self.location_in(item, code)}" for code in self.get_languages_for_item(item)}
            url["alternates"] = [
                *({"lang_code": code, "location": location} for code, location in addresses.items()),
                {"lang_code": "x-default", "location": addresses[settings.LANGUAGE_CODE]},
            ]
        return urls

    def location_in(self, item, code: str) -> str:
        with translation.override(code):
            return self.location(item)


class ExpertSitemap(EveryLanguageSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        depends_on(model_tag(Person))
        return Person.objects.public().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class TaxonomySitemap(EveryLanguageSitemap):
    """Centers, topics, regions, programs, projects or collections: every row has a public page."""

    changefreq = "daily"
    priority = 0.5

    def __init__(self, model):
        self.model = model

    def items(self):
        depends_on(model_tag(self.model))
        return self.model.objects.only("pk", "slug").order_by("pk")


class SectionSitemap(EveryLanguageSitemap):
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
