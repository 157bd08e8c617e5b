from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "cms.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"
