from django.apps import AppConfig


class TaxonomiesConfig(AppConfig):
    name = "cms.taxonomies"
    label = "taxonomies"
    verbose_name = "Vocabulary"

    def ready(self):
        from cms.pagecache.cache import watch
        from cms.taxonomies import models

        # Rows pages show: each page records the ones it loaded and is purged when one changes.
        watch(
            models.Center,
            models.Topic,
            models.Region,
            models.Program,
            models.Project,
            models.Collection,
            models.Newsletter,
        )
