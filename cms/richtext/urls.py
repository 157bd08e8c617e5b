"""Endpoints of the admin's editor (cms/views.py), mounted under /admin/desk/."""

from django.urls import path

from cms.richtext import views

app_name = "desk"
urlpatterns = [
    path("paste/", views.paste, name="paste"),
    path("images/", views.images, name="images"),
]
