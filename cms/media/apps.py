from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "cms.media"
    label = "media"
    verbose_name = "Media library"

    def ready(self):
        from cms.pagecache.cache import watch
        from cms.media import models

        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        watch(models.Image)
