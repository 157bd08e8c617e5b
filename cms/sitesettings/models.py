from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from cms.pagecache.cache import purge_everything

CACHE_KEY = "sitesettings:current"
SINGLETON_PK = 1


def default_site_name() -> str:
    return settings.SITE_NAME


def default_short_name() -> str:
    return settings.SITE_SHORT_NAME


def default_description() -> str:
    return f"The {settings.SITE_NAME}: independent analysis from a global network of policy research centers."


class SiteSettings(models.Model):
    """The one row of site-wide settings (pk 1). A fresh database has none: `current()` then
    answers with the defaults, which come from the project settings, so pages read the same."""

    site_name = models.CharField(
        max_length=200,
        default=default_site_name,
        help_text=_("In every page title, the header, the footer, link previews and feeds."),
        verbose_name=_("site name"),
    )
    short_name = models.CharField(
        max_length=80,
        default=default_short_name,
        help_text=_('Where space is short: the admin\'s header reads "<short name> CMS".'),
        verbose_name=_("short name"),
    )
    description = models.CharField(
        max_length=300,
        default=default_description,
        help_text=_("The home page's description for search engines and link previews."),
        verbose_name=_("description"),
    )
    footer_locations = models.CharField(
        max_length=300,
        blank=True,
        default="Washington · Brussels · Singapore · Berlin · New Delhi · Beirut · California",
        help_text=_("After the site's name in the footer of every page."),
        verbose_name=_("footer locations"),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = SINGLETON_PK
        super().save(*args, **kwargs)
        # Dropped now and again after the commit, so that a read between the two cannot keep
        # the old row cached; every page shows the name, so every cached page goes too.
        cache.delete(CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(CACHE_KEY), robust=True)
        purge_everything()

    @property
    def masthead(self) -> tuple[str, str]:
        """The name as the header sets it: the first two words, then the rest in smaller type."""
        words = self.site_name.split()
        return " ".join(words[:2]), " ".join(words[2:])


def current() -> SiteSettings:
    """The site settings: from the cache, else the row (one query), else the defaults."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = SiteSettings.objects.filter(pk=SINGLETON_PK).first() or SiteSettings()
        cache.set(CACHE_KEY, found, timeout=None)
    return found


def cached_or_default() -> SiteSettings:
    """What `current()` would answer, without the database: for the 500 and 503 pages, which
    are shown when the database may be what failed. The cache may be down too."""
    try:
        found = cache.get(CACHE_KEY)
    except Exception:
        found = None
    return found if found is not None else SiteSettings()
