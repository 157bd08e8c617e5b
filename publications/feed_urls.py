from django.http import Http404
from django.urls import path

app_name = "feeds"


# Placeholder being replaced in this change.
def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    path("latest/rss/", _placeholder, name="latest_rss"),
    path("latest/atom/", _placeholder, name="latest_atom"),
]
