from django import template

from cms.sitesettings.models import cached_or_default

register = template.Library()


@register.simple_tag
def site_settings_without_database():
    """`{% site_settings_without_database as site_settings %}` on the 500 and 503 pages, which
    are rendered without a request and must not need the database."""
    return cached_or_default()
