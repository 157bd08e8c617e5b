"""The search page: the search box's results, narrowed by the listing's filters."""

from django.shortcuts import render

from publications.filters import SearchFilterForm, first_value
from publications.queries.listings import publication_filter_options
from publications.queries.search import search_results


def search(request):
    form = SearchFilterForm(request.GET, options=publication_filter_options())
    results = search_results(
        q=first_value(request.GET, "q"),
        filters=form.listing_filters(),
        page=first_value(request.GET, "page"),
        language=form.search_language(),
    )
    return render(
        request, "publications/search.html", {"form": form, "results": results, "search_query": results.query}
    )
