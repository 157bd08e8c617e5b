from django.core.paginator import Page, Paginator
from django.http import Http404

MAX_PAGE_PARAM_LENGTH = 7


def paginate(items, *, page: str | None, per_page: int, count: int | None = None) -> Page:
    """Return the requested page of `items` (2 queries for a queryset: count and slice).

    A missing page is page 1. Anything else that is not a page that exists (0, -1, "abc",
    "2.5", 10^20, past the end) raises Http404, so crawlers never index endless empty pages.
    A caller that already knows how many items there are passes `count`, saving the count query.
    """
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # a cached_property: the known value stands in for the query
    if page in (None, ""):
        number = 1
    elif len(page) > MAX_PAGE_PARAM_LENGTH or not (page.isascii() and page.isdigit()):
        raise Http404("No such page")
    else:
        number = int(page)
    if number < 1 or number > paginator.num_pages:
        raise Http404("No such page")
    return paginator.page(number)
