from django.apps import AppConfig


class RichtextConfig(AppConfig):
    name = "cms.richtext"
    label = "richtext"
    verbose_name = "Rich text"
