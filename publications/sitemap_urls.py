"""The sitemap: one address for every language (cms/urls.py keeps it outside the language prefixes)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from publications.sitemaps import SITEMAPS

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
