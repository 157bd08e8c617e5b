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

import datetime
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from cms.pagecache.cache import depends_on, model_tag
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Person
from publications.editions import SITEMAP_FIELDS, edition_links, edition_path, edition_paths, public_works_of
from publications.models import Publication


class PublicationSitemap(Sitemap):
    """Each public piece at its own language's address, with its work's public editions as alternates.

    3 queries a sitemap page: the count, the page's rows, the rest of their works' public pieces.
    Each address is reversed once (`edition_paths`), however many pages of its work name it.
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
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        pieces = list(self.paginator.page(page).object_list)
        if not pieces:
            return []
        # The page is every public piece between its lowest and highest pk (items() is ordered by pk).
        lowest, highest = min(piece.pk for piece in pieces), max(piece.pk for piece in pieces)
        works = public_works_of(pieces, self.items().filter(pk__range=(lowest, highest)))
        paths = edition_paths(piece for work in works.values() for piece in work)
        urls = []
        for piece in pieces:
            links = edition_links(works[piece.translation_of_id or piece.pk], paths)
            urls.append(
                {
                    "item": piece,
                    "location": f"{base}{paths[piece.pk]}",
                    "lastmod": piece.updated_at,
                    "changefreq": self.changefreq,
                    "priority": str(self.priority),
                    "alternates": [{"lang_code": code, "location": f"{base}{path}"} for code, path in links],
                }
            )
        self.latest_lastmod = max(piece.updated_at for piece in pieces)
        return urls


class EveryLanguageSitemap(Sitemap):
    """Pages with an address in every interface language: each address listed, each naming all of them.

    Django's own `alternates` guesses the x-default address by deleting "/en/" from the URL (a slug
    "en" would lose it); here every address, x-default's too, is reversed in its language, once
    (one language switch per language). Items are read once for all languages: 1 query a section.
    """

    i18n = True

    def get_urls(self, page=1, site=None, protocol=None):
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        pairs = list(self.paginator.page(page).object_list)  # (item, language) for each address
        items = list({id(item): item for item, _language in pairs}.values())
        addresses: dict[int, dict[str, str]] = {id(item): {} for item in items}
        for code in self.get_languages_for_item(None):
            with translation.override(code):
                for item in items:
                    addresses[id(item)][code] = f"{base}{self.location(item)}"
        urls = []
        for item, code in pairs:
            in_each = addresses[id(item)]
            urls.append(
                {
                    "item": (item, code),
                    "location": in_each[code],
                    "lastmod": self._get("lastmod", (item, code)),
                    "changefreq": self.changefreq,
                    "priority": str(self.priority),
                    "alternates": [
                        *({"lang_code": language, "location": location} for language, location in in_each.items()),
                        {"lang_code": "x-default", "location": in_each[settings.LANGUAGE_CODE]},
                    ],
                }
            )
        return urls


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


def sitemap_view(request):
    """The sitemap: Django's view picks the page and the sections' URLs; they are written here.

    Django's template takes about 20 s for a page of 50,000 addresses with their alternates (every
    `{% for %}` and `{% if %}` costs per URL); joining strings takes under a second, and the
    XML is the same: Google's `urlset` with `xhtml:link` alternates.
    """
    response = sitemap(request, sitemaps=SITEMAPS)
    written = HttpResponse(sitemap_xml(response.context_data["urlset"]), content_type=response["Content-Type"])
    for header, value in response.items():  # Last-Modified, X-Robots-Tag
        if header.lower() != "content-type":
            written[header] = value
    return written


def sitemap_xml(urls) -> str:
    """The `urlset` document for `urls` (Sitemap.get_urls' dicts), every value escaped."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        for alternate in url["alternates"]:
            parts.append(
                f'<xhtml:link rel="alternate" hreflang={quoteattr(alternate["lang_code"])} '
                f"href={quoteattr(alternate['location'])}/>"
            )
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts)


def _day(value) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.isoformat()
