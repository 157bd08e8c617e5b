from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site structure"

    def ready(self):
        from cms import models, pagecache

        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        pagecache.watch(
            models.Center,
            models.Topic,
            models.Region,
            models.Program,
            models.Project,
            models.Collection,
            models.Newsletter,
            models.PublicationType,
            models.Disclaimer,
            models.Image,
        )
