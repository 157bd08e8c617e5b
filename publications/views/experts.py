"""An expert's public page (the directory is people's own view: people/views.py)."""

from django.shortcuts import render

from people.seo import person_structured_data
from publications.queries.experts import expert_profile


def expert_detail(request, slug):
    profile = expert_profile(
        slug=slug, page=request.GET.get("page"), type_slug=request.GET.get("type"), language=request.LANGUAGE_CODE
    )
    canonical_url = request.build_absolute_uri(profile.canonical_path)
    headshot = profile.person.headshot
    return render(
        request,
        "people/person_detail.html",
        {
            "profile": profile,
            "canonical_url": canonical_url,
            "og_image": request.build_absolute_uri(headshot.file.url) if headshot and headshot.file else "",
            "structured_data": person_structured_data(
                profile.person,
                canonical_url=request.build_absolute_uri(profile.person.get_absolute_url()),
                absolute=request.build_absolute_uri,
            ),
        },
    )
