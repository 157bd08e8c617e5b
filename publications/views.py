from django.http import Http404
from django.shortcuts import render

from people.seo import person_structured_data
from publications.queries import expert_profile
from publications.filters import PublicationFilterForm, first_value
from publications.queries import home_page, publication_filter_options, publication_listing
from publications.queries import publication_page
from publications.queries import search_results
from publications.seo import publication_structured_data


def publication_detail(request, slug):
    page = publication_page(slug=slug)
    canonical_url = request.build_absolute_uri(page.publication.get_absolute_url())
    lead = page.publication.lead_image
    return render(
        request,
        "publications/publication_detail.html",
        {
            "page": page,
            "canonical_url": canonical_url,
            "og_image": request.build_absolute_uri(lead.file.url) if lead and lead.file else "",
            "structured_data": publication_structured_data(
                page, canonical_url=canonical_url, absolute=request.build_absolute_uri
            ),
        },
    )


# Placeholders being replaced in this change; each raises 404 until its page is built.
def home(request):
    return render(
        request, "publications/home.html", {"page": home_page(), "canonical_url": request.build_absolute_uri("/")}
    )


def publication_list(request):
    form = PublicationFilterForm(request.GET, options=publication_filter_options())
    listing = publication_listing(filters=form.listing_filters(), page=first_value(request.GET, "page"))
    return render(request, "publications/publication_list.html", {"form": form, "listing": listing})


def search(request):
    form = PublicationFilterForm(request.GET, options=publication_filter_options())
    results = search_results(
        q=first_value(request.GET, "q"), filters=form.listing_filters(), page=first_value(request.GET, "page")
    )
    return render(
        request, "publications/search.html", {"form": form, "results": results, "search_query": results.query}
    )


def expert_detail(request, slug):
    profile = expert_profile(slug=slug, page=request.GET.get("page"), type_slug=request.GET.get("type"))
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
