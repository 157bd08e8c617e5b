"""RSS and Atom feeds: the latest public work overall, and per expert, topic, region and center.

Every feed exists at each interface language's address (/ar/feeds/latest/rss/, …) and lists the
FEED_LENGTH newest public pieces written in that language (publications/queries/feeds.py:feed_items)
in a fixed number of queries. Its title and description are in that language, and it says so:
RSS `<language>`, Atom `xml:lang`, as BCP 47 tags ("zh-Hans"); an item in another language (a French
piece in the English feed) carries its own (`<dc:language>`, the entry's `xml:lang`).

Text from the database goes through `xml_text`: XML 1.0 cannot carry most control characters,
and Django refuses to write them rather than produce broken XML.
"""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.kit.languages import language_tag
from cms.pagecache.cache import depends_on, model_tag
from cms.sitesettings.models import current as site_settings
from cms.taxonomies.models import Center, Region, Topic, descendant_region_ids
from publications.models import Publication
from publications.queries.conditions import center_work, region_work, tagged_work, taxonomy_item_or_404
from publications.queries.feeds import expert_work, feed_items, public_person_or_404

# Characters XML 1.0 does not allow: C0 controls other than tab, newline and carriage
# return, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    """Return `value` as text that can go into an XML 1.0 document (`]]>` is escaped by the writer)."""
    return _NOT_XML.sub("", str(value or ""))


class RssFeedGenerator(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per contributor, in byline order."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["language"] != self.feed["language"]:
            handler.addQuickElement("dc:language", item["language"])


class AtomFeedGenerator(feedgenerator.Atom1Feed):
    """Atom 1.0 with one <author> per contributor, in byline order."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item["language"] != self.feed["language"]:
            attributes = {**attributes, "xml:lang": item["language"]}
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


class LatestWorkFeed(Feed):
    """The newest public pieces of the whole institution (RSS)."""

    feed_type = RssFeedGenerator

    @property
    def language(self) -> str:
        # Read by Feed.get_feed for <language> / xml:lang: the language of the address being served.
        return language_tag(get_language())

    def author_name(self, obj=None):
        # Atom requires an author for every entry; pieces without a byline inherit this one.
        return site_settings().site_name

    def title(self, obj=None):
        return _("Latest work | %(site)s") % {"site": self.feed_text(site_settings().site_name)}

    def link(self, obj=None):
        return reverse("publications:list")

    def description(self, obj=None):
        return _("The newest publications from the %(site)s.") % {"site": self.feed_text(site_settings().site_name)}

    def items(self, obj=None):
        depends_on(model_tag(Publication))
        return feed_items(Publication.objects.published(), get_language())

    def item_title(self, item):
        # RSS readers commonly treat titles as HTML, so a title is escaped like Django's default.
        return escape(xml_text(item.title))

    def feed_text(self, value) -> str:
        """A name in the channel's title or description: escaped, since RSS readers render HTML."""
        return escape(xml_text(value))

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> are HTML; the dek is plain text.
        return escape(xml_text(item.dek))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        if item.publication_date is None:
            return None  # legacy pieces with no known date: no <pubDate>, still listed
        return datetime.datetime.combine(item.publication_date, datetime.time.min, tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(topic.name) for topic in item.topics.all()]

    def item_extra_kwargs(self, item):
        return {"authors": [xml_text(row.person.name) for row in item.byline], "language": language_tag(item.language)}


class AtomMixin:
    feed_type = AtomFeedGenerator

    def subtitle(self, obj=None):
        return self.description(obj)

    def item_title(self, item):
        # An Atom <title> is text (no type attribute): no HTML escaping.
        return xml_text(item.title)

    def feed_text(self, value) -> str:
        # Atom's <title> and <subtitle> are text too.
        return xml_text(value)


class LatestWorkAtomFeed(AtomMixin, LatestWorkFeed):
    pass


class ExpertFeed(LatestWorkFeed):
    """Public pieces with this expert (public profile only) anywhere in the byline."""

    def get_object(self, request, slug):
        return public_person_or_404(slug)

    def title(self, obj):
        return f"{self.feed_text(obj.name)} | {self.feed_text(site_settings().site_name)}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The newest publications by %(name)s.") % {"name": self.feed_text(obj.name)}

    def items(self, obj):
        return feed_items(expert_work(obj.pk), get_language())


class ExpertAtomFeed(AtomMixin, ExpertFeed):
    pass


class TopicFeed(LatestWorkFeed):
    def get_object(self, request, slug):
        return taxonomy_item_or_404(Topic.objects.all(), slug)

    def title(self, obj):
        return f"{self.feed_text(obj.name)} | {self.feed_text(site_settings().site_name)}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The newest publications on %(name)s.") % {"name": self.feed_text(obj.name)}

    def items(self, obj):
        return feed_items(tagged_work("topics", [obj.pk]), get_language())


class TopicAtomFeed(AtomMixin, TopicFeed):
    pass


class RegionFeed(TopicFeed):
    """Public pieces tagged with the region or any of its sub-regions."""

    def get_object(self, request, slug):
        return taxonomy_item_or_404(Region.objects.all(), slug)

    def items(self, obj):
        return feed_items(region_work(descendant_region_ids([obj.pk])), get_language())


class RegionAtomFeed(AtomMixin, RegionFeed):
    pass


class CenterFeed(TopicFeed):
    """Public pieces whose primary center this is, or that are tagged with it."""

    def get_object(self, request, slug):
        return taxonomy_item_or_404(Center.objects.all(), slug)

    def description(self, obj):
        return _("The newest publications from %(name)s.") % {"name": self.feed_text(obj.name)}

    def items(self, obj):
        return feed_items(center_work(obj.pk), get_language())


class CenterAtomFeed(AtomMixin, CenterFeed):
    pass
