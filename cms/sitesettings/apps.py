from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "cms.sitesettings"
    label = "sitesettings"
    verbose_name = "Site settings"
