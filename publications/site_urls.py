"""Pages publications serves at the site's root, outside any namespace: home and search (the sitemap: sitemap_urls.py)."""

from django.urls import path

from publications.views import listings, search

urlpatterns = [
    path("", listings.home, name="home"),
    path("search/", search.search, name="search"),
]
