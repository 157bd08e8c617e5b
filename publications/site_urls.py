"""Pages publications serves at the site's root, outside any namespace: home, search, sitemap."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from publications import views
from publications.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
