from django.http import Http404
from django.urls import path

app_name = "feeds"


# Placeholder being replaced in this change.
def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    path("latest/rss/", _placeholder, name="latest_rss"),
    path("latest/atom/", _placeholder, name="latest_atom"),
    path("experts/<str:slug>/rss/", _placeholder, name="expert_rss"),
    path("experts/<str:slug>/atom/", _placeholder, name="expert_atom"),
    path("topics/<str:slug>/rss/", _placeholder, name="topic_rss"),
    path("topics/<str:slug>/atom/", _placeholder, name="topic_atom"),
    path("regions/<str:slug>/rss/", _placeholder, name="region_rss"),
    path("regions/<str:slug>/atom/", _placeholder, name="region_atom"),
    path("centers/<str:slug>/rss/", _placeholder, name="center_rss"),
    path("centers/<str:slug>/atom/", _placeholder, name="center_atom"),
]
