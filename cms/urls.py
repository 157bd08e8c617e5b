"""The site's address book: every public page, the admin, feeds and discovery files.

People pages that list publications are served by publications/ views, since imports point
one way (publications → people → cms).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from cms import views as cms_views
from cms.converters import UnicodeSlugConverter
from people import views as people_views
from publications import views as publication_views
from publications import taxonomy_views
from publications.sitemaps import SITEMAPS

# Before the includes below: their patterns use it.
register_converter(UnicodeSlugConverter, "uslug")

people_patterns = (
    [
        path("", people_views.expert_directory, name="list"),
        path("<uslug:slug>/", publication_views.expert_detail, name="detail"),
    ],
    "people",
)

taxonomy_patterns = (
    [
        path("centers/", taxonomy_views.center_index, name="centers"),
        path("centers/<uslug:slug>/", taxonomy_views.center_detail, name="center"),
        path("topics/", taxonomy_views.topic_index, name="topics"),
        path("topics/<uslug:slug>/", taxonomy_views.topic_detail, name="topic"),
        path("regions/", taxonomy_views.region_index, name="regions"),
        path("regions/<uslug:slug>/", taxonomy_views.region_detail, name="region"),
        path("programs/<uslug:slug>/", taxonomy_views.program_detail, name="program"),
        path("projects/<uslug:slug>/", taxonomy_views.project_detail, name="project"),
        path("collections/<uslug:slug>/", taxonomy_views.collection_detail, name="collection"),
        path("newsletters/<uslug:slug>/", taxonomy_views.newsletter_detail, name="newsletter"),
    ],
    "taxonomy",
)

urlpatterns = [
    path("", publication_views.home, name="home"),
    path("publications/", include("publications.urls")),
    path("experts/", include(people_patterns)),
    path("", include(taxonomy_patterns)),
    path("search/", publication_views.search, name="search"),
    path("feeds/", include("publications.feed_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots"),
    path("healthz", cms_views.healthz, name="healthz"),
    # The editor's endpoints (paste cleaning, image library), before the admin's catch-all.
    path("admin/desk/", include("cms.desk_urls")),
    path("admin/", admin.site.urls),
]

# A database fault outside any view is a 503 with Retry-After, not a 500 (cms/middleware.py).
handler500 = "cms.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
