from django.urls import path

from publications import views

app_name = "publications"

urlpatterns = [
    path("", views.publication_list, name="list"),
    path("preview/<int:pk>/", views.publication_preview, name="preview"),
    path("preview/share/<str:token>/", views.publication_preview_share, name="preview_share"),
    path("<uslug:slug>/", views.publication_detail, name="detail"),
]
