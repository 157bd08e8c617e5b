from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from cms.pagecache.cache import watch
        from publications import purging
        from publications.models import Disclaimer, PublicationType

        purging.connect()
        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        watch(PublicationType, Disclaimer)
