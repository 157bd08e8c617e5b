from django.utils.functional import SimpleLazyObject

from cms.sitesettings.models import current


def site_settings(request):
    # Lazy: a template that never shows the site's name (most of the admin) reads nothing.
    return {"site_settings": SimpleLazyObject(current)}
