"""The home page and the publications listing with its filters."""

from django.shortcuts import render

from publications.filters import PublicationFilterForm, first_value
from publications.queries.listings import home_page, publication_filter_options, publication_listing


def home(request):
    return render(
        request,
        "publications/home.html",
        {"page": home_page(language=request.LANGUAGE_CODE), "canonical_url": request.build_absolute_uri("/")},
    )


def publication_list(request):
    form = PublicationFilterForm(request.GET, options=publication_filter_options())
    listing = publication_listing(
        filters=form.listing_filters(), page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE
    )
    return render(request, "publications/publication_list.html", {"form": form, "listing": listing})
