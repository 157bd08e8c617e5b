"""Pages publications serves at the site's root, outside any namespace: home, search, sitemap."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from publications.sitemaps import SITEMAPS
from publications.views import listings, search

urlpatterns = [
    path("", listings.home, name="home"),
    path("search/", search.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
