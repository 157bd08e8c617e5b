"""Centers', topics', regions' and the other taxonomy pages: each lists publications, so they live here."""

from django.urls import path

from publications.views import taxonomy

app_name = "taxonomy"

urlpatterns = [
    path("centers/", taxonomy.center_index, name="centers"),
    path("centers/<uslug:slug>/", taxonomy.center_detail, name="center"),
    path("topics/", taxonomy.topic_index, name="topics"),
    path("topics/<uslug:slug>/", taxonomy.topic_detail, name="topic"),
    path("regions/", taxonomy.region_index, name="regions"),
    path("regions/<uslug:slug>/", taxonomy.region_detail, name="region"),
    path("programs/<uslug:slug>/", taxonomy.program_detail, name="program"),
    path("projects/<uslug:slug>/", taxonomy.project_detail, name="project"),
    path("collections/<uslug:slug>/", taxonomy.collection_detail, name="collection"),
    path("newsletters/<uslug:slug>/", taxonomy.newsletter_detail, name="newsletter"),
]
