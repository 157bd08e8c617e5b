"""Centers', topics', regions' and the other taxonomy pages: each lists publications, so they live here."""

from django.urls import path

from publications import taxonomy_views

app_name = "taxonomy"

urlpatterns = [
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
]
