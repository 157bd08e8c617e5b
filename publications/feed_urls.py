from django.urls import path

from publications import feeds

app_name = "feeds"

urlpatterns = [
    path("latest/rss/", feeds.LatestWorkFeed(), name="latest_rss"),
    path("latest/atom/", feeds.LatestWorkAtomFeed(), name="latest_atom"),
    path("experts/<uslug:slug>/rss/", feeds.ExpertFeed(), name="expert_rss"),
    path("experts/<uslug:slug>/atom/", feeds.ExpertAtomFeed(), name="expert_atom"),
    path("topics/<uslug:slug>/rss/", feeds.TopicFeed(), name="topic_rss"),
    path("topics/<uslug:slug>/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
    path("regions/<uslug:slug>/rss/", feeds.RegionFeed(), name="region_rss"),
    path("regions/<uslug:slug>/atom/", feeds.RegionAtomFeed(), name="region_atom"),
    path("centers/<uslug:slug>/rss/", feeds.CenterFeed(), name="center_rss"),
    path("centers/<uslug:slug>/atom/", feeds.CenterAtomFeed(), name="center_atom"),
]
