"""Endpoints of the admin's editor (cms/desk_views.py), mounted under /admin/desk/."""

from django.urls import path

from cms import desk_views

app_name = "desk"
urlpatterns = [
    path("paste/", desk_views.paste, name="paste"),
    path("images/", desk_views.images, name="images"),
]
