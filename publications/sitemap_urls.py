"""The sitemap: one address for every language (cms/urls.py keeps it outside the language prefixes)."""

from django.urls import path

from publications.sitemaps import sitemap_view

urlpatterns = [
    path("sitemap.xml", sitemap_view, name="sitemap"),
]
