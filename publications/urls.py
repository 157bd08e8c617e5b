from django.urls import path

from publications.views import listings, publication_page

app_name = "publications"

urlpatterns = [
    path("", listings.publication_list, name="list"),
    path("preview/<int:pk>/", publication_page.publication_preview, name="preview"),
    path("preview/share/<str:token>/", publication_page.publication_preview_share, name="preview_share"),
    path("<uslug:slug>/", publication_page.publication_detail, name="detail"),
]
