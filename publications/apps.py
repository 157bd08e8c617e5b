from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        from cms.pagecache.cache import watch
        from publications import purging
        from publications.models import Disclaimer, PublicationType

        purging.connect()
        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        watch(PublicationType, Disclaimer)
