from django.urls import path

from publications import feeds

app_name = "feeds"

urlpatterns = [
    path("latest/rss/", feeds.LatestWorkFeed(), name="latest_rss"),
    path("latest/atom/", feeds.LatestWorkAtomFeed(), name="latest_atom"),
    path("experts/<str:slug>/rss/", feeds.ExpertFeed(), name="expert_rss"),
    path("experts/<str:slug>/atom/", feeds.ExpertAtomFeed(), name="expert_atom"),
    path("topics/<str:slug>/rss/", feeds.TopicFeed(), name="topic_rss"),
    path("topics/<str:slug>/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
    path("regions/<str:slug>/rss/", feeds.RegionFeed(), name="region_rss"),
    path("regions/<str:slug>/atom/", feeds.RegionAtomFeed(), name="region_atom"),
    path("centers/<str:slug>/rss/", feeds.CenterFeed(), name="center_rss"),
    path("centers/<str:slug>/atom/", feeds.CenterAtomFeed(), name="center_atom"),
]
