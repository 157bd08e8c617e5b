from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "cms.media"
    label = "media"
    verbose_name = _("Media library")

    def ready(self):
        from cms.media import models
        from cms.pagecache.cache import watch

        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        watch(models.Image)
