"""The "people" namespace: the expert directory and the expert pages.

One namespace is served by one URLconf (Django reverses names through the first include that
claims it), and the expert page lists publications, so the URLconf lives here, the lowest floor
that sees both views. The directory itself stays people's view.
"""

from django.urls import path

from people import views as people_views
from publications.views import experts

app_name = "people"

urlpatterns = [
    path("", people_views.expert_directory, name="list"),
    path("<uslug:slug>/", experts.expert_detail, name="detail"),
]
