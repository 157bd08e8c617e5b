"""The site's address book: every public page, the admin, feeds and discovery files.

The project package knows the apps only by the names of their URLconfs: each app owns its
routes and views, and imports point down (publications → people → cms platform).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter

from cms import views as cms_views
from cms.converters import UnicodeSlugConverter

# Before the includes below: their patterns use it.
register_converter(UnicodeSlugConverter, "uslug")

# The reader's pages, in every interface language: English at today's addresses, the others under
# their prefix (/ar/…, /zh-hans/…, /ru/…). Feeds too: their titles are interface text.
urlpatterns = i18n_patterns(
    # Home and search: publications' pages at the root, with un-namespaced names.
    path("", include("publications.site_urls")),
    path("publications/", include("publications.urls")),
    path("experts/", include("publications.expert_urls")),
    path("", include("publications.taxonomy_urls")),
    path("feeds/", include("publications.feed_urls")),
    prefix_default_language=False,
)

# One address each, whatever the language: discovery files, the health check and the admin.
urlpatterns += [
    path("", include("publications.sitemap_urls")),
    path("robots.txt", cms_views.robots_txt, name="robots"),
    path("healthz", cms_views.healthz, name="healthz"),
    # The editor's endpoints (paste cleaning, image library), before the admin's catch-all.
    path("admin/desk/", include("cms.richtext.urls")),
    # The admin header's language selector (the admin's language is the editor's choice).
    path("admin/language/", cms_views.admin_language, name="admin-language"),
    # Admin pages of records that moved out of the `cms` app keep their old addresses as redirects.
    re_path(r"^admin/cms/(?:(?P<model>[a-z]+)/(?P<rest>.*))?$", cms_views.moved_admin_page, name="moved-admin-page"),
    path("admin/", admin.site.urls),
]

# A database fault outside any view is a 503 with Retry-After, not a 500 (cms/middleware.py).
handler500 = "cms.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
