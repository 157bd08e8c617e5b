from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: its admin (users, groups, keywords), template tags and old migrations."""

    name = "cms"
    verbose_name = "Site structure"
